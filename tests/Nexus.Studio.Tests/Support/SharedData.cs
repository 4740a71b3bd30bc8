namespace Nexus.Studio.Tests.Support;

/// <summary>The shared test data (<c>../shared</c> beside the repository), found from the test binaries.</summary>
internal static class SharedData
{
    public static string WildPanel(string file) => File.ReadAllText(Path.Combine(Find(), "conformance", "wild", file));

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
