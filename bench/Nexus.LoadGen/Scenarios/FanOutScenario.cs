using System.Diagnostics;
using System.Net.WebSockets;

namespace Nexus.LoadGen.Scenarios;

/// <summary>
/// <c>--subscribers</c> WebSockets listen to one panel while a separate driver socket TRIGGERs <c>inc</c> at a steady
/// <c>--rate</c> (open loop: on schedule, whether or not earlier calls have been answered). A delivery's latency runs
/// from just before the driver sent the TRIGGER to a subscriber's receipt of the PATCH with that call's version (the
/// driver learns the version from its RESULT). Driver and subscribers live in this process, so they share one clock.
/// Every subscriber must receive every version of the window's calls; the ones that do not are counted as missed.
/// </summary>
internal static class FanOutScenario
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    private sealed record Delivery(long Version, long At, long ServerLag);

    public static async Task<ScenarioResult> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var (api, options) = (context.Api, context.Options);
        var panelId = await api.AddCounterPanelAsync(cancellationToken).ConfigureAwait(false);
        var sockets = new List<PanelSocket>(options.Subscribers + 1);
        try
        {
            for (var i = 0; i <= options.Subscribers; i++)
            {
                sockets.Add(await PanelSocket.ConnectAsync(api.SocketUrl(panelId), api.AccessToken, cancellationToken).ConfigureAwait(false));
            }

            var (driver, subscribers) = (sockets[0], sockets.Skip(1).ToArray());
            var window = LoadWindow.Plan(options.Warmup, options.Duration);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(options.Warmup + options.Duration + RunContext.Grace);
            using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            var errors = new ErrorTally();
            var deliveries = subscribers.Select(_ => new List<Delivery>(1 << 12)).ToArray();
            var listeners = subscribers.Select((s, i) => Task.Run(() => ListenAsync(s, deliveries[i], errors, stopListening.Token), deadline.Token)).ToArray();
            var usage = window.ObserveAsync(context.ServerCpu, deadline.Token);

            var calls = new DriverCalls((int)Math.Ceiling((options.Warmup + options.Duration).TotalSeconds * options.Rate) + 1);
            var answers = Task.Run(() => ReadAnswersAsync(driver, calls, errors, deadline.Token), deadline.Token);
            await DriveAsync(driver, calls, options.Rate, window, errors, deadline.Token).ConfigureAwait(false);
            await WaitAsync(() => calls.Answered >= calls.Sent || answers.IsCompleted, deadline.Token).ConfigureAwait(false);
            var lastVersion = calls.LastVersion;
            await WaitAsync(() => deliveries.All(d => { lock (d) { return d.Count > 0 && d[^1].Version >= lastVersion; } }), deadline.Token).ConfigureAwait(false);
            await stopListening.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(listeners).ConfigureAwait(false);
            await deadline.CancelAsync().ConfigureAwait(false);
            await answers.ConfigureAwait(false);
            return Summarise(context, window, calls, deliveries, errors, await usage.ConfigureAwait(false));
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

    /// <summary>The driver's calls by request id: when each was sent and, once its RESULT is in, which version it made.</summary>
    private sealed class DriverCalls(int capacity)
    {
        public long[] SentAt { get; } = new long[capacity];

        public long[] Version { get; } = Enumerable.Repeat(-1L, capacity).ToArray();

        public int Capacity => SentAt.Length;

        private int _sent;
        private int _answered;

        public int Sent { get => Volatile.Read(ref _sent); set => Volatile.Write(ref _sent, value); }

        public int Answered { get => Volatile.Read(ref _answered); set => Volatile.Write(ref _answered, value); }

        public long LastVersion => Version.Take(Sent).DefaultIfEmpty(-1).Max();
    }

    private static async Task DriveAsync(PanelSocket driver, DriverCalls calls, int rate, LoadWindow window, ErrorTally errors, CancellationToken cancellationToken)
    {
        var origin = Stopwatch.GetTimestamp();
        try
        {
            for (var i = 0; i < calls.Capacity; i++)
            {
                var due = origin + (long)(i * (double)Stopwatch.Frequency / rate);
                if (due >= window.End)
                {
                    break;
                }

                await LoadWindow.DelayUntil(due, cancellationToken).ConfigureAwait(false);
                calls.SentAt[i] = Stopwatch.GetTimestamp();
                await driver.SendAsync(PanelSocket.Trigger(NexusApi.Tool, i), cancellationToken).ConfigureAwait(false);
                calls.Sent = i + 1;
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            errors.Add($"driver stopped after {calls.Sent} triggers: {exception.Message}");
        }
    }

    private static async Task ReadAnswersAsync(PanelSocket driver, DriverCalls calls, ErrorTally errors, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var frame = await driver.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (frame.Type is not (FrameType.Result or FrameType.Error) || frame.RequestId < 0 || frame.RequestId >= calls.Capacity)
                {
                    continue; // the PATCHes of its own calls
                }

                if (frame.Type == FrameType.Result && frame.Succeeded)
                {
                    calls.Version[frame.RequestId] = frame.Version;
                }
                else
                {
                    errors.Add($"driver request {frame.RequestId}: {frame.Type} {frame.Code}");
                }

                calls.Answered++;
            }
        }
        catch (OperationCanceledException)
        {
            // The scenario is over.
        }
        catch (Exception exception) when (exception is WebSocketException or FormatException)
        {
            errors.Add($"driver socket: {exception.Message}");
        }
    }

    private static async Task ListenAsync(PanelSocket subscriber, List<Delivery> deliveries, ErrorTally errors, CancellationToken cancellationToken)
    {
        var ticksPerTimeSpanTick = Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond;
        try
        {
            while (true)
            {
                var frame = await subscriber.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                var at = Stopwatch.GetTimestamp();
                if (frame.Type != FrameType.Patch)
                {
                    continue;
                }

                var lag = frame.Timestamp is { } stamp ? (long)((DateTimeOffset.UtcNow - stamp).Ticks * ticksPerTimeSpanTick) : 0;
                lock (deliveries)
                {
                    deliveries.Add(new Delivery(frame.Version, at, lag));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Every PATCH is in (or the time is up).
        }
        catch (Exception exception) when (exception is WebSocketException or FormatException)
        {
            errors.Add($"subscriber: {exception.Message}");
        }
    }

    private static ScenarioResult Summarise(RunContext context, LoadWindow window, DriverCalls calls, List<Delivery>[] deliveries, ErrorTally errors, WindowUsage usage)
    {
        var measured = new Dictionary<long, long>(); // version → sent at, for the calls sent inside the window
        for (var i = 0; i < calls.Sent; i++)
        {
            if (window.Measures(calls.SentAt[i]) && calls.Version[i] >= 0)
            {
                measured[calls.Version[i]] = calls.SentAt[i];
            }
        }

        var latencies = new List<long>[deliveries.Length];
        var lags = new List<long>[deliveries.Length];
        long missed = 0;
        for (var s = 0; s < deliveries.Length; s++)
        {
            var mine = deliveries[s].Where(d => measured.ContainsKey(d.Version)).ToList();
            latencies[s] = [.. mine.Select(d => d.At - measured[d.Version])];
            lags[s] = [.. mine.Select(d => d.ServerLag)];
            missed += measured.Count - mine.Select(d => d.Version).Distinct().Count();
        }

        return new ScenarioResult
        {
            Scenario = "fanout",
            Clients = deliveries.Length,
            Seconds = window.Length.TotalSeconds,
            Calls = measured.Count,
            Latency = LatencySummary.FromTicks(latencies),
            Errors = errors.Count,
            FirstError = errors.First,
            Usage = usage,
            Deliveries = latencies.Sum(l => (long)l.Count),
            Missed = missed,
            ServerToSubscriber = LatencySummary.FromTicks(lags),
            Rate = context.Options.Rate,
        };
    }

    private static async Task WaitAsync(Func<bool> done, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(SettleTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!done() && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }
}
