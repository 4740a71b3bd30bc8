namespace Nexus.Nxml.Tests.Printing;

/// <summary>
/// Every document of the shared test data that is valid round-trips through the printer: the valid and
/// warning conformance files, the panels from the wild and the benchmark corpus (form.nxml included: its two
/// INVALID_DEFAULT_VALUE errors must survive printing). Invalid conformance files that still parse keep
/// their tree too.
/// </summary>
public sealed class CorpusRoundTripTests
{
    private static string ConformanceFolder => Path.Combine(TestPaths.Conformance, "nxml");

    private static string WildFolder => Path.Combine(TestPaths.Conformance, "wild");

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names(ConformanceFolder, "valid-*.nxml").Concat(Names(ConformanceFolder, "warn-*.nxml")))
        {
            data.Add("conformance/" + name);
        }

        foreach (var name in Names(WildFolder, "*.nxml"))
        {
            data.Add("wild/" + name);
        }

        foreach (var name in Names(TestPaths.BenchCorpus, "*.nxml"))
        {
            data.Add("bench/" + name);
        }

        return data;
    }

    public static TheoryData<string> InvalidDocuments() => [.. Names(ConformanceFolder, "err-*.nxml")];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_round_trips_through_the_printer(string document)
    {
        RoundTrip.AssertRoundTrips(File.ReadAllText(Resolve(document)));
    }

    /// <summary>
    /// The tree of an invalid document prints and reads back the same; its diagnostics may change only where the
    /// tree cannot hold the offending markup (a second section, an unknown element).
    /// </summary>
    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Invalid_document_that_parses_keeps_its_tree(string file)
    {
        var source = File.ReadAllText(Path.Combine(ConformanceFolder, file));
        if (NxmlDocument.Parse(source).Panel is null)
        {
            return;
        }

        RoundTrip.AssertTreeRoundTrips(source);
    }

    [Fact]
    public void The_shared_data_has_documents_of_every_kind()
    {
        var documents = Documents().Select(row => row.Data).ToList();
        Assert.Contains("conformance/valid-comments.nxml", documents);
        Assert.Contains("conformance/warn-unused.nxml", documents);
        Assert.Contains("wild/chat.nxml", documents);
        Assert.Contains("bench/form.nxml", documents);
        Assert.True(InvalidDocuments().Count > 20);
    }

    private static IEnumerable<string> Names(string folder, string pattern) =>
        Directory.GetFiles(folder, pattern).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static string Resolve(string document)
    {
        var slash = document.IndexOf('/', StringComparison.Ordinal);
        var name = document[(slash + 1)..];
        return document[..slash] switch
        {
            "conformance" => Path.Combine(ConformanceFolder, name),
            "wild" => Path.Combine(WildFolder, name),
            _ => Path.Combine(TestPaths.BenchCorpus, name),
        };
    }
}
