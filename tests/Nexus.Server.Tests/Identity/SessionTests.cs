using System.Net;

namespace Nexus.Server.Tests.Identity;

/// <summary>Access tokens on <c>me</c>, refresh-token rotation and reuse detection, logout.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Me_with_the_access_token_is_the_user()
    {
        await using var server = new AuthTestServer(_data.Path);
        var session = await server.SignUpAsync("ada@example.org");

        var me = await server.GetAsync("/api/auth/me", session.GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(session.GetProperty("user").GetProperty("id").GetString(), me.Json.GetProperty("id").GetString());
        Assert.Equal("ada@example.org", me.Json.GetProperty("email").GetString());
        Assert.Equal("ada", me.Json.GetProperty("displayName").GetString());
        Assert.Equal("free", me.Json.GetProperty("plan").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    [InlineData("nxp_not-a-real-token")]
    public async Task Me_without_a_valid_token_is_401(string? bearer)
    {
        await using var server = new AuthTestServer(_data.Path);

        var me = await server.GetAsync("/api/auth/me", bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
        Assert.Equal("UNAUTHORIZED", me.Code);
    }

    [Fact]
    public async Task An_expired_access_token_is_401()
    {
        await using var server = new AuthTestServer(_data.Path);
        var token = (await server.SignUpAsync("ada@example.org")).GetProperty("accessToken").GetString();

        server.Clock.Advance(TimeSpan.FromMinutes(14));
        var beforeExpiry = await server.GetAsync("/api/auth/me", token);
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = await server.GetAsync("/api/auth/me", token);

        Assert.Equal(HttpStatusCode.OK, beforeExpiry.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, afterExpiry.Status);
        Assert.Equal("UNAUTHORIZED", afterExpiry.Code);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var key = Convert.ToBase64String(new byte[32]);
        await using var other = new AuthTestServer(_data.Path, new Dictionary<string, string?> { ["Nexus:Auth:SigningKey"] = key });
        var foreign = (await other.SignUpAsync("ada@example.org")).GetProperty("accessToken").GetString();
        using var secondData = new TestServerDataDirectory();
        await using var server = new AuthTestServer(secondData.Path);

        var me = await server.GetAsync("/api/auth/me", foreign);

        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
    }

    [Fact]
    public async Task An_access_token_in_the_query_is_ignored_outside_websocket_paths()
    {
        await using var server = new AuthTestServer(_data.Path);
        var token = (await server.SignUpAsync("ada@example.org")).GetProperty("accessToken").GetString();

        var me = await server.GetAsync("/api/auth/me?access_token=" + token);

        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
    }

    [Fact]
    public async Task Refresh_rotates_and_reusing_a_spent_token_revokes_the_family()
    {
        await using var server = new AuthTestServer(_data.Path);
        var first = (await server.SignUpAsync("ada@example.org")).GetProperty("refreshToken").GetString();

        var rotated = await server.PostAsync("/api/auth/refresh", new { refreshToken = first });
        var second = rotated.Json.GetProperty("refreshToken").GetString();
        var reuse = await server.PostAsync("/api/auth/refresh", new { refreshToken = first });
        var afterReuse = await server.PostAsync("/api/auth/refresh", new { refreshToken = second });

        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, (await server.GetAsync("/api/auth/me", rotated.Json.GetProperty("accessToken").GetString())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.Status);
        Assert.Equal("INVALID_REFRESH_TOKEN", reuse.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReuse.Status);
    }

    [Fact]
    public async Task Refresh_chains_while_each_token_is_used_once()
    {
        await using var server = new AuthTestServer(_data.Path);
        var token = (await server.SignUpAsync("ada@example.org")).GetProperty("refreshToken").GetString();

        for (var i = 0; i < 3; i++)
        {
            var rotated = await server.PostAsync("/api/auth/refresh", new { refreshToken = token });
            Assert.Equal(HttpStatusCode.OK, rotated.Status);
            token = rotated.Json.GetProperty("refreshToken").GetString();
        }
    }

    [Fact]
    public async Task An_expired_refresh_token_is_401()
    {
        await using var server = new AuthTestServer(_data.Path, new Dictionary<string, string?> { ["Nexus:Auth:RefreshTokenLifetime"] = "02:00:00" });
        var token = (await server.SignUpAsync("ada@example.org")).GetProperty("refreshToken").GetString();

        server.Clock.Advance(TimeSpan.FromHours(3));
        var response = await server.PostAsync("/api/auth/refresh", new { refreshToken = token });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Logout_revokes_the_family_but_not_other_sessions()
    {
        await using var server = new AuthTestServer(_data.Path);
        var first = (await server.SignUpAsync("ada@example.org")).GetProperty("refreshToken").GetString();
        var login = await server.PostAsync("/api/auth/login", new { email = "ada@example.org", password = AuthTestServer.Password });
        var otherSession = login.Json.GetProperty("refreshToken").GetString();

        var logout = await server.PostAsync("/api/auth/logout", new { refreshToken = first });
        var refreshAfterLogout = await server.PostAsync("/api/auth/refresh", new { refreshToken = first });
        var otherRefresh = await server.PostAsync("/api/auth/refresh", new { refreshToken = otherSession });

        Assert.Equal(HttpStatusCode.NoContent, logout.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshAfterLogout.Status);
        Assert.Equal(HttpStatusCode.OK, otherRefresh.Status);
    }
}
