using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nexus.Studio.Platform;

namespace Nexus.Studio.Account;

/// <summary>
/// The small endpoints behind the sign-in, sign-up and sign-out forms. They exist because only a plain HTTP response
/// can set the cookie (an interactive component has no response). Forms carry an antiforgery token, which the form
/// binding checks; a refusal goes back to the form with its code (never the password, nor the email).
/// </summary>
public static class AccountEndpoints
{
    public const string SignInAction = "/account/signin";
    public const string SignUpAction = "/account/signup";
    public const string SignOutAction = "/account/signout";

    /// <summary>Maps the three form posts; they are rate limited by <paramref name="rateLimitPolicy"/> when one is given.</summary>
    public static IEndpointRouteBuilder MapStudioAccount(this IEndpointRouteBuilder endpoints, string? rateLimitPolicy = null)
    {
        var signIn = endpoints.MapPost(SignInAction, SignInAsync).ExcludeFromDescription();
        var signUp = endpoints.MapPost(SignUpAction, SignUpAsync).ExcludeFromDescription();
        endpoints.MapPost(SignOutAction, (Func<HttpContext, Task<IResult>>)SignOutAsync).ExcludeFromDescription();
        if (rateLimitPolicy is not null)
        {
            signIn.RequireRateLimiting(rateLimitPolicy);
            signUp.RequireRateLimiting(rateLimitPolicy);
        }

        return endpoints;
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, HttpContext context, IStudioAccounts accounts, CancellationToken cancellationToken)
    {
        try
        {
            var user = await accounts.VerifySignInAsync(form.Email, form.Password, cancellationToken).ConfigureAwait(false);
            await IssueCookieAsync(context, user).ConfigureAwait(false);
            return Results.LocalRedirect(StudioAuthentication.SafeReturnPath(form.ReturnUrl));
        }
        catch (PlatformRefusalException refusal)
        {
            return Results.LocalRedirect(BackToForm(StudioAuthentication.SignInPath, refusal.Code, form.ReturnUrl));
        }
    }

    private static async Task<IResult> SignUpAsync([FromForm] SignUpForm form, HttpContext context, IStudioAccounts accounts, CancellationToken cancellationToken)
    {
        try
        {
            var user = await accounts.SignUpAsync(form.Email, form.Password, form.DisplayName, cancellationToken).ConfigureAwait(false);
            await IssueCookieAsync(context, user).ConfigureAwait(false);
            return Results.LocalRedirect("/");
        }
        catch (PlatformRefusalException refusal)
        {
            return Results.LocalRedirect(BackToForm(StudioAuthentication.SignUpPath, refusal.Code, returnUrl: null));
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(StudioAuthentication.Scheme).ConfigureAwait(false);
        return Results.LocalRedirect(StudioAuthentication.SignInPath);
    }

    private static Task IssueCookieAsync(HttpContext context, StudioUser user) =>
        context.SignInAsync(StudioAuthentication.Scheme, StudioAuthentication.Principal(user));

    private static string BackToForm(string page, string code, string? returnUrl)
    {
        var query = QueryString.Create("error", code);
        if (returnUrl is not null)
        {
            query = query.Add("returnUrl", StudioAuthentication.SafeReturnPath(returnUrl));
        }

        return page + query.ToUriComponent();
    }
}

/// <summary>The sign-in form.</summary>
public sealed class SignInForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The sign-up form.</summary>
public sealed class SignUpForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? DisplayName { get; set; }
}
