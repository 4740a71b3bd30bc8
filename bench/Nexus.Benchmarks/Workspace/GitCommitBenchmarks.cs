using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Nexus.Workspace;
using Nexus.Workspace.Git;

namespace Nexus.Benchmarks.Workspace;

/// <summary>
/// The Git half of a burst's save: <c>GitStore.Commit</c> of the state files of <see cref="Files"/> panels, on a
/// workspace-shaped repository (<see cref="PanelCount"/> panels' sources and states, <see cref="PriorCommits"/>
/// earlier state commits). Each state file is pretty-printed JSON of about 300 bytes, as the workspace writes it,
/// and every operation changes every file it writes, so each commit writes new blobs, trees and a commit object
/// as a real save does.
/// </summary>
/// <remarks>
/// One operation is one commit (a millisecond or a few), measured one per iteration (<c>InvocationCount(1)</c>;
/// the timer's resolution is far below that): every operation adds objects to the repository, and this keeps the
/// run at about 40 commits, so that the repository the last one sees is the one the first one saw, rather than
/// tens of thousands of loose objects later.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
public class GitCommitBenchmarks
{
    public const int PanelCount = 100;

    public const int PriorCommits = 1_000;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    private string _root = null!;
    private GitStore _git = null!;
    private int _version;

    [Params(1, 10, 100)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = BenchWorkspaces.NewFolder("commit");
        _git = GitStore.Create(Path.Combine(_root, WorkspacePaths.RepositoryFolder));
        var first = new List<FileChange>();
        for (var i = 0; i < PanelCount; i++)
        {
            first.Add(FileChange.Write(WorkspacePaths.PanelSource(BenchWorkspaces.PanelId(i)), BenchWorkspaces.CounterSource(i)));
            first.Add(StateFile(i, 0));
        }

        _git.Commit(first, "Add panels");
        for (var c = 1; c <= PriorCommits; c++)
        {
            // A few panels per burst, walking through all of them.
            _git.Commit([StateFile(c * 3 % PanelCount, c), StateFile((c * 3 + 1) % PanelCount, c), StateFile((c * 3 + 2) % PanelCount, c)], $"Save state {c}");
        }

        _version = PriorCommits;
        Console.WriteLine($"// a state file has {StateFile(0, _version).Content!.Length} bytes");
    }

    /// <summary>One commit of <see cref="Files"/> changed state files (building the changes costs microseconds).</summary>
    [Benchmark]
    public string Commit()
    {
        var version = ++_version;
        var changes = new FileChange[Files];
        for (var i = 0; i < Files; i++)
        {
            changes[i] = StateFile(i, version);
        }

        return _git.Commit(changes, $"Save state of {Files} panels")
            ?? throw new InvalidOperationException("the commit changed nothing: the benchmark would not measure a commit");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _git?.Dispose();
        BenchWorkspaces.DeleteFolder(_root);
    }

    /// <summary>A panel's state file at a version: pretty-printed like the workspace's, about 300 bytes.</summary>
    private static FileChange StateFile(int panel, int version)
    {
        var items = new JsonArray();
        for (var i = 0; i < 24; i++)
        {
            items.Add(version + i);
        }

        var state = new JsonObject
        {
            ["count"] = version,
            ["step"] = 1,
            ["label"] = $"Counter {panel}",
            ["items"] = items,
        };
        return FileChange.Write(WorkspacePaths.PanelState(BenchWorkspaces.PanelId(panel)), state.ToJsonString(Indented) + "\n");
    }
}
