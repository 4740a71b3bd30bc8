using Microsoft.AspNetCore.Http.Features;

namespace Nexus.Server.Errors;

/// <summary>
/// Every error response is problem details with a <c>code</c> and a <c>traceId</c>, whoever wrote it (an endpoint,
/// the exception handler, the status-code pages for unknown routes, the body size limit).
/// </summary>
internal static class ProblemDetailsSetup
{
    /// <summary>Registers problem details, the exception handler and the customisation adding <c>code</c>.</summary>
    public static IServiceCollection AddNexusProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<NexusExceptionHandler>();
        return services;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.TryGetValue("code", out var code) || code is not string)
        {
            problem.Extensions["code"] = ErrorCodes.ForStatus(status);
        }

        if (Equals(problem.Extensions["code"], ErrorCodes.Internal))
        {
            // Whatever wrote it (the developer exception page included), an internal error never shows its cause.
            problem.Detail = null;
            problem.Extensions.Remove("exception");
            problem.Extensions.Remove("errors");
        }

        problem.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.HttpContext.TraceIdentifier;
    }
}
