namespace Nexus.Cli.Tests;

internal static class TestPaths
{
    public static string Conformance { get; } = Find();

    public static string NxmlSuite => System.IO.Path.Combine(Conformance, "nxml");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Nexus.slnx")))
            {
                var conformance = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "conformance"));
                return Directory.Exists(conformance) ? conformance : throw new DirectoryNotFoundException("missing shared test data: " + conformance);
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Nexus.slnx)");
    }
}
