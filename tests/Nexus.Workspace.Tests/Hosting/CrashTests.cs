using System.Diagnostics;
using System.Globalization;

namespace Nexus.Workspace.Tests.Hosting;

/// <summary>
/// Kills a process that runs tool calls (SIGKILL, at random moments, many times over on one workspace) and
/// checks that every mutation whose result had been returned survived, and that the repository stays sound.
/// </summary>
public sealed class CrashTests
{
    private const int Rounds = 20;

    [Fact]
    public async Task Every_acknowledged_mutation_survives_a_kill_and_the_repository_passes_fsck()
    {
        using var temp = new TempDirectory();
        var folder = temp.Sub("ws");
        var random = new Random(20261125);
        var acknowledged = new Dictionary<string, long> { ["a"] = 0, ["b"] = 0 };

        for (var round = 0; round < Rounds; round++)
        {
            var killAfterAcks = random.Next(1, 400);
            var acks = await RunAndKillAsync(folder, killAfterAcks, TimeSpan.FromMilliseconds(random.Next(0, 200)));
            foreach (var (panel, count) in acks)
            {
                acknowledged[panel] = Math.Max(acknowledged[panel], count);
            }

            await using var workspace = await NexusWorkspace.OpenAsync(folder);
            foreach (var (panel, count) in acknowledged)
            {
                var state = await workspace.GetPanel(panel).GetStateAsync();
                Assert.True(state["count"]!.GetValue<double>() >= count, $"round {round}: panel {panel} has {state["count"]}, but {count} was acknowledged");
            }
        }

        Assert.True(acknowledged.Values.Sum() > Rounds, "the child acknowledged calls");
        var fsck = await Run("git", ["fsck", "--strict", "--no-progress"], Path.Combine(folder, WorkspacePaths.RepositoryFolder));
        Assert.True(fsck.ExitCode == 0, fsck.Output);
    }

    private static async Task<List<(string Panel, long Count)>> RunAndKillAsync(string folder, int killAfterAcks, TimeSpan extra)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Nexus.Workspace.CrashHost.dll");
        // The dotnet that runs the tests (set by the SDK), else the one on the PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        using var child = Process.Start(new ProcessStartInfo(dotnet, [host, folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var acks = new List<(string, long)>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ');
                    lock (acks)
                    {
                        acks.Add((parts[1], long.Parse(parts[2], CultureInfo.InvariantCulture)));
                        if (acks.Count >= killAfterAcks)
                        {
                            enough.TrySetResult();
                        }
                    }
                }
            }

            enough.TrySetResult();
        });
        var stderr = child.StandardError.ReadToEndAsync();

        try
        {
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(extra);
            if (child.HasExited)
            {
                Assert.Fail("the crash host stopped by itself: " + await stderr);
            }
        }
        finally
        {
            child.Kill(); // SIGKILL: no finally blocks, no flush, no disposal
            await child.WaitForExitAsync();
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(30));
        lock (acks)
        {
            return [.. acks];
        }
    }

    private static async Task<(int ExitCode, string Output)> Run(string file, string[] arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
