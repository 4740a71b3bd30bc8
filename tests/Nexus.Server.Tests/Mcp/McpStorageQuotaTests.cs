using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Data;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Mcp;

/// <summary>An MCP tool call is a write like any other: refused (as an error result) while the owner's storage is full.</summary>
public sealed class McpStorageQuotaTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_tool_call_is_an_error_result_while_the_owners_storage_is_full_and_runs_once_there_is_room()
    {
        await using var server = new PanelsTestServer(_data.Path, new Dictionary<string, string?> { ["Nexus:StorageUsageMaxAge"] = "00:00:00" });
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = PanelsApiTests.Counter });
        await using var client = await McpTestClient.ConnectAsync(server, ws, ada);
        var cancel = TestContext.Current.CancellationToken;

        await SetFreePlanStorageAsync(server, 1);
        var refused = await client.CallToolAsync("counter.inc", new Dictionary<string, object?> { ["by"] = 1 }, cancellationToken: cancel);
        await SetFreePlanStorageAsync(server, 100L * 1024 * 1024);
        var allowed = await client.CallToolAsync("counter.inc", new Dictionary<string, object?> { ["by"] = 1 }, cancellationToken: cancel);

        Assert.True(refused.IsError);
        Assert.Contains("STORAGE_LIMIT", McpToolsTests.Text(refused), StringComparison.Ordinal);
        Assert.False(allowed.IsError);
        var state = await server.GetAsync($"/api/workspaces/{ws}/panels/counter/state", ada);
        Assert.Equal(1, state.Json.GetProperty("state").GetProperty("count").GetInt32());
    }

    private static async Task SetFreePlanStorageAsync(PanelsTestServer server, long bytes)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Plans.Single(p => p.Id == Plan.FreeId).StorageBytes = bytes;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
