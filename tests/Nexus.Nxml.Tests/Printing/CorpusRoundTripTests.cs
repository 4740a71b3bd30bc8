namespace Nexus.Nxml.Tests.Printing;

/// <summary>
/// Every document of the shared test data that parses round-trips through the printer: the valid and
/// warning conformance files, the panels from the wild and the benchmark corpus (form.nxml included: its two
/// INVALID_DEFAULT_VALUE errors must survive printing).
/// </summary>
public sealed class CorpusRoundTripTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var path in ConformanceFiles("valid-*.nxml").Concat(ConformanceFiles("warn-*.nxml")).Concat(Files("wild", TestPaths.Conformance)).Concat(Files(".", TestPaths.BenchCorpus)))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_round_trips_through_the_printer(string document)
    {
        RoundTrip.AssertRoundTrips(File.ReadAllText(Resolve(document)));
    }

    [Fact]
    public void The_shared_data_has_documents_of_every_kind()
    {
        var documents = Documents().Select(row => row.Data).ToList();
        Assert.Contains("conformance/valid-comments.nxml", documents);
        Assert.Contains("conformance/warn-unused.nxml", documents);
        Assert.Contains("wild/chat.nxml", documents);
        Assert.Contains("bench/form.nxml", documents);
    }

    private static IEnumerable<string> ConformanceFiles(string pattern) =>
        Directory.GetFiles(Path.Combine(TestPaths.Conformance, "nxml"), pattern).Select(f => "conformance/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Files(string folder, string root) =>
        Directory.GetFiles(Path.Combine(root, folder), "*.nxml").Select(f => (root == TestPaths.BenchCorpus ? "bench/" : folder + "/") + Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static string Resolve(string document)
    {
        var slash = document.IndexOf('/', StringComparison.Ordinal);
        var (kind, name) = (document[..slash], document[(slash + 1)..]);
        return kind switch
        {
            "conformance" => Path.Combine(TestPaths.Conformance, "nxml", name),
            "wild" => Path.Combine(TestPaths.Conformance, "wild", name),
            _ => Path.Combine(TestPaths.BenchCorpus, name),
        };
    }
}
