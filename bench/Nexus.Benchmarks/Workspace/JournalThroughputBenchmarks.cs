using BenchmarkDotNet.Attributes;
using Nexus.Workspace;
using Nexus.Workspace.Hosting;

namespace Nexus.Benchmarks.Workspace;

/// <summary>
/// Acknowledged mutations: <see cref="Callers"/> concurrent callers on the thread pool, each awaiting one-line
/// <c>inc</c> calls one after the other, spread over a workspace of <see cref="Panels"/> counter panels. A call
/// returns only once its change is in the journal (<see cref="Durability"/>: fsync'ed, or only handed to the
/// operating system), and concurrent calls share the journal's flushes (group commit). One operation is one
/// acknowledged call; each invocation makes <see cref="Calls"/> of them, so the mean is the time per call at that
/// concurrency and the throughput is 1 / mean (the Op/s column).
/// </summary>
/// <remarks>
/// <see cref="WorkspaceOptions.PersistDebounce"/> is the default 500 ms: the realistic mix, in which the debounced
/// writer commits the dirty panels' state (and rotates the journal) every half second in the background while
/// the calls go on, as it does in use. It also keeps the journal from growing through the run.
/// </remarks>
[MemoryDiagnoser]
[OperationsPerSecond]
public class JournalThroughputBenchmarks
{
    /// <summary>Calls per invocation: 1,024 (16 per caller with 64 callers).</summary>
    public const int Calls = 1_024;

    private string _root = null!;
    private NexusWorkspace _workspace = null!;
    private HostedPanel[] _panels = [];
    private Task[] _callers = [];

    [Params(1, 16, 64)]
    public int Callers { get; set; }

    [Params(1, 8)]
    public int Panels { get; set; }

    [Params(JournalDurability.Fsync, JournalDurability.OsBuffer)]
    public JournalDurability Durability { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = BenchWorkspaces.NewFolder("journal");
        var options = WorkspaceOptions.Default with { Durability = Durability };
        _workspace = BenchWorkspaces.CreateAsync(Path.Combine(_root, "workspace"), Panels, options).GetAwaiter().GetResult();
        _panels = [.. _workspace.Panels];
        _callers = new Task[Callers];
    }

    /// <summary><see cref="Calls"/> durable <c>inc</c> calls from <see cref="Callers"/> callers; caller c starts on panel c and moves on by one each call.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task Inc()
    {
        var perCaller = Calls / Callers;
        for (var c = 0; c < _callers.Length; c++)
        {
            var first = c;
            _callers[c] = Task.Run(async () =>
            {
                for (var i = 0; i < perCaller; i++)
                {
                    BenchWorkspaces.Succeeded(await _panels[(first + i) % _panels.Length].CallAsync("inc"));
                }
            });
        }

        await Task.WhenAll(_callers);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _workspace?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        BenchWorkspaces.DeleteFolder(_root);
    }
}
