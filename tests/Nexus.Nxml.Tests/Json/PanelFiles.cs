namespace Nexus.Nxml.Tests.Json;

/// <summary>The shared NXML files the JSON and schema tests run over, named relative to the shared data.</summary>
internal static class PanelFiles
{
    /// <summary>Every valid panel: conformance valid-*/warn-*, the wild panels and the benchmark corpus.</summary>
    public static TheoryData<string> Valid() => [.. ValidPaths()];

    /// <summary>Conformance files with errors that still parse: their trees have gaps (missing names, bad types) that JSON must carry too.</summary>
    public static TheoryData<string> ParsedWithErrors() =>
        [.. ConformanceFiles("err-*.nxml").Where(file => NxmlDocument.Check(File.ReadAllText(FullPath(file))).Panel is not null)];

    public static IEnumerable<string> ValidPaths() =>
        ConformanceFiles("valid-*.nxml")
            .Concat(ConformanceFiles("warn-*.nxml"))
            .Concat(Files(Path.Combine(TestPaths.Conformance, "wild"), "wild"))
            .Concat(Files(TestPaths.BenchCorpus, "bench-corpus"));

    public static NxmlDocument Check(string file) => NxmlDocument.Check(File.ReadAllText(FullPath(file)));

    public static string FullPath(string file) => file.StartsWith("bench-corpus/", StringComparison.Ordinal)
        ? Path.Combine(TestPaths.BenchCorpus, file["bench-corpus/".Length..])
        : Path.Combine(TestPaths.Conformance, file);

    private static IEnumerable<string> ConformanceFiles(string pattern) => Files(Path.Combine(TestPaths.Conformance, "nxml"), "nxml", pattern);

    private static IEnumerable<string> Files(string directory, string prefix, string pattern = "*.nxml") =>
        Directory.GetFiles(directory, pattern).Select(f => prefix + "/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);
}
