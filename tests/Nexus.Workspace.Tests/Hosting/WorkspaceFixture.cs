namespace Nexus.Workspace.Tests.Hosting;

/// <summary>Creates workspaces in a temp folder and disposes them (and the folder) after the test.</summary>
internal sealed class WorkspaceFixture : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<NexusWorkspace> _open = [];

    public static WorkspaceOptions FastOptions { get; } = new() { PersistDebounce = TimeSpan.FromMilliseconds(50) };

    public string Folder(string name = "ws") => _temp.Sub(name);

    public async Task<NexusWorkspace> CreateAsync(string name = "ws", WorkspaceOptions? options = null) =>
        Track(await NexusWorkspace.CreateAsync(Folder(name), "Test " + name, options ?? FastOptions));

    public async Task<NexusWorkspace> OpenAsync(string name = "ws", WorkspaceOptions? options = null) =>
        Track(await NexusWorkspace.OpenAsync(Folder(name), options ?? FastOptions));

    public NexusWorkspace Track(NexusWorkspace workspace)
    {
        _open.Add(workspace);
        return workspace;
    }

    /// <summary>Waits (up to a generous bound) until a condition holds.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var workspace in _open)
        {
            await workspace.DisposeAsync();
        }

        _temp.Dispose();
    }
}
