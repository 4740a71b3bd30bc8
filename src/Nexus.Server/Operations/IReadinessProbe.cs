namespace Nexus.Server.Operations;

/// <summary>
/// One thing the server needs before it can serve requests (storage, the workspace host, the database, ...).
/// Register implementations in DI (<c>services.AddSingleton&lt;IReadinessProbe, MyProbe&gt;()</c>);
/// <c>GET /health/ready</c> is 200 only when every registered probe is ready.
/// </summary>
public interface IReadinessProbe
{
    /// <summary>A short, stable name shown in the readiness report (e.g. <c>storage</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Checks readiness. A probe that throws or takes longer than <c>Nexus:ReadinessProbeTimeout</c> counts as not
    /// ready; the token is cancelled at that timeout.
    /// </summary>
    Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>The answer of one <see cref="IReadinessProbe"/>: ready, or not with a reason safe to show anyone.</summary>
public readonly record struct ReadinessResult(bool IsReady, string? Reason)
{
    public static ReadinessResult Ready => new(true, null);

    public static ReadinessResult NotReady(string reason) => new(false, reason);
}
