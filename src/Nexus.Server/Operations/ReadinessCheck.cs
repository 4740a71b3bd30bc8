using Microsoft.Extensions.Options;
using Nexus.Server.Hosting;

namespace Nexus.Server.Operations;

/// <summary>The outcome of one probe in the readiness report.</summary>
public sealed record ProbeReport(string Name, bool Ready, string? Reason);

/// <summary>Runs every registered <see cref="IReadinessProbe"/> at once, each under the configured timeout.</summary>
internal sealed partial class ReadinessCheck(IEnumerable<IReadinessProbe> probes, IOptions<NexusServerOptions> options, ILogger<ReadinessCheck> logger)
{
    public async Task<IReadOnlyList<ProbeReport>> RunAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(probes.Select(p => RunOneAsync(p, cancellationToken))).ConfigureAwait(false);

    private async Task<ProbeReport> RunOneAsync(IReadinessProbe probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ReadinessProbeTimeout);
        try
        {
            var result = await probe.CheckAsync(timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            return new ProbeReport(probe.Name, result.IsReady, result.IsReady ? null : result.Reason ?? "not ready");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeReport(probe.Name, false, "timed out");
        }
#pragma warning disable CA1031 // A probe that throws is a probe that says "not ready"; the cause goes to the log, not to anonymous callers.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogProbeFailed(logger, ex, probe.Name);
            return new ProbeReport(probe.Name, false, "the check failed");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness probe {Probe} failed")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception, string probe);
}
