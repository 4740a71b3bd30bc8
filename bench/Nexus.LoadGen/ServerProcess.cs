using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Nexus.LoadGen;

/// <summary>
/// The measured server in a child process: the real <c>Nexus.Server.dll</c> on Kestrel at 127.0.0.1 (a free port),
/// over a fresh temporary data directory with the default settings (journal fsync on). Disposing kills the process
/// tree and deletes the data directory.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 40;
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly Queue<string> _output = new();

    private ServerProcess(Process process, string dataDirectory, Uri url)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Url = url;
    }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the server process has used so far (all its threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the server and waits until <c>/health/ready</c> answers 200; fails with its last output otherwise.</summary>
    public static async Task<ServerProcess> StartAsync(string? serverDll, CancellationToken cancellationToken)
    {
        var dll = Path.GetFullPath(serverDll ?? DefaultServerDll());
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"the server is not built at {dll}: run `dotnet build src/Nexus.Server -c Release` or pass --server-dll");
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), "nexus-loadgen-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", url.ToString().TrimEnd('/'), "--Nexus:DataDirectory", dataDirectory },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var server = new ServerProcess(process, dataDirectory, url);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _process.Dispose();
            DeleteDataDirectory();
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode}:\n{LastOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"the server was not ready within 60 s:\n{LastOutput()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }

    private string LastOutput()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    private void DeleteDataDirectory()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(_dataDirectory, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal); // Git's object files are read-only
            }

            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"// could not delete {_dataDirectory}: {exception.Message}");
        }
    }

    /// <summary>The server built beside this generator: the repository root is the first parent folder holding Nexus.slnx.</summary>
    private static string DefaultServerDll()
    {
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Release";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Nexus.slnx")))
            {
                return Path.Combine(folder.FullName, "src", "Nexus.Server", "bin", configuration, "net10.0", "Nexus.Server.dll");
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Nexus.slnx) above the generator: pass --server-dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
