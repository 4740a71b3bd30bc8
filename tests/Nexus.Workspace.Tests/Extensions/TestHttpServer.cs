using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nexus.Workspace.Tests.Extensions;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 with a free port, one request per connection, answering with whatever the
/// test's handler says. Small on purpose: it only has to speak enough HTTP for HttpClient.
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ReceivedRequest, Reply> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TestHttpServer(Func<ReceivedRequest, Reply> handler)
    {
        _handler = handler;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every request that reached the server, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket);
        try
        {
            var request = await ReadRequestAsync(stream);
            Received.Enqueue(request);
            var reply = _handler(request);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stop.Token);
            }

            await stream.WriteAsync(reply.Encode(), _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // The client went away (a refused size, a timeout): nothing to answer.
        }
    }

    private async Task<ReceivedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0 || head.Count > 64 * 1024)
            {
                throw new IOException("incomplete request head");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return new ReceivedRequest(start[0], start[1], headers, Encoding.UTF8.GetString(body));
    }
}

internal sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>What the server answers; <see cref="OmitLength"/> sends no Content-Length (the body ends when the connection closes).</summary>
internal sealed record Reply(int Status, string Body = "", string? ContentType = "text/plain; charset=utf-8")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool OmitLength { get; init; }

    public TimeSpan Delay { get; init; }

    public static Reply Json(string json) => new(200, json, "application/json; charset=utf-8");

    public static Reply Redirect(int status, string location) => new(status, "") { Headers = new Dictionary<string, string> { ["Location"] = location } };

    public byte[] Encode()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var head = new StringBuilder($"HTTP/1.1 {Status} Status\r\nConnection: close\r\n");
        if (ContentType is not null)
        {
            head.Append($"Content-Type: {ContentType}\r\n");
        }

        if (!OmitLength)
        {
            head.Append($"Content-Length: {body.Length}\r\n");
        }

        foreach (var (name, value) in Headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        return [.. Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), .. body];
    }
}
