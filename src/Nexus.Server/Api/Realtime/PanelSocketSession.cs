using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Nexus.Server.Data;
using Nexus.Workspace.Hosting;

namespace Nexus.Server.Api.Realtime;

/// <summary>
/// One client's socket on one panel. Four loops share it: the reader (client messages, one at a time), the only
/// writer (every frame goes through one bounded queue, so sends never overlap), the notification pump (panel
/// notifications to frames) and the pinger (PING, and closing an idle client). A subscriber the panel drops for
/// falling behind is closed with a policy-violation status; the others are not affected.
/// </summary>
internal sealed class PanelSocketSession : IDisposable
{
    private readonly WebSocket _socket;
    private readonly HostedPanel _panel;
    private readonly PanelSocketOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<byte[]> _outbound;
    private readonly PatchFilter _filter = new();
    private readonly PanelSocketCommands _commands;
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _abort;
    private readonly ForwardedNotifications _forwarded = new();
    private PanelSubscription? _subscription;
    private (WebSocketCloseStatus Status, string Reason)? _close;
    private long _lastHeard;

    /// <summary>A session for one accepted socket; <c>storageRefusal</c> says why a write may not grow the workspace now (the storage quota), or null.</summary>
    public PanelSocketSession(WebSocket socket, HostedPanel panel, WorkspaceRole role, Func<ValueTask<string?>> storageRefusal, PanelSocketOptions options, TimeProvider time, CancellationToken aborted)
    {
        _socket = socket;
        _panel = panel;
        _options = options;
        _time = time;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _outbound = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.SendQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _commands = new PanelSocketCommands(panel, role, storageRefusal, _filter, SendAsync, CaughtUpAsync);
        _lastHeard = time.GetTimestamp();
    }

    /// <summary>Runs until the socket closes (either side) or is aborted.</summary>
    public async Task RunAsync()
    {
        // Subscribe before reading the state, so no change falls between CONNECTED and the first PATCH.
        using var subscription = _panel.Subscribe(_options.SubscriberCapacity);
        subscription.Wants = _filter.Wants;
        _subscription = subscription;
        var connected = PanelSocketFrames.Connected(_panel.PanelId, await _panel.GetStateAsync().ConfigureAwait(false), _panel.Version);
        await SendAsync(connected).ConfigureAwait(false);

        var writer = Task.Run(WriteLoopAsync);
        var pump = Task.Run(() => PumpAsync(subscription));
        var pinger = Task.Run(PingLoopAsync);
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
            RequestClose(WebSocketCloseStatus.NormalClosure, "closed");
            await writer.ConfigureAwait(false);
        }
        finally
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(writer, pump, pinger).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _closing.Dispose();
        _abort.Dispose();
    }

    private Task SendAsync(JsonObject frame) => SendAsync(PanelSocketFrames.Encode(frame));

    /// <summary>Waits until the pump has forwarded every notification queued for this socket so far.</summary>
    private Task CaughtUpAsync() =>
        _subscription is { } subscription ? _forwarded.WaitForAsync(subscription.Delivered, _abort.Token) : Task.CompletedTask;

    /// <summary>Queues an encoded frame for the writer (frames are encoded by their producers, so a shared one is encoded once).</summary>
    private async Task SendAsync(byte[] frame)
    {
        try
        {
            await _outbound.Writer.WriteAsync(frame, _abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The socket is going away; the frame has nobody to go to.
        }
    }

    /// <summary>Asks the writer to send a close frame (the first reason wins); a stuck socket is aborted after the close timeout.</summary>
    private void RequestClose(WebSocketCloseStatus status, string reason)
    {
        lock (_closing)
        {
            if (_close is not null)
            {
                return;
            }

            _close = (status, reason);
        }

        _closing.Cancel();
        _abort.CancelAfter(_options.CloseTimeout);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[4096];
        var message = new ArrayBufferWriter<byte>();
        var tooLarge = false;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, _abort.Token).ConfigureAwait(false);
                Interlocked.Exchange(ref _lastHeard, _time.GetTimestamp());
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (message.WrittenCount + received.Count > _options.MaxMessageBytes)
                {
                    tooLarge = true;
                }
                else
                {
                    message.Write(buffer.AsSpan(0, received.Count));
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                await HandleAsync(received.MessageType, message.WrittenMemory, tooLarge).ConfigureAwait(false);
                message.Clear();
                tooLarge = false;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Aborted, or the client went away without a close handshake.
        }
    }

    private async Task HandleAsync(WebSocketMessageType type, ReadOnlyMemory<byte> message, bool tooLarge)
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        if (tooLarge)
        {
            await SendAsync(PanelSocketFrames.Error(PanelSocketFrames.MessageTooLarge, $"a message may have at most {_options.MaxMessageBytes} bytes")).ConfigureAwait(false);
            RequestClose(WebSocketCloseStatus.MessageTooBig, "message too large");
        }
        else if (type != WebSocketMessageType.Text)
        {
            await SendAsync(PanelSocketFrames.Error(PanelSocketFrames.BadMessage, "messages are JSON text frames")).ConfigureAwait(false);
        }
        else
        {
            await _commands.HandleAsync(message).ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (true)
            {
                try
                {
                    if (!await _outbound.Reader.WaitToReadAsync(_closing.Token).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (_closing.IsCancellationRequested)
                {
                    break;
                }

                while (!_closing.IsCancellationRequested && _outbound.Reader.TryRead(out var frame))
                {
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, _abort.Token).ConfigureAwait(false);
                }
            }

            // Frames already queued (an ERROR explaining the close) go out before the close frame.
            while (_outbound.Reader.TryRead(out var last))
            {
                await _socket.SendAsync(last, WebSocketMessageType.Text, endOfMessage: true, _abort.Token).ConfigureAwait(false);
            }

            var (status, reason) = _close!.Value;
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(status, reason, _abort.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Aborted (a stuck client) or the client went away.
        }
        finally
        {
            // Without a writer nothing can be sent; the reader must stop too.
            _abort.CancelAfter(_options.CloseTimeout);
        }
    }

    private async Task PumpAsync(PanelSubscription subscription)
    {
        try
        {
            await foreach (var notification in subscription.Reader.ReadAllAsync(_abort.Token).ConfigureAwait(false))
            {
                if (notification is SubscriberDropped)
                {
                    RequestClose(WebSocketCloseStatus.PolicyViolation, "too slow: notifications were dropped");
                    return;
                }

                var tool = (notification as Nexus.Reactor.StateCommitted)?.Tool;
                if (PanelSocketFrames.EncodedFor(notification, _filter, _time.GetUtcNow(), _commands.RequestIdFor(tool)) is { } frame)
                {
                    await SendAsync(frame).ConfigureAwait(false);
                }

                _forwarded.Forwarded();
            }

            // The panel went away (removed, or the workspace closed).
            RequestClose(WebSocketCloseStatus.EndpointUnavailable, "the panel is gone");
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
        finally
        {
            _forwarded.Stopped();
        }
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.PingInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_abort.Token).ConfigureAwait(false) && !_closing.IsCancellationRequested)
            {
                if (_time.GetElapsedTime(Interlocked.Read(ref _lastHeard)) > _options.IdleTimeout)
                {
                    RequestClose(WebSocketCloseStatus.PolicyViolation, "no PONG in time");
                    return;
                }

                await SendAsync(PanelSocketFrames.Ping()).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }
}
