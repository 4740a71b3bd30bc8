using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Tests.Api.Workspaces;
using Nexus.Studio.Platform;

namespace Nexus.Server.Tests.Studio;

/// <summary>
/// The account page's port over the real server (platform database, workspace host, identity): the numbers of
/// <c>GET /api/account/usage</c>, and tokens that are the API's tokens, with the API's refusals.
/// </summary>
public sealed class StudioAccountSettingsTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Usage_is_the_same_as_the_usage_endpoint_with_the_plans_name()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (jwt, userId) = await server.SignUpAsync("ada@example.org");
        var workspace = await server.CreateWorkspaceAsync(jwt, "one");
        await (await server.LiveAsync(workspace)).AddPanelAsync(TestServerPanels.Counter);
        await server.CreateWorkspaceAsync(jwt, "two");

        var usage = await Port(server).GetUsageAsync(Guid.Parse(userId), TestContext.Current.CancellationToken);
        var api = (await server.GetAsync("/api/account/usage", jwt)).Json;

        Assert.Equal("free", usage.PlanId);
        Assert.Equal("Free", usage.PlanName);
        Assert.Equal(new UsageAmount(2, 3), usage.Workspaces);
        Assert.Equal(new UsageAmount(1, 20), usage.PanelsPerWorkspace);
        Assert.True(usage.StorageBytes.Used > 0);
        Assert.Equal(api.GetProperty("storageBytes").GetProperty("used").GetInt64(), usage.StorageBytes.Used);
        Assert.Equal(api.GetProperty("storageBytes").GetProperty("limit").GetInt64(), usage.StorageBytes.Limit);
        Assert.Equal(api.GetProperty("monthlyTokens").GetProperty("limit").GetInt64(), usage.MonthlyTokens.Limit);
        Assert.Equal(api.GetProperty("workspaces").GetProperty("used").GetInt64(), usage.Workspaces.Used);
    }

    [Fact]
    public async Task A_token_created_through_the_port_signs_in_to_the_API_until_it_is_revoked_through_the_port()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (jwt, userId) = await server.SignUpAsync("ada@example.org");
        var port = Port(server);
        var user = Guid.Parse(userId);

        var created = await port.CreateTokenAsync(user, "  laptop  ", 30, TestContext.Current.CancellationToken);
        var me = await server.GetAsync("/api/auth/me", created.Token);
        var listedByApi = await server.GetAsync("/api/auth/tokens", jwt);
        await port.RevokeTokenAsync(user, created.Summary.Id, TestContext.Current.CancellationToken);
        var meAfter = await server.GetAsync("/api/auth/me", created.Token);
        var listed = Assert.Single(await port.ListTokensAsync(user, TestContext.Current.CancellationToken));

        Assert.StartsWith("nxp_", created.Token, StringComparison.Ordinal);
        Assert.Equal("laptop", created.Summary.Name);
        Assert.InRange(created.Summary.ExpiresAt!.Value - created.Summary.CreatedAt, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(userId, me.Json.GetProperty("id").GetString());
        Assert.Equal(created.Summary.Id.ToString("D"), Assert.Single(listedByApi.Json.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, meAfter.Status);
        Assert.Equal(created.Summary.Id, listed.Id);
        Assert.NotNull(listed.RevokedAt);
        Assert.NotNull(listed.LastUsedAt);
    }

    [Fact]
    public async Task Bad_names_expiries_and_other_peoples_tokens_are_refused_with_the_APIs_codes()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (_, ada) = await server.SignUpAsync("ada@example.org");
        var (_, bob) = await server.SignUpAsync("bob@example.org");
        var port = Port(server);
        var bobs = await port.CreateTokenAsync(Guid.Parse(bob), "bob's", null, TestContext.Current.CancellationToken);

        var noName = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.CreateTokenAsync(Guid.Parse(ada), " ", 7, TestContext.Current.CancellationToken));
        var tooLong = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.CreateTokenAsync(Guid.Parse(ada), "ci", port.MaxTokenDays + 1, TestContext.Current.CancellationToken));
        var notMine = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.RevokeTokenAsync(Guid.Parse(ada), bobs.Summary.Id, TestContext.Current.CancellationToken));

        Assert.Equal("INVALID_INPUT", noName.Code);
        Assert.Equal("INVALID_INPUT", tooLong.Code);
        Assert.Contains(port.MaxTokenDays.ToString(System.Globalization.CultureInfo.InvariantCulture), tooLong.Message, StringComparison.Ordinal);
        Assert.Equal("TOKEN_NOT_FOUND", notMine.Code);
        Assert.Null(bobs.Summary.ExpiresAt);
        Assert.Empty(await port.ListTokensAsync(Guid.Parse(ada), TestContext.Current.CancellationToken));
        Assert.Null(Assert.Single(await port.ListTokensAsync(Guid.Parse(bob), TestContext.Current.CancellationToken)).RevokedAt);
    }

    private static IStudioAccountSettings Port(WorkspacesTestServer server) => server.Services.GetRequiredService<IStudioAccountSettings>();
}
