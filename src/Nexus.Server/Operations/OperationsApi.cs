using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nexus.Server.Errors;

namespace Nexus.Server.Operations;

/// <summary>Health and metrics endpoints (no authentication): <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c>.</summary>
public static class OperationsApi
{
    /// <summary>Maps the operations endpoints.</summary>
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var health = endpoints.MapGroup("/health").WithTags("Operations");
        health.MapGet("/live", () => TypedResults.Ok(new HealthReport("live", [])))
            .WithName("Live")
            .WithSummary("200 while the process runs.");
        health.MapGet("/ready", ReadyAsync)
            .WithName("Ready")
            .WithSummary("200 when every readiness probe (storage, workspace host, database, ...) is ready; 503 with the failing probes otherwise.");
        endpoints.MapGet("/metrics", (PrometheusExposition exposition) => Results.Text(exposition.Write(), PrometheusExposition.ContentType))
            .WithTags("Operations")
            .WithName("Metrics")
            .WithSummary("Prometheus text exposition of the server's metrics.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        return endpoints;
    }

    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> ReadyAsync(ReadinessCheck check, CancellationToken cancellationToken)
    {
        var probes = await check.RunAsync(cancellationToken).ConfigureAwait(false);
        if (probes.All(p => p.Ready))
        {
            return TypedResults.Ok(new HealthReport("ready", probes));
        }

        var failing = probes.Where(p => !p.Ready).Select(p => p.Name);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Not ready",
            Detail = "not ready: " + string.Join(", ", failing),
        };
        problem.Extensions["code"] = ErrorCodes.NotReady;
        problem.Extensions["probes"] = probes;
        return TypedResults.Problem(problem);
    }
}

/// <summary>The body of a health endpoint: the status and, for readiness, each probe's outcome.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<ProbeReport> Probes);
