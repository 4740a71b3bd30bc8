using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Nexus.Cli.Tests;

/// <summary><c>nexus serve</c>: the real server from the command, on a data directory of its own; SIGTERM stops it cleanly.</summary>
public sealed partial class ServeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_prints_the_url_serves_the_api_keeps_data_in_the_data_directory_and_stops_on_sigterm()
    {
        var data = Path.Combine(_temp.Path, "data");
        using var server = CliProcess.Start(_temp.Path, "serve", "--urls", "http://127.0.0.1:0", "--data", data);
        try
        {
            var url = await server.WaitForLineAsync(RunningAt(), TimeSpan.FromSeconds(90));
            using var client = new HttpClient { BaseAddress = new Uri(url.Groups["url"].Value) };

            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var signup = await client.PostAsJsonAsync("/api/auth/signup", new { email = "ada@example.org", password = "correct-horse-7" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
            Assert.True(File.Exists(Path.Combine(data, "platform.db")), "the platform database is in the data directory");

            Assert.Equal(0, await server.StopAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            server.Kill();
        }
    }

    [Fact]
    public void Serve_refuses_a_data_directory_that_is_a_file_with_exit_code_2()
    {
        var file = _temp.Write("not-a-folder", "x");

        var result = CliRunner.Run(_temp.Path, "serve", "--urls", "http://127.0.0.1:0", "--data", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Nexus:DataDirectory", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Nexus is running at (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex RunningAt();
}

/// <summary>A long-running <c>nexus</c> process whose output lines can be awaited.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _newLine = new(0);

    private CliProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static CliProcess Start(string workingDirectory, params string[] args) =>
        new(Process.Start(CliRunner.StartInfo(workingDirectory, args)) ?? throw new InvalidOperationException("could not start nexus"));

    /// <summary>The first output line matching <paramref name="pattern"/>; fails with the output so far after the timeout.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = 0;
        while (true)
        {
            string[] lines;
            lock (_lines)
            {
                lines = [.. _lines];
            }

            for (; seen < lines.Length; seen++)
            {
                if (pattern.Match(lines[seen]) is { Success: true } match)
                {
                    return match;
                }
            }

            // Stop waiting at the deadline, or once the process has exited and its last lines are in.
            var more = await _newLine.WaitAsync(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            if (DateTime.UtcNow > deadline || !more && _process.HasExited)
            {
                Assert.Fail($"no line matching {pattern} (exited: {_process.HasExited}); output:\n{string.Join('\n', lines)}");
            }
        }
    }

    /// <summary>Sends SIGTERM (what a service manager or Ctrl+C sends) and returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(timeout);
        await _process.WaitForExitAsync(patience.Token);
        return _process.ExitCode;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _newLine.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        _newLine.Release();
    }
}
