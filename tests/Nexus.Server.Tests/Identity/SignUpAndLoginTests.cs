using System.Net;

namespace Nexus.Server.Tests.Identity;

/// <summary><c>signup</c> and <c>login</c>: shapes, refusals, lockout and the per-IP rate limit.</summary>
public sealed class SignUpAndLoginTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Signup_is_201_with_the_user_and_a_token_pair()
    {
        await using var server = new AuthTestServer(_data.Path);

        var response = await server.PostAsync("/api/auth/signup", new { email = "Ada@Example.org", password = AuthTestServer.Password, displayName = "Ada" });

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var user = response.Json.GetProperty("user");
        Assert.True(Guid.TryParse(user.GetProperty("id").GetString(), out _));
        Assert.Equal("Ada@Example.org", user.GetProperty("email").GetString());
        Assert.Equal("Ada", user.GetProperty("displayName").GetString());
        Assert.Equal("free", user.GetProperty("plan").GetProperty("id").GetString());
        Assert.Equal(3, response.Json.GetProperty("accessToken").GetString()!.Split('.').Length);
        Assert.True(response.Json.GetProperty("refreshToken").GetString()!.Length >= 43);
        Assert.Equal(15 * 60, response.Json.GetProperty("expiresIn").GetInt32());
    }

    [Fact]
    public async Task Signup_with_a_taken_email_in_another_case_is_409()
    {
        await using var server = new AuthTestServer(_data.Path);
        await server.SignUpAsync("ada@example.org");

        var response = await server.PostAsync("/api/auth/signup", new { email = "ADA@example.ORG", password = AuthTestServer.Password });

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("EMAIL_TAKEN", response.Code);
    }

    [Theory]
    [InlineData("short-1")]
    [InlineData("abcdefghijkl")]
    [InlineData("12345678901")]
    [InlineData("")]
    public async Task Signup_with_a_weak_password_is_400(string password)
    {
        await using var server = new AuthTestServer(_data.Path);

        var response = await server.PostAsync("/api/auth/signup", new { email = "ada@example.org", password });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("WEAK_PASSWORD", response.Code);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ada @example.org")]
    [InlineData("Ada <ada@example.org>")]
    [InlineData("")]
    public async Task Signup_with_an_invalid_email_is_400(string email)
    {
        await using var server = new AuthTestServer(_data.Path);

        var response = await server.PostAsync("/api/auth/signup", new { email, password = AuthTestServer.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_EMAIL", response.Code);
    }

    [Fact]
    public async Task Login_with_the_right_password_is_200_with_a_session()
    {
        await using var server = new AuthTestServer(_data.Path);
        var signedUp = await server.SignUpAsync("ada@example.org");

        var response = await server.PostAsync("/api/auth/login", new { email = " Ada@example.org ", password = AuthTestServer.Password });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(signedUp.GetProperty("user").GetProperty("id").GetString(), response.Json.GetProperty("user").GetProperty("id").GetString());
        var me = await server.GetAsync("/api/auth/me", response.Json.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, me.Status);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401()
    {
        await using var server = new AuthTestServer(_data.Path);
        await server.SignUpAsync("ada@example.org");

        var wrong = await server.PostAsync("/api/auth/login", new { email = "ada@example.org", password = "wrong-password-1" });
        var unknown = await server.PostAsync("/api/auth/login", new { email = "nobody@example.org", password = "wrong-password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal("INVALID_CREDENTIALS", wrong.Code);
        Assert.Equal(wrong.Code, unknown.Code);
        Assert.Equal(wrong.Json.GetProperty("detail").GetString(), unknown.Json.GetProperty("detail").GetString());
        Assert.Equal(wrong.Json.GetProperty("title").GetString(), unknown.Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Failures_up_to_the_threshold_lock_the_account_even_for_the_right_password_until_the_lockout_ends()
    {
        await using var server = new AuthTestServer(_data.Path, new Dictionary<string, string?>
        {
            ["Nexus:Auth:LockoutThreshold"] = "3",
            ["Nexus:Auth:LockoutDuration"] = "00:15:00",
        });
        await server.SignUpAsync("ada@example.org");
        var wrong = new { email = "ada@example.org", password = "wrong-password-1" };
        var right = new { email = "ada@example.org", password = AuthTestServer.Password };

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostAsync("/api/auth/login", wrong)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostAsync("/api/auth/login", wrong)).Status);
        var third = await server.PostAsync("/api/auth/login", wrong);
        var whileLocked = await server.PostAsync("/api/auth/login", right);
        server.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await server.PostAsync("/api/auth/login", right);
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterwards = await server.PostAsync("/api/auth/login", right);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("LOCKED_OUT", third.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, whileLocked.Status);
        Assert.Equal("LOCKED_OUT", whileLocked.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.Status);
        Assert.Equal(HttpStatusCode.OK, afterwards.Status);
    }

    [Fact]
    public async Task A_successful_login_resets_the_failure_count()
    {
        await using var server = new AuthTestServer(_data.Path, new Dictionary<string, string?> { ["Nexus:Auth:LockoutThreshold"] = "2" });
        await server.SignUpAsync("ada@example.org");
        var wrong = new { email = "ada@example.org", password = "wrong-password-1" };
        var right = new { email = "ada@example.org", password = AuthTestServer.Password };

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostAsync("/api/auth/login", wrong)).Status);
        Assert.Equal(HttpStatusCode.OK, (await server.PostAsync("/api/auth/login", right)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostAsync("/api/auth/login", wrong)).Status);
    }

    [Fact]
    public async Task The_auth_endpoints_are_rate_limited_per_address()
    {
        await using var server = new AuthTestServer(_data.Path, new Dictionary<string, string?>
        {
            ["Nexus:Auth:RateLimitPermits"] = "3",
            ["Nexus:Auth:RateLimitWindow"] = "00:10:00",
        });
        var attempt = new { email = "nobody@example.org", password = "wrong-password-1" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await server.PostAsync("/api/auth/login", attempt)).Status);
        }

        var limited = await server.PostAsync("/api/auth/login", attempt);
        var signupLimited = await server.PostAsync("/api/auth/signup", new { email = "ada@example.org", password = AuthTestServer.Password });

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("RATE_LIMITED", limited.Code);
        Assert.Equal(HttpStatusCode.TooManyRequests, signupLimited.Status);
    }

    [Fact]
    public async Task Malformed_json_is_400_without_details_of_the_parser()
    {
        await using var server = new AuthTestServer(_data.Path);
        using var content = new StringContent("{\"email\":", System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync(new Uri("/api/auth/login", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
