using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Nexus.Studio.E2E;

/// <summary>
/// The real server (the built <c>Nexus.Server</c> of the same configuration) in a child process on 127.0.0.1 with a
/// fresh data directory, stopped and deleted on dispose. Its address comes from its own start-up line.
/// </summary>
internal sealed class StudioServer : IAsyncDisposable
{
    private const string RunningLine = "Nexus is running at ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly StringBuilder _output;

    private StudioServer(Process process, string dataDirectory, StringBuilder output, Uri address)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Everything the server wrote so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<StudioServer> StartAsync(CancellationToken cancellationToken)
    {
        var serverDll = ServerAssemblyPath();
        var dataDirectory = Directory.CreateTempSubdirectory("nexus-e2e-").FullName;
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            serverDll, "--urls", "http://127.0.0.1:0", "--Nexus:DataDirectory", dataDirectory,
            "--Nexus:Auth:RateLimitPermits", "1000",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The default (Production) environment, as `nexus serve` runs: the static web assets still come from the build output.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Logging__Console__FormatterName"] = "simple";

        var output = new StringBuilder();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        void Collect(object? sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            var at = line.Data.IndexOf(RunningLine, StringComparison.Ordinal);
            if (at >= 0)
            {
                address.TrySetResult(new Uri(line.Data[(at + RunningLine.Length)..].Trim()));
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(address.Task, exited, Task.Delay(StartTimeout, cancellationToken));
            if (first != address.Task)
            {
                throw new InvalidOperationException($"The server did not start within {StartTimeout.TotalSeconds} s (exited: {process.HasExited}). Its output:\n{output}");
            }

            return new StudioServer(process, dataDirectory, output, await address.Task);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting process: the temp folder is cleaned by the system later.
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The server built next to these tests: <c>src/Nexus.Server/bin/&lt;configuration&gt;/&lt;tfm&gt;/Nexus.Server.dll</c>.</summary>
    private static string ServerAssemblyPath()
    {
        var here = AppContext.BaseDirectory;
        var tfm = new DirectoryInfo(here).Name;
        var configuration = typeof(StudioServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = new DirectoryInfo(here);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Nexus.slnx")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No Nexus.slnx above {here}: the browser tests run from the repository's build output.");
        }

        var dll = Path.Combine(root.FullName, "src", "Nexus.Server", "bin", configuration, tfm, "Nexus.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The server is not built at {dll}; build the solution first.");
    }

    /// <summary>The dotnet host that runs these tests (set by <c>dotnet test</c>), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
