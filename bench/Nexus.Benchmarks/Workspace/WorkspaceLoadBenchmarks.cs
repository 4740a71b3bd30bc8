using BenchmarkDotNet.Attributes;
using Nexus.Benchmarks.Runtime;
using Nexus.Workspace;
using Nexus.Workspace.Git;
using Nexus.Workspace.Hosting;

namespace Nexus.Benchmarks.Workspace;

/// <summary>
/// Opening a workspace of <see cref="Panels"/> counter panels, each with its own source and some saved state:
/// <c>OpenAsync</c> (lock, repository, manifest, journal; every panel read from Git, checked, its program compiled,
/// started with its saved state and mounted) and then <c>DisposeAsync</c> (every panel unmounted, a flush that
/// finds nothing changed, repository and lock closed). The setup builds the folder once and proves that an open
/// and close leaves the repository as it was, so every operation opens the same workspace.
/// </summary>
/// <remarks>
/// One operation takes about a second for 1,000 panels, so each iteration is exactly one operation
/// (<c>InvocationCount(1)</c>, which leaves <c>--job dry</c> as it is): the iteration setup can then empty the
/// runtime's program cache before every open, so every open compiles its panels' programs as a new process does
/// (JIT aside), and collect the previous operation's garbage so that it is not charged to the next one. The run
/// keeps the configured job's 20 warm-up and 20 measured iterations.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
public class WorkspaceLoadBenchmarks
{
    private static readonly WorkspaceOptions Options = WorkspaceOptions.Default;

    private string _root = null!;
    private string _directory = null!;

    [Params(100, 1000)]
    public int Panels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = BenchWorkspaces.NewFolder("load");
        _directory = Path.Combine(_root, "workspace");
        var setupOptions = Options with { Durability = JournalDurability.OsBuffer }; // only the setup's calls: faster, same files
        BenchWorkspaces.CreateAsync(_directory, Panels, setupOptions).GetAwaiter().GetResult().DisposeAsync().AsTask().GetAwaiter().GetResult();

        var before = HeadSha();
        OpenAndClose().GetAwaiter().GetResult();
        if (HeadSha() != before)
        {
            throw new InvalidOperationException("opening and closing the workspace committed something: the operations would not be alike");
        }
    }

    [IterationSetup]
    public void ForgetPreviousOperation()
    {
        RuntimePanels.ForgetPrograms();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary><c>OpenAsync</c> + <c>DisposeAsync</c> of the workspace; throws unless every panel runs.</summary>
    [Benchmark]
    public Task<int> OpenAndClose() => OpenAndCloseAsync(_directory, Panels);

    [GlobalCleanup]
    public void Cleanup() => BenchWorkspaces.DeleteFolder(_root);

    private static async Task<int> OpenAndCloseAsync(string directory, int expected)
    {
        var workspace = await NexusWorkspace.OpenAsync(directory, Options);
        try
        {
            var running = workspace.Panels.Count(p => p.Status == PanelStatus.Running);
            return running == expected
                ? running
                : throw new InvalidOperationException($"{running} of {expected} panels run after the open");
        }
        finally
        {
            await workspace.DisposeAsync();
        }
    }

    private string? HeadSha()
    {
        using var git = GitStore.Open(Path.Combine(_directory, WorkspacePaths.RepositoryFolder));
        return git.HeadSha();
    }
}
