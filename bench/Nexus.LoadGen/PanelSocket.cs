using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace Nexus.LoadGen;

/// <summary>
/// One client WebSocket on one panel. <see cref="ReceiveAsync"/> answers PINGs itself; sends are serialised (a
/// ClientWebSocket allows one send at a time), so a sender task and a receiver task may share the socket.
/// </summary>
internal sealed class PanelSocket : IAsyncDisposable
{
    private static readonly byte[] Pong = """{"type":"PONG"}"""u8.ToArray();
    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private byte[] _buffer = new byte[16 * 1024];

    private PanelSocket(ClientWebSocket socket) => _socket = socket;

    /// <summary>The state version in the CONNECTED frame.</summary>
    public long ConnectedVersion { get; private set; }

    /// <summary>Connects with the bearer token in the header and reads the CONNECTED frame.</summary>
    public static async Task<PanelSocket> ConnectAsync(Uri url, string accessToken, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + accessToken);
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var client = new PanelSocket(socket);
        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            var first = await client.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            client.ConnectedVersion = first.Type == FrameType.Connected
                ? first.Version
                : throw new InvalidOperationException($"the first frame was {first.Type}, not CONNECTED");
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A TRIGGER of <paramref name="tool"/> without arguments, with a whole-number request id.</summary>
    public static byte[] Trigger(string tool, long requestId) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"TRIGGER","tool":"{{tool}}","args":{},"requestId":"{{requestId}}"}"""));

    public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next frame other than PING (answered with PONG); fails when the server closes the socket.</summary>
    public async Task<Frame> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                if (length == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                received = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException($"the server closed the socket: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
                }

                length += received.Count;
            }
            while (!received.EndOfMessage);

            var frame = Frame.Parse(_buffer.AsSpan(0, length));
            if (frame.Type != FrameType.Ping)
            {
                return frame;
            }

            await SendAsync(Pong, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The server went first; nothing to close.
        }
        finally
        {
            _socket.Dispose();
            _sending.Dispose();
        }
    }
}
