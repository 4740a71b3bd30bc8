using System.Diagnostics;
using System.Net.WebSockets;

namespace Nexus.LoadGen.Scenarios;

/// <summary>
/// N clients on one panel's WebSocket, each keeping <c>--window</c> TRIGGERs in flight (closed loop: a new TRIGGER
/// goes out when a RESULT comes back). A call's latency runs from just before its TRIGGER is sent to the receipt of its
/// RESULT. With <c>hearPatches</c> every client also hears the PATCH of every call, as browsers on one panel do;
/// without, each client first SUBSCRIBEs to no state key, so it hears only its own RESULTs (an API client).
/// </summary>
internal static class WebSocketCallsScenario
{
    private static readonly byte[] SubscribeToNothing = """{"type":"SUBSCRIBE","keys":[]}"""u8.ToArray();

    public static async Task<ScenarioResult> RunAsync(RunContext context, int clients, bool hearPatches, CancellationToken cancellationToken)
    {
        var api = context.Api;
        var panelId = await api.AddCounterPanelAsync(cancellationToken).ConfigureAwait(false);
        var sockets = new List<PanelSocket>(clients);
        try
        {
            for (var i = 0; i < clients; i++)
            {
                var socket = await PanelSocket.ConnectAsync(api.SocketUrl(panelId), api.AccessToken, cancellationToken).ConfigureAwait(false);
                sockets.Add(socket);
                if (!hearPatches)
                {
                    await socket.SendAsync(SubscribeToNothing, cancellationToken).ConfigureAwait(false);
                }
            }

            return await ClosedLoop.RunAsync(context, hearPatches ? "ws-patches" : "ws", clients, context.Options.Window,
                (c, window, latencies, errors, token) => RunClientAsync(sockets[c], context.Options.Window, window, latencies, errors, token), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync().ConfigureAwait(false);
            }

            await api.RemovePanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends <paramref name="inFlight"/> TRIGGERs, then one more per RESULT while the window runs, and stops when
    /// nothing is in flight. RESULTs arrive in request order (the server handles one client's messages in order).
    /// </summary>
    private static async Task RunClientAsync(PanelSocket socket, int inFlight, LoadWindow window, List<long> latencies, ErrorTally errors, CancellationToken cancellationToken)
    {
        var sentAt = new long[inFlight];
        long sent = 0, answered = 0;
        try
        {
            for (; sent < inFlight; sent++)
            {
                sentAt[sent % inFlight] = Stopwatch.GetTimestamp();
                await socket.SendAsync(PanelSocket.Trigger(NexusApi.Tool, sent), cancellationToken).ConfigureAwait(false);
            }

            while (answered < sent)
            {
                var frame = await socket.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (frame.Type is not (FrameType.Result or FrameType.Error) || frame.RequestId < 0)
                {
                    continue; // PATCHes of the other clients' calls
                }

                var now = Stopwatch.GetTimestamp();
                if (frame.RequestId != answered)
                {
                    errors.Add($"expected the answer to request {answered}, got {frame.Type} for {frame.RequestId}");
                    return;
                }

                if (frame.Type == FrameType.Error || !frame.Succeeded)
                {
                    errors.Add($"request {answered}: {frame.Type} {frame.Code}");
                }
                else if (window.Measures(now))
                {
                    latencies.Add(now - sentAt[answered % inFlight]);
                }

                answered++;
                if (window.Running)
                {
                    sentAt[sent % inFlight] = Stopwatch.GetTimestamp();
                    await socket.SendAsync(PanelSocket.Trigger(NexusApi.Tool, sent), cancellationToken).ConfigureAwait(false);
                    sent++;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or FormatException)
        {
            errors.Add($"client stopped after {answered} of {sent} requests: {exception.Message}");
        }
    }
}
