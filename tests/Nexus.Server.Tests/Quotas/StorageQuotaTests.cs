using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Data;
using Nexus.Server.Tests.Api.Panels;
using Nexus.Server.Tests.Api.Realtime;

namespace Nexus.Server.Tests.Quotas;

/// <summary>
/// The storage quota: once the owner's workspaces take what the plan allows, writes that grow them are refused with
/// 507 STORAGE_LIMIT (HTTP) or ERROR STORAGE_LIMIT (WebSocket); reads and deletions still work, and room made by
/// raising the limit counts at once.
/// </summary>
public sealed class StorageQuotaTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_full_owner_can_read_and_delete_but_not_grow_until_there_is_room()
    {
        // Measured on every check, so the test sees each limit change at once.
        await using var server = new SocketTestServer(_data.Path, settings: new Dictionary<string, string?> { ["Nexus:StorageUsageMaxAge"] = "00:00:00" });
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        await SetFreePlanStorageAsync(server, 1);

        var call = await SendAsync(server, HttpMethod.Post, $"/api/workspaces/{ws}/panels/counter/tools/inc", ada, new { args = new { by = 1 } });
        Assert.Equal(HttpStatusCode.InsufficientStorage, call.Status);
        Assert.Equal("STORAGE_LIMIT", call.Code);
        Assert.Contains("bytes", call.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal("STORAGE_LIMIT", (await SendAsync(server, HttpMethod.Put, $"/api/workspaces/{ws}/panels/counter/source", ada, new { source = SocketTests.Counter })).Code);
        Assert.Equal("STORAGE_LIMIT", (await SendAsync(server, HttpMethod.Post, $"/api/workspaces/{ws}/panels", ada, new { panelId = "second", source = SocketTests.Counter })).Code);
        Assert.Equal("STORAGE_LIMIT", (await SendAsync(server, HttpMethod.Post, $"/api/workspaces/{ws}/proposals", ada, new { title = "t", changes = new[] { new { path = "panels/x.nxml", content = SocketTests.Counter } } })).Code);
        Assert.Equal("STORAGE_LIMIT", (await SendAsync(server, HttpMethod.Post, "/api/workspaces", ada, new { name = "Another" })).Code);

        using (var socket = await server.ConnectAsync(ws, ada))
        {
            await socket.ReceiveAsync("CONNECTED");
            await socket.SendAsync(new { type = "TRIGGER", tool = "inc", args = new { by = 1 }, requestId = "t" });
            var refused = await socket.ReceiveAsync("ERROR");
            Assert.Equal("STORAGE_LIMIT", refused.GetProperty("code").GetString());
            Assert.Equal("t", refused.GetProperty("requestId").GetString());
            await socket.SendAsync(new { type = "SET", path = "$state.draft", value = "hello", requestId = "s" });
            Assert.Equal("STORAGE_LIMIT", (await socket.ReceiveAsync("ERROR")).GetProperty("code").GetString());
        }

        var state = await SendAsync(server, HttpMethod.Get, $"/api/workspaces/{ws}/panels/counter/state", ada, null);
        Assert.Equal(HttpStatusCode.OK, state.Status);
        Assert.Equal(0, state.Json.GetProperty("state").GetProperty("count").GetInt32());
        Assert.Equal("", state.Json.GetProperty("state").GetProperty("draft").GetString());

        var usage = (await SendAsync(server, HttpMethod.Get, "/api/account/usage", ada, null)).Json.GetProperty("storageBytes");
        Assert.True(usage.GetProperty("used").GetInt64() > usage.GetProperty("limit").GetInt64());

        await SetFreePlanStorageAsync(server, 100L * 1024 * 1024);
        var allowed = await SendAsync(server, HttpMethod.Post, $"/api/workspaces/{ws}/panels/counter/tools/inc", ada, new { args = new { by = 1 } });
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal(1, allowed.Json.GetProperty("returnValue").GetInt32());

        await SetFreePlanStorageAsync(server, 1);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(server, HttpMethod.Delete, $"/api/workspaces/{ws}/panels/counter", ada, null)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(server, HttpMethod.Delete, $"/api/workspaces/{ws}", ada, null)).Status);
        Assert.Equal(0, (await SendAsync(server, HttpMethod.Get, "/api/account/usage", ada, null)).Json.GetProperty("storageBytes").GetProperty("used").GetInt64());
    }

    [Fact]
    public async Task Another_users_full_storage_does_not_refuse_this_owners_writes()
    {
        await using var server = new SocketTestServer(_data.Path, settings: new Dictionary<string, string?> { ["Nexus:StorageUsageMaxAge"] = "00:00:00" });
        var ada = await server.SignUpAsync("ada@example.org");
        var bob = await server.SignUpAsync("bob@example.org");
        var adas = await server.CreateWorkspaceWithCounterAsync(ada);
        await server.CreateWorkspaceWithCounterAsync(bob);
        await server.AddMemberAsync(adas, bob, WorkspaceRole.Editor);
        var bobsSpace = (await SendAsync(server, HttpMethod.Get, "/api/account/usage", bob, null)).Json.GetProperty("storageBytes").GetProperty("used").GetInt64();
        await SetFreePlanStorageAsync(server, bobsSpace); // both on the free plan: bob is exactly full, ada (one workspace of the same size) too

        // Bob, an editor in ada's workspace, writes against ada's quota; make ada's room by giving her a bigger plan.
        await SetPlanAsync(server, ada, "roomy", 100L * 1024 * 1024);
        var call = await SendAsync(server, HttpMethod.Post, $"/api/workspaces/{adas}/panels/counter/tools/inc", bob, new { args = new { by = 1 } });
        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal("STORAGE_LIMIT", (await SendAsync(server, HttpMethod.Post, "/api/workspaces", bob, new { name = "Bob's second" })).Code);
    }

    private static Task<ApiResponse> SendAsync(SocketTestServer server, HttpMethod method, string path, TestUser user, object? body) =>
        ApiCall.SendAsync(server.Client, method, path, body, user.Token);

    private static async Task SetFreePlanStorageAsync(SocketTestServer server, long bytes)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Plans.Single(p => p.Id == Plan.FreeId).StorageBytes = bytes;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task SetPlanAsync(SocketTestServer server, TestUser user, string planId, long storageBytes)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var free = db.Plans.Single(p => p.Id == Plan.FreeId);
        db.Plans.Add(new Plan { Id = planId, Name = planId, MaxWorkspaces = free.MaxWorkspaces, MaxPanelsPerWorkspace = free.MaxPanelsPerWorkspace, StorageBytes = storageBytes, MonthlyTokens = free.MonthlyTokens });
        db.Users.Single(u => u.Id == user.Id).PlanId = planId;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
