namespace Nexus.Reactor.Tests;

/// <summary>Where the shared test data is, found from the test binaries (<c>../shared</c> beside the repository).</summary>
internal static class TestPaths
{
    public static string Shared { get; } = Find();

    public static string Conformance => Path.Combine(Shared, "conformance");

    public static string BenchCorpus => Path.Combine(Shared, "bench-corpus");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nexus.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : throw new DirectoryNotFoundException("missing shared test data: " + shared);
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Nexus.slnx)");
    }
}
