using System.Globalization;
using Nexus.Benchmarks.Runtime;
using Nexus.Reactor.Execution;
using Nexus.Workspace;
using Nexus.Workspace.Hosting;

namespace Nexus.Benchmarks.Workspace;

/// <summary>
/// What the workspace benchmarks share: temporary folders, the counter panels they load, and workspaces built from
/// them. The folders live under the system temp folder (<c>TMPDIR</c> on Linux and macOS): journal fsyncs and Git
/// writes measure that disk, so point it at the disk the numbers are for (a tmpfs makes fsync free).
/// </summary>
internal static class BenchWorkspaces
{
    /// <summary>A new empty folder under the system temp folder; delete it with <see cref="DeleteFolder"/>.</summary>
    public static string NewFolder(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nexus-bench-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        Console.WriteLine($"// {purpose}: working in {path}");
        return path;
    }

    /// <summary>Deletes a folder made by <see cref="NewFolder"/>, Git's read-only object files included.</summary>
    public static void DeleteFolder(string? path)
    {
        if (path is null || !Directory.Exists(path))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal); // Windows refuses to delete read-only files
        }

        Directory.Delete(path, recursive: true);
    }

    /// <summary>
    /// counter.nxml with its own id and title, so that every panel of a workspace has its own source (and the
    /// runtime compiles one program per panel, as for a real workspace, instead of sharing one).
    /// </summary>
    public static string CounterSource(int index)
    {
        var text = Corpus.Shared[RuntimePanels.Counter].Text;
        const string header = "<NexusPanel id=\"counter\" title=\"Counter\"";
        return text.Contains(header, StringComparison.Ordinal)
            ? text.Replace(header, $"<NexusPanel id=\"counter-{index}\" title=\"Counter {index}\"", StringComparison.Ordinal)
            : throw new InvalidOperationException($"{RuntimePanels.Counter} no longer starts with the header the workspace benchmarks rename");
    }

    /// <summary>The panel id of the <paramref name="index"/>-th panel of a benchmark workspace.</summary>
    public static string PanelId(int index) => "p" + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Creates a workspace of <paramref name="panelCount"/> counter panels (one commit each, as the UI adds them),
    /// gives each some saved state (<c>inc</c> then <c>record</c>) and commits it. Returned open.
    /// </summary>
    public static async Task<NexusWorkspace> CreateAsync(string directory, int panelCount, WorkspaceOptions options)
    {
        var workspace = await NexusWorkspace.CreateAsync(directory, "Benchmark", options);
        try
        {
            var panels = new List<HostedPanel>(panelCount);
            for (var i = 0; i < panelCount; i++)
            {
                panels.Add(await workspace.AddPanelAsync(CounterSource(i), PanelId(i)));
            }

            await Task.WhenAll(panels.Select(async panel =>
            {
                Succeeded(await panel.CallAsync("inc"));
                Succeeded(await panel.CallAsync("record"));
            }));
            await workspace.FlushAsync();
            return workspace;
        }
        catch
        {
            await workspace.DisposeAsync();
            throw;
        }
    }

    /// <summary>Throws unless the call succeeded: a benchmark must not measure the error path.</summary>
    public static ToolResult Succeeded(ToolResult result) => RuntimePanels.Succeeded(result);
}
