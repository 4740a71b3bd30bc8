namespace Nexus.Server.Tests;

/// <summary>A fresh folder under the system's temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TestServerDataDirectory : IDisposable
{
    public TestServerDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nexus-server-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var file in Directory.EnumerateFiles(Path, "*", options))
            {
                File.SetAttributes(file, FileAttributes.Normal); // Git's object files are read-only
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>NXML sources the server tests run.</summary>
internal static class TestServerPanels
{
    public const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data>
            <State name="count" type="number" default="0" />
          </Data>
          <Logic>
            <Tool name="inc" description="Count one more"><Handler>$state.count = $state.count + 1; return $state.count;</Handler></Tool>
          </Logic>
          <View><Button label="+1" trigger="inc" /><Text content="{$state.count}" /></View>
        </NexusPanel>
        """;
}
