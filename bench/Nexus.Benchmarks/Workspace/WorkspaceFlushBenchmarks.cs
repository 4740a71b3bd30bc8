using BenchmarkDotNet.Attributes;
using Nexus.Workspace;
using Nexus.Workspace.Hosting;

namespace Nexus.Benchmarks.Workspace;

/// <summary>
/// A burst on a workspace of <see cref="PanelCount"/> counter panels: <see cref="DirtyPanels"/> panels get one
/// <c>inc</c> each (concurrently, as one burst; each acknowledged once fsync'ed in the journal), then
/// <c>FlushAsync</c> commits their state. The three rows split the burst so that the flush's cost is visible on
/// its own: <see cref="Flush"/> alone (the panels are made dirty in the iteration setup, not timed),
/// <see cref="Calls"/> alone (left dirty: nothing commits them during the run), and <see cref="CallsThenFlush"/>,
/// the whole burst.
/// </summary>
/// <remarks>
/// <see cref="WorkspaceOptions.PersistDebounce"/> is the maximum (10 minutes), so the background writer never
/// commits during the run: every commit is the measured flush's. Each iteration is one operation
/// (<c>InvocationCount(1)</c>): a few milliseconds, far above the timer's resolution, and it lets the iteration
/// setup dirty the panels before each measured flush.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
public class WorkspaceFlushBenchmarks
{
    public const int PanelCount = 100;

    public const int DirtyPanels = 10;

    private readonly Task[] _calls = new Task[DirtyPanels];
    private string _root = null!;
    private NexusWorkspace _workspace = null!;
    private HostedPanel[] _dirty = [];

    [GlobalSetup]
    public void Setup()
    {
        _root = BenchWorkspaces.NewFolder("flush");
        var options = WorkspaceOptions.Default with { PersistDebounce = TimeSpan.FromMinutes(10) };
        _workspace = BenchWorkspaces.CreateAsync(Path.Combine(_root, "workspace"), PanelCount, options).GetAwaiter().GetResult();
        _dirty = [.. Enumerable.Range(0, DirtyPanels).Select(i => _workspace.GetPanel(BenchWorkspaces.PanelId(i * (PanelCount / DirtyPanels))))];
    }

    [IterationSetup(Target = nameof(Flush))]
    public void MakeDirty() => Calls().GetAwaiter().GetResult();

    /// <summary><c>FlushAsync</c> of the 10 panels dirtied by the iteration setup: snapshots, one commit, journal rotation.</summary>
    [Benchmark]
    public async Task<string> Flush() => await _workspace.FlushAsync()
        ?? throw new InvalidOperationException("the flush committed nothing: the panels were not dirty");

    /// <summary>One durable <c>inc</c> on each of the 10 panels, concurrently (they share the journal's fsyncs).</summary>
    [Benchmark]
    public async Task Calls()
    {
        for (var i = 0; i < _dirty.Length; i++)
        {
            _calls[i] = CallAsync(_dirty[i]);
        }

        await Task.WhenAll(_calls);
    }

    /// <summary>The whole burst: the 10 calls, then the flush.</summary>
    [Benchmark]
    public async Task<string> CallsThenFlush()
    {
        await Calls();
        return await Flush();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _workspace?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        BenchWorkspaces.DeleteFolder(_root);
    }

    private static async Task CallAsync(HostedPanel panel) => BenchWorkspaces.Succeeded(await panel.CallAsync("inc"));
}
