using System.Net;

namespace Nexus.Server.Tests.Identity;

/// <summary>Personal access tokens: created once, listed without their value, authenticate, revoked, expire.</summary>
public sealed class AccessTokenTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_created_token_is_shown_once_authenticates_and_stops_after_revocation()
    {
        await using var server = new AuthTestServer(_data.Path);
        var session = await server.SignUpAsync("ada@example.org");
        var jwt = session.GetProperty("accessToken").GetString();

        var created = await server.PostAsync("/api/auth/tokens", new { name = "ci" }, jwt);
        var token = created.Json.GetProperty("token").GetString()!;
        var id = created.Json.GetProperty("id").GetString();
        var list = await server.GetAsync("/api/auth/tokens", jwt);
        var me = await server.GetAsync("/api/auth/me", token);
        var revoked = await server.DeleteAsync("/api/auth/tokens/" + id, token);
        var meAfter = await server.GetAsync("/api/auth/me", token);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.StartsWith("nxp_", token, StringComparison.Ordinal);
        Assert.Equal("ci", created.Json.GetProperty("name").GetString());
        var listed = Assert.Single(list.Json.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.DoesNotContain(token[4..], list.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(session.GetProperty("user").GetProperty("id").GetString(), me.Json.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, revoked.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, meAfter.Status);
        Assert.Equal("UNAUTHORIZED", meAfter.Code);
    }

    [Fact]
    public async Task Another_users_token_id_is_404_and_stays_valid()
    {
        await using var server = new AuthTestServer(_data.Path);
        var ada = (await server.SignUpAsync("ada@example.org")).GetProperty("accessToken").GetString();
        var bob = (await server.SignUpAsync("bob@example.org")).GetProperty("accessToken").GetString();
        var created = await server.PostAsync("/api/auth/tokens", new { name = "ada's" }, ada);

        var delete = await server.DeleteAsync("/api/auth/tokens/" + created.Json.GetProperty("id").GetString(), bob);
        var me = await server.GetAsync("/api/auth/me", created.Json.GetProperty("token").GetString());

        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        Assert.Equal("TOKEN_NOT_FOUND", delete.Code);
        Assert.Equal(HttpStatusCode.OK, me.Status);
    }

    [Fact]
    public async Task A_token_with_an_expiry_stops_working_after_it()
    {
        await using var server = new AuthTestServer(_data.Path);
        var jwt = (await server.SignUpAsync("ada@example.org")).GetProperty("accessToken").GetString();
        var token = (await server.PostAsync("/api/auth/tokens", new { name = "short", expiresInDays = 1 }, jwt)).Json.GetProperty("token").GetString();

        var before = await server.GetAsync("/api/auth/me", token);
        server.Clock.Advance(TimeSpan.FromDays(2));
        var after = await server.GetAsync("/api/auth/me", token);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("ci", 0)]
    [InlineData("ci", 100000)]
    public async Task Bad_token_requests_are_400(string name, int? expiresInDays)
    {
        await using var server = new AuthTestServer(_data.Path);
        var jwt = (await server.SignUpAsync("ada@example.org")).GetProperty("accessToken").GetString();

        var response = await server.PostAsync("/api/auth/tokens", new { name, expiresInDays }, jwt);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_INPUT", response.Code);
    }

    [Fact]
    public async Task Token_endpoints_need_a_signed_in_user()
    {
        await using var server = new AuthTestServer(_data.Path);

        var list = await server.GetAsync("/api/auth/tokens");
        var create = await server.PostAsync("/api/auth/tokens", new { name = "ci" });

        Assert.Equal(HttpStatusCode.Unauthorized, list.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, create.Status);
    }
}
