using System.Diagnostics;

namespace Nexus.LoadGen;

/// <summary>CPU used by the server and by the generator during the measured window, as average busy cores, and the load averages around it.</summary>
internal sealed record WindowUsage(double? ServerCores, double GeneratorCores, string LoadAverageBefore, string LoadAverageAfter);

/// <summary>
/// The timeline of one scenario: load runs from now through the warm-up and the measured window; only what completes
/// inside the window counts (Stopwatch timestamps).
/// </summary>
internal sealed class LoadWindow
{
    private LoadWindow(long start, long end)
    {
        Start = start;
        End = end;
    }

    public long Start { get; }

    public long End { get; }

    public TimeSpan Length => Stopwatch.GetElapsedTime(Start, End);

    /// <summary>True until the window ends: clients keep sending while this holds.</summary>
    public bool Running => Stopwatch.GetTimestamp() < End;

    public static LoadWindow Plan(TimeSpan warmup, TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        return new LoadWindow(start, start + (long)(duration.TotalSeconds * Stopwatch.Frequency));
    }

    public bool Measures(long timestamp) => timestamp >= Start && timestamp < End;

    /// <summary>Samples CPU times (the server's when <paramref name="serverCpu"/> is known) and load averages at the window's edges.</summary>
    public async Task<WindowUsage> ObserveAsync(Func<TimeSpan>? serverCpu, CancellationToken cancellationToken)
    {
        await DelayUntil(Start, cancellationToken).ConfigureAwait(false);
        var loadBefore = LoadAverage();
        var serverBefore = serverCpu?.Invoke();
        var generatorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await DelayUntil(End, cancellationToken).ConfigureAwait(false);
        var serverAfter = serverCpu?.Invoke();
        var generatorAfter = Process.GetCurrentProcess().TotalProcessorTime;
        var seconds = Length.TotalSeconds;
        return new WindowUsage(
            serverAfter - serverBefore is { } server ? server.TotalSeconds / seconds : null,
            (generatorAfter - generatorBefore).TotalSeconds / seconds,
            loadBefore,
            LoadAverage());
    }

    public static async Task DelayUntil(long timestamp, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', fields.Take(3));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
