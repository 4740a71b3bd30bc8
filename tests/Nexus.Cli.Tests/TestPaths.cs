namespace Nexus.Cli.Tests;

internal static class TestPaths
{
    /// <summary>The folder with <c>Nexus.slnx</c>.</summary>
    public static string Repository { get; } = FindRepository();

    public static string Conformance { get; } = Existing(System.IO.Path.GetFullPath(System.IO.Path.Combine(Repository, "..", "shared", "conformance")));

    public static string NxmlSuite => System.IO.Path.Combine(Conformance, "nxml");

    /// <summary>The panels the README's quick start uses.</summary>
    public static string Panels => System.IO.Path.Combine(Repository, "panels");

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Nexus.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Nexus.slnx)");
    }

    private static string Existing(string path) =>
        Directory.Exists(path) ? path : throw new DirectoryNotFoundException("missing shared test data: " + path);
}
