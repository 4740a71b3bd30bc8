using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Nexus.Server.Tests.Postgres;

/// <summary>
/// A private PostgreSQL server for tests: initdb in a temp directory, pg_ctl start on a free local port with trust
/// authentication, stop and delete on dispose. Needs the <c>postgresql</c> package (binaries under
/// <c>/usr/lib/postgresql/VERSION/bin</c>); it fails, never skips, when they are missing. As root the commands run
/// as the <c>postgres</c> user, because initdb refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string binDirectory;
    private readonly string rootDirectory;
    private readonly bool asPostgresUser;

    private PostgresServer(string binDirectory, string rootDirectory, bool asPostgresUser, int port)
    {
        this.binDirectory = binDirectory;
        this.rootDirectory = rootDirectory;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(rootDirectory, "data");

    /// <summary>Initializes and starts a server; throws with the tool's output when a step fails.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinDirectory();
        var asPostgres = Environment.UserName == "root";
        // Under /tmp rather than the user's TMPDIR: the postgres user must be able to reach it.
        var root = Path.Combine(OperatingSystem.IsWindows() ? Path.GetTempPath() : "/tmp", "nexus-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (asPostgres)
            await RunAsync("chown", ["postgres:postgres", root]);
        var server = new PostgresServer(bin, root, asPostgres, FreePort());
        try
        {
            await server.RunToolAsync("initdb", ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
            await server.RunToolAsync("pg_ctl", ["-D", server.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                "-o", $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var admin = ConnectionString("postgres");
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ToString();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Deleting the directory below still cleans up; the failure is in the server log we delete.
            }
        }

        try
        {
            Directory.Delete(rootDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A straggling server process may still hold a file; /tmp is cleaned eventually.
        }
    }

    /// <summary>The bin directory of the highest installed PostgreSQL version.</summary>
    private static string FindBinDirectory()
    {
        const string installRoot = "/usr/lib/postgresql";
        var candidates = Directory.Exists(installRoot)
            ? Directory.GetDirectories(installRoot)
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => decimal.TryParse(Path.GetFileName(d), out var version) ? version : -1)
                .ToList()
            : [];
        return candidates.Count > 0
            ? Path.Combine(candidates[0], "bin")
            : throw new InvalidOperationException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Install the 'postgresql' package, " +
                "as .ci/run does: apt-get -o DPkg::Lock::Timeout=300 install -y postgresql");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunToolAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(binDirectory, tool);
        return asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}
