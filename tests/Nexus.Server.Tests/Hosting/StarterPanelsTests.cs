using System.Net;
using Nexus.Server.Hosting;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Hosting;

/// <summary>The starter panels of <c>panels/</c> ship inside the server and are every workspace's templates.</summary>
public sealed class StarterPanelsTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void The_five_starters_are_embedded()
    {
        Assert.Subset(StarterPanels.All.Keys.ToHashSet(), new HashSet<string> { "notes", "tasks", "counter", "server-monitor", "chart-dashboard" });
        Assert.All(StarterPanels.All.Values, source => Assert.StartsWith("<NexusPanel", source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_starter_can_be_added_by_template_id_and_runs()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);

        foreach (var id in StarterPanels.All.Keys)
        {
            var added = await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { templateId = id });
            Assert.Equal(HttpStatusCode.Created, added.Status);
            Assert.Empty(added.Json.GetProperty("diagnostics").EnumerateArray());
            var panelId = added.Json.GetProperty("panelId").GetString();
            var detail = await server.GetAsync($"/api/workspaces/{ws}/panels/{panelId}", ada);
            Assert.NotEmpty(detail.Json.GetProperty("tools").EnumerateArray());
        }

        var list = await server.GetAsync($"/api/workspaces/{ws}/panels", ada);
        Assert.Equal(StarterPanels.All.Count, list.Json.GetProperty("totalPanels").GetInt32());
        Assert.All(list.Json.GetProperty("panels").EnumerateArray(), p => Assert.Equal("running", p.GetProperty("status").GetString()));

        var call = await server.PostAsync($"/api/workspaces/{ws}/panels/tasks/tools/add", ada, new { args = new { text = "from the template" } });
        Assert.Equal("success", call.Json.GetProperty("status").GetString());
    }
}
