using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nexus.Server.Hosting;

namespace Nexus.Server.Errors;

/// <summary>
/// Enforces <see cref="NexusServerOptions.MaxRequestBodyBytes"/>: a declared <c>Content-Length</c> over the limit is
/// answered 413 before the endpoint runs; an undeclared (chunked) body is cut by the server's own limit, which the
/// exception handler turns into the same 413.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<NexusServerOptions> options, IProblemDetailsService problemDetails)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }

        if (context.Request.ContentLength > _limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var problem = new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Detail = $"the request body is larger than {_limit} bytes" };
            problem.Extensions["code"] = ErrorCodes.PayloadTooLarge;
            await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
