using CsCheck;

namespace Nexus.Nxml.Tests.Printing;

/// <summary>
/// Property: whatever the reader makes of a document, valid or not, the printer writes it so that it reads
/// back the same. The documents are corpus panels with random edits (markup fragments inserted, text
/// deleted or copied elsewhere); the edits that still parse are the interesting ones.
/// </summary>
public sealed class MutatedCorpusRoundTripTests
{
    private static readonly string[] Fragments =
    [
        "<", ">", "&", "&amp;", "&lt;", "&#65;", "&#", ";", "\"", "'", "{", "}", "{{", " ", "\n", "\r\n", "\r", "\t", "é",
        "<!-- x -->", "<!--", "-->", "--", "<![CDATA[", "]]>", "<![CDATA[ a ]]>", "<Handler>", "</Handler>", "</Handler >",
        "</Handler\n>", "<Handler name='h'>x</Handler>", "<Text>hi</Text>", "<Button>a &lt; b</Button>", "<Foo/>",
        "<Layout>", "</Layout>", "<State name='q' type='string'/>", "<Capabilities/>", " x='1'", "&#13;",
    ];

    private static readonly Lazy<string[]> Sources = new(() =>
        [.. Directory.GetFiles(TestPaths.Conformance, "*.nxml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(TestPaths.BenchCorpus, "*.nxml"))
            .Where(f => !f.EndsWith("large-generated.nxml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)]);

    [Fact]
    public void Every_document_that_parses_keeps_its_tree_through_the_printer()
    {
        var edits =
            from file in Gen.Int[0, Sources.Value.Length - 1]
            from numbers in Gen.Int[0, 1_000_000].Array[3, 12]
            select Mutate(Sources.Value[file], numbers);

        Check.Sample(
            edits,
            source =>
            {
                if (NxmlDocument.Parse(source).Panel is not null)
                {
                    RoundTrip.AssertTreeRoundTrips(source);
                }
            },
            iter: 5_000,
            print: source => source);
    }

    /// <summary>Applies one edit per three numbers: what to do, where, and with which fragment or length.</summary>
    private static string Mutate(string source, int[] numbers)
    {
        for (var i = 0; i + 2 < numbers.Length; i += 3)
        {
            var at = numbers[i + 1] % (source.Length + 1);
            var argument = numbers[i + 2];
            source = (numbers[i] % 4) switch
            {
                0 => source.Remove(at, Math.Min(1 + (argument % 20), source.Length - at)),
                1 => source.Insert(at, source.Substring(argument % (source.Length + 1), Math.Min(1 + (argument % 200), source.Length - (argument % (source.Length + 1))))),
                _ => source.Insert(at, Fragments[argument % Fragments.Length]),
            };
        }

        return source;
    }
}
