using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Nexus.Server.Identity;

/// <summary>The identity endpoints under <c>/api/auth</c>.</summary>
public static class AuthApi
{
    /// <summary>
    /// Maps signup, login, refresh and logout (anonymous; the first three rate limited per IP), and me and the personal
    /// access tokens (authenticated). Refusals are problem details with a <c>code</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").AddEndpointFilter(AnswerRefusals).WithTags("Identity");

        auth.MapPost("/signup", async Task<Created<SessionResponse>> (SignUpRequest request, AuthService service, CancellationToken cancellationToken) =>
            TypedResults.Created("/api/auth/me", await service.SignUpAsync(request, cancellationToken).ConfigureAwait(false)))
            .RequireRateLimiting(IdentityServiceCollectionExtensions.RateLimitPolicy);
        auth.MapPost("/login", (LogInRequest request, AuthService service, CancellationToken cancellationToken) =>
            service.LogInAsync(request, cancellationToken))
            .RequireRateLimiting(IdentityServiceCollectionExtensions.RateLimitPolicy);
        auth.MapPost("/refresh", (RefreshRequest request, AuthService service, CancellationToken cancellationToken) =>
            service.RefreshAsync(request, cancellationToken))
            .RequireRateLimiting(IdentityServiceCollectionExtensions.RateLimitPolicy);
        auth.MapPost("/logout", async Task<NoContent> (RefreshRequest request, AuthService service, CancellationToken cancellationToken) =>
        {
            await service.LogOutAsync(request, cancellationToken).ConfigureAwait(false);
            return TypedResults.NoContent();
        });

        var signedIn = auth.MapGroup("").RequireAuthorization();
        signedIn.MapGet("/me", (HttpContext context, AuthService service, CancellationToken cancellationToken) =>
            service.GetProfileAsync(context.User.GetUserId(), cancellationToken));
        signedIn.MapPost("/tokens", async Task<Created<CreatedAccessTokenResponse>> (CreateAccessTokenRequest request, HttpContext context, AuthService service, CancellationToken cancellationToken) =>
            TypedResults.Created("/api/auth/tokens", await service.CreateAccessTokenAsync(context.User.GetUserId(), request, cancellationToken).ConfigureAwait(false)));
        signedIn.MapGet("/tokens", (HttpContext context, AuthService service, CancellationToken cancellationToken) =>
            service.ListAccessTokensAsync(context.User.GetUserId(), cancellationToken));
        signedIn.MapDelete("/tokens/{id:guid}", async Task<NoContent> (Guid id, HttpContext context, AuthService service, CancellationToken cancellationToken) =>
        {
            await service.RevokeAccessTokenAsync(context.User.GetUserId(), id, cancellationToken).ConfigureAwait(false);
            return TypedResults.NoContent();
        });
        return endpoints;
    }

    private static async ValueTask<object?> AnswerRefusals(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (AuthException refusal)
        {
            var problem = new ProblemDetails { Status = AuthErrorCodes.StatusOf(refusal.Code), Detail = refusal.Message };
            problem.Extensions["code"] = refusal.Code;
            return TypedResults.Problem(problem);
        }
    }
}
