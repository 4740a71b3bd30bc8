namespace Nexus.Nxml.Tests;

/// <summary>Where the repository and the shared test data are, found from the test binaries.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The shared conformance suites, beside the repository (<c>../shared/conformance</c>).</summary>
    public static string Conformance => Existing(Path.Combine(RepositoryRoot, "..", "shared", "conformance"));

    /// <summary>Expected outputs kept beside the tests (<c>tests/Nexus.Nxml.Tests/Json/Golden</c>).</summary>
    public static string JsonGolden => Existing(Path.Combine(RepositoryRoot, "tests", "Nexus.Nxml.Tests", "Json", "Golden"));

    public static string BenchCorpus => Existing(Path.Combine(RepositoryRoot, "..", "shared", "bench-corpus"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nexus.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Nexus.slnx) above " + AppContext.BaseDirectory);
    }

    private static string Existing(string path) => Directory.Exists(path)
        ? Path.GetFullPath(path)
        : throw new DirectoryNotFoundException($"the shared test data is missing: {Path.GetFullPath(path)} (clone the project beside ../shared)");
}
