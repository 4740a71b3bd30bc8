using System.Net;

namespace Nexus.Server.Tests.Api.Panels;

/// <summary>The panels API's happy paths and refusals, through the real server and real workspaces on disk.</summary>
public sealed class PanelsApiTests : IDisposable
{
    internal const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data>
            <State name="count" type="number" default="0" />
          </Data>
          <Logic>
            <Tool name="inc" description="Count one more">
              <Arg name="by" type="number" default="1" />
              <Handler>$state.count = $state.count + $args.by; $log("counted", $state.count); return $state.count;</Handler>
            </Tool>
            <Tool name="boom" description="Always fails"><Handler>throw new Error("kaput");</Handler></Tool>
          </Logic>
          <View><Button label="+1" trigger="inc" /><Text content="{$state.count}" /></View>
        </NexusPanel>
        """;

    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_created_panel_is_listed_described_and_answers_tool_calls_that_change_its_state()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/panels";

        var created = await server.PostAsync(root, ada, new { source = Counter });
        var list = await server.GetAsync(root, ada);
        var detail = await server.GetAsync(root + "/counter", ada);
        var call = await server.PostAsync(root + "/counter/tools/inc", ada, new { args = new { by = 2 } });
        var state = await server.GetAsync(root + "/counter/state", ada);
        var log = await server.GetAsync(root + "/counter/log?limit=5", ada);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("counter", created.Json.GetProperty("panelId").GetString());
        Assert.Equal($"/api/workspaces/{ws}/panels/counter/ws", created.Json.GetProperty("websocket").GetString());
        Assert.Equal(0, created.Json.GetProperty("initialState").GetProperty("count").GetDouble());
        Assert.DoesNotContain(created.Json.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var row = Assert.Single(list.Json.GetProperty("panels").EnumerateArray());
        Assert.Equal("counter", row.GetProperty("panelId").GetString());
        Assert.Equal("Counter", row.GetProperty("title").GetString());
        Assert.Equal("running", row.GetProperty("status").GetString());
        Assert.True(row.GetProperty("uptimeSeconds").GetInt64() >= 0);
        Assert.Equal(1, list.Json.GetProperty("totalPanels").GetInt32());
        Assert.True(list.Json.GetProperty("maxPanels").GetInt32() >= 1);

        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Equal(Counter, detail.Json.GetProperty("source").GetString());
        Assert.Equal("Counter", detail.Json.GetProperty("meta").GetProperty("title").GetString());
        Assert.Equal("NexusPanel", detail.Json.GetProperty("ast").GetProperty("kind").GetString());
        var inc = detail.Json.GetProperty("tools").EnumerateArray().First(t => t.GetProperty("name").GetString() == "inc");
        Assert.Equal("Count one more", inc.GetProperty("description").GetString());
        Assert.Equal("number", inc.GetProperty("inputSchema").GetProperty("properties").GetProperty("by").GetProperty("type").GetString());

        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.Equal("success", call.Json.GetProperty("status").GetString());
        Assert.Equal(2, call.Json.GetProperty("returnValue").GetDouble());
        Assert.Equal("count", call.Json.GetProperty("mutations")[0].GetProperty("key").GetString());
        Assert.Equal(2, state.Json.GetProperty("state").GetProperty("count").GetDouble());
        Assert.Equal("counter", state.Json.GetProperty("panelId").GetString());
        Assert.Contains(log.Json.GetProperty("lines").EnumerateArray(), l => l.GetProperty("message").GetString()!.Contains("counted 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_handler_is_200_with_an_error_result_and_an_unknown_tool_or_panel_is_404()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/panels";
        await server.PostAsync(root, ada, new { source = Counter });

        var failed = await server.PostAsync(root + "/counter/tools/boom", ada, new { });
        var unknownTool = await server.PostAsync(root + "/counter/tools/nope", ada, new { });
        var unknownPanel = await server.PostAsync(root + "/ghost/tools/inc", ada, new { });
        var unknownDetail = await server.GetAsync(root + "/ghost", ada);
        var badLimit = await server.GetAsync(root + "/counter/log?limit=0", ada);
        var errorLog = await server.GetAsync(root + "/counter/log", ada);

        Assert.Equal(HttpStatusCode.OK, failed.Status);
        Assert.Equal("error", failed.Json.GetProperty("status").GetString());
        Assert.Contains("kaput", failed.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownTool.Status);
        Assert.Equal("TOOL_NOT_FOUND", unknownTool.Code);
        Assert.Equal(HttpStatusCode.NotFound, unknownPanel.Status);
        Assert.Equal("PANEL_NOT_FOUND", unknownPanel.Code);
        Assert.Equal(HttpStatusCode.NotFound, unknownDetail.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.Status);
        Assert.Equal(HttpStatusCode.OK, errorLog.Status);
    }

    [Fact]
    public async Task Bad_source_is_400_with_diagnostics_and_changes_nothing()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/panels";
        const string bad = "<NexusPanel><Data><State name=\"x\" type=\"nope\" /></Data></NexusPanel>";

        var create = await server.PostAsync(root, ada, new { source = bad });
        await server.PostAsync(root, ada, new { source = Counter });
        var edit = await server.PutAsync(root + "/counter/source", ada, new { source = bad });
        var missing = await server.PutAsync(root + "/counter/source", ada, new { });
        var neither = await server.PostAsync(root, ada, new { panelId = "x" });
        var detail = await server.GetAsync(root + "/counter", ada);
        var list = await server.GetAsync(root, ada);

        Assert.Equal(HttpStatusCode.BadRequest, create.Status);
        Assert.Equal("INVALID_NXML", create.Code);
        Assert.NotEqual(0, create.Json.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, edit.Status);
        Assert.Equal("INVALID_NXML", edit.Code);
        Assert.NotEqual(0, edit.Json.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, neither.Status);
        Assert.Equal(Counter, detail.Json.GetProperty("source").GetString());
        Assert.Equal(1, list.Json.GetProperty("totalPanels").GetInt32());
    }

    [Fact]
    public async Task A_taken_id_is_409_and_a_full_workspace_is_429()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/panels";
        await server.PostAsync(root, ada, new { source = Counter });

        var taken = await server.PostAsync(root, ada, new { panelId = "counter", source = Counter });
        var derived = await server.PostAsync(root, ada, new { source = Counter });
        await server.SetFreePlanPanelLimitAsync(2);
        var full = await server.PostAsync(root, ada, new { panelId = "third", source = Counter });
        var list = await server.GetAsync(root, ada);

        Assert.Equal(HttpStatusCode.Conflict, taken.Status);
        Assert.Equal("PANEL_EXISTS", taken.Code);
        Assert.Equal(HttpStatusCode.Created, derived.Status);
        Assert.Equal("counter-2", derived.Json.GetProperty("panelId").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, full.Status);
        Assert.Equal("PANEL_LIMIT", full.Code);
        Assert.Equal(2, list.Json.GetProperty("maxPanels").GetInt32());
        Assert.Equal(2, list.Json.GetProperty("totalPanels").GetInt32());
    }

    [Fact]
    public async Task Adds_racing_for_the_last_panel_place_let_exactly_one_through()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/panels";
        await server.PostAsync(root, ada, new { source = Counter });
        await server.SetFreePlanPanelLimitAsync(2);

        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => server.PostAsync(root, ada, new { panelId = $"racer-{i}", source = Counter })));
        var list = await server.GetAsync(root, ada);

        Assert.Single(racing, r => r.Status == HttpStatusCode.Created);
        Assert.All(racing.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal("PANEL_LIMIT", r.Code));
        Assert.Equal(2, list.Json.GetProperty("totalPanels").GetInt32());
    }

    [Fact]
    public async Task Hot_reload_keeps_state_delete_removes_the_panel_and_history_lists_its_commits()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/panels";
        await server.PostAsync(root, ada, new { source = Counter });
        await server.PostAsync(root + "/counter/tools/inc", ada, new { args = new { by = 5 } });
        var renamed = Counter.Replace("title=\"Counter\"", "title=\"Tally\"", StringComparison.Ordinal);

        var edit = await server.PutAsync(root + "/counter/source", ada, new { source = renamed });
        var state = await server.GetAsync(root + "/counter/state", ada);
        var history = await server.GetAsync(root + "/counter/history", ada);
        var template = await server.PostAsync(root, ada, new { templateId = "no-such-template" });
        var delete = await server.DeleteAsync(root + "/counter", ada);
        var after = await server.GetAsync(root + "/counter", ada);

        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Equal("Tally", edit.Json.GetProperty("meta").GetProperty("title").GetString());
        Assert.Equal(5, state.Json.GetProperty("state").GetProperty("count").GetDouble());
        var messages = history.Json.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("message").GetString()).ToList();
        Assert.Contains(messages, m => m!.StartsWith("Edit panel counter", StringComparison.Ordinal));
        Assert.Contains(messages, m => m!.StartsWith("Add panel counter", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, template.Status);
        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
    }

    [Fact]
    public async Task State_changed_by_a_tool_call_survives_a_server_restart()
    {
        string ws;
        await using (var first = new PanelsTestServer(_data.Path))
        {
            var ada = await first.SignUpAsync("ada@example.org");
            ws = await first.CreateWorkspaceAsync(ada);
            await first.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = Counter });
            var call = await first.PostAsync($"/api/workspaces/{ws}/panels/counter/tools/inc", ada, new { args = new { by = 3 } });
            Assert.Equal(HttpStatusCode.OK, call.Status);
        }

        await using var second = new PanelsTestServer(_data.Path);
        var again = await second.LogInAsync("ada@example.org");
        var state = await second.GetAsync($"/api/workspaces/{ws}/panels/counter/state", again);

        Assert.Equal(HttpStatusCode.OK, state.Status);
        Assert.Equal(3, state.Json.GetProperty("state").GetProperty("count").GetDouble());
    }
}
