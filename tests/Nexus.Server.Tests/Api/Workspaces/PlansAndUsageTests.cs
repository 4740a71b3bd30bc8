using System.Net;

namespace Nexus.Server.Tests.Api.Workspaces;

/// <summary><c>GET /api/plans</c> and <c>GET /api/account/usage</c>.</summary>
public sealed class PlansAndUsageTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Plans_list_the_seeded_free_plan_with_its_limits()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");

        var plans = await server.GetAsync("/api/plans", ada);

        Assert.Equal(HttpStatusCode.OK, plans.Status);
        var free = plans.Json.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "free");
        Assert.Equal(3, free.GetProperty("maxWorkspaces").GetInt32());
        Assert.Equal(20, free.GetProperty("maxPanelsPerWorkspace").GetInt32());
        Assert.Equal(100L * 1024 * 1024, free.GetProperty("storageBytes").GetInt64());
        Assert.Equal(100_000, free.GetProperty("monthlyTokens").GetInt64());
    }

    [Fact]
    public async Task Usage_counts_owned_workspaces_their_panels_and_folder_bytes_only()
    {
        await using var server = new WorkspacesTestServer(_data.Path);
        var (ada, _) = await server.SignUpAsync("ada@example.org");
        var (bob, _) = await server.SignUpAsync("bob@example.org");

        var empty = await server.GetAsync("/api/account/usage", ada);
        var first = await server.CreateWorkspaceAsync(ada, "one");
        var second = await server.CreateWorkspaceAsync(ada, "two");
        var live = await server.LiveAsync(first);
        await live.AddPanelAsync(TestServerPanels.Counter);
        await live.AddPanelAsync(TestServerPanels.Counter.Replace("id=\"counter\"", "id=\"second\"", StringComparison.Ordinal));
        var bobs = await server.CreateWorkspaceAsync(bob, "bob's");
        await server.AddMemberAsync(bob, bobs, "ada@example.org", "editor");
        var usage = await server.GetAsync("/api/account/usage", ada);
        var bobUsage = await server.GetAsync("/api/account/usage", bob);

        Assert.Equal(HttpStatusCode.OK, usage.Status);
        Assert.Equal("free", usage.Json.GetProperty("planId").GetString());
        Assert.Equal(0, empty.Json.GetProperty("workspaces").GetProperty("used").GetInt64());
        Assert.Equal(0, empty.Json.GetProperty("storageBytes").GetProperty("used").GetInt64());
        Assert.Equal(2, usage.Json.GetProperty("workspaces").GetProperty("used").GetInt64());
        Assert.Equal(3, usage.Json.GetProperty("workspaces").GetProperty("limit").GetInt64());
        Assert.Equal(2, usage.Json.GetProperty("panelsPerWorkspace").GetProperty("used").GetInt64());
        Assert.Equal(20, usage.Json.GetProperty("panelsPerWorkspace").GetProperty("limit").GetInt64());
        Assert.Equal(0, usage.Json.GetProperty("monthlyTokens").GetProperty("used").GetInt64());
        Assert.Equal(100_000, usage.Json.GetProperty("monthlyTokens").GetProperty("limit").GetInt64());
        Assert.Equal(1, bobUsage.Json.GetProperty("workspaces").GetProperty("used").GetInt64());
        Assert.Equal(0, bobUsage.Json.GetProperty("panelsPerWorkspace").GetProperty("used").GetInt64());

        var adaBytes = usage.Json.GetProperty("storageBytes").GetProperty("used").GetInt64();
        var bobBytes = bobUsage.Json.GetProperty("storageBytes").GetProperty("used").GetInt64();
        var onDisk = FolderBytes(first) + FolderBytes(second);
        Assert.True(bobBytes > 0);
        Assert.True(adaBytes > bobBytes, $"ada {adaBytes} bytes over two workspaces with panels, bob {bobBytes} over one empty one");
        Assert.Equal(onDisk, adaBytes);
    }

    private long FolderBytes(string workspaceId) =>
        new DirectoryInfo(Path.Combine(_data.Path, "workspaces", workspaceId))
            .EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
