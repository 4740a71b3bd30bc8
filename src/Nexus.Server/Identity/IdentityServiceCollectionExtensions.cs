using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Nexus.Server.Data;
using Nexus.Studio.Account;

namespace Nexus.Server.Identity;

/// <summary>Registers identity: options, password hashing, token issuing, the authentication schemes and the auth rate limit.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>The default scheme: forwards to <see cref="JwtScheme"/> or <see cref="AccessTokenScheme"/> by the token's shape.</summary>
    public const string Scheme = "Nexus";

    /// <summary>The JWT bearer scheme (access tokens).</summary>
    public const string JwtScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The personal access token scheme (<c>nxp_…</c>).</summary>
    public const string AccessTokenScheme = "PersonalAccessToken";

    /// <summary>The rate limiter policy on login, signup and refresh.</summary>
    public const string RateLimitPolicy = "nexus-auth";

    /// <summary>Registers identity's services; <paramref name="configuration"/> supplies <c>Nexus:Auth</c>.</summary>
    public static IServiceCollection AddNexusIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<IPasswordHasher<PlatformUser>, PasswordHasher<PlatformUser>>();
        services.AddScoped<AuthService>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "JWT, personal access token or the UI's cookie", policy => policy.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(JwtScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenScheme, configureOptions: null)
            .AddCookie(StudioAuthentication.Scheme, ConfigureStudioCookie);
        services.AddOptions<JwtBearerOptions>(JwtScheme).Configure<SigningKeyStore, IOptions<AuthOptions>, TimeProvider>(ConfigureJwt);
        services.AddAuthorization();

        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = options.RateLimitWindow,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>
    /// The scheme a request is authenticated (and challenged) with. A bearer token picks its token scheme. Without
    /// one, the API (<c>/api</c>, <c>/mcp</c>) stays on JWT — a 401 problem, never a redirect, and never the cookie,
    /// which a browser would send on a cross-site request — while the UI's pages and its circuit use the cookie.
    /// </summary>
    internal static string SelectScheme(HttpContext context)
    {
        var token = BearerToken.Read(context.Request);
        if (token is null && !IsApiPath(context.Request.Path))
        {
            return StudioAuthentication.Scheme;
        }

        return OpaqueTokens.IsAccessToken(token) ? AccessTokenScheme : JwtScheme;
    }

    private static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/mcp", StringComparison.OrdinalIgnoreCase);

    private static void ConfigureStudioCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = StudioAuthentication.CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = StudioAuthentication.SignInPath;
        cookie.AccessDeniedPath = StudioAuthentication.SignInPath;
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
        cookie.SlidingExpiration = true;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, SigningKeyStore key, IOptions<AuthOptions> auth, TimeProvider time)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = AuthOptions.Issuer,
            ValidAudience = AuthOptions.Issuer,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = ClaimsPrincipalExtensions.UserIdClaim,
            RequireExpirationTime = true,
            ClockSkew = auth.Value.ClockSkew,
            // Checked against the server's TimeProvider, not the wall clock, so lifetimes are testable and consistent with issuing.
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } end && now <= end + parameters.ClockSkew && (notBefore is not { } start || now >= start - parameters.ClockSkew);
            },
        };
        jwt.Events = new JwtBearerEvents
        {
            // The JWT scheme reads its token the same way the selector did (header, or the query on WebSocket paths).
            OnMessageReceived = context =>
            {
                context.Token = BearerToken.Read(context.Request);
                return Task.CompletedTask;
            },
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var problem = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Detail = "Too many requests from this address; try again later." };
        problem.Extensions["code"] = AuthErrorCodes.RateLimited;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
