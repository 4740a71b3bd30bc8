using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Nexus.Server.Api.Mcp;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Mcp;

/// <summary>list_changed reaches open sessions when panels are added, edited or removed; closed sessions leave nothing behind.</summary>
public sealed class McpNotificationTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Adding_editing_and_removing_a_panel_announce_changed_tool_and_resource_lists()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}/panels";
        await server.PostAsync(root, ada, new { source = PanelsApiTests.Counter });
        await using var client = await McpTestClient.ConnectAsync(server, ws, ada);
        await using var notifications = McpNotifications.Listen(client);
        await notifications.WarmUpAsync(server, ada, ws, "counter", PanelsApiTests.Counter);
        var cancel = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.Created, (await server.PostAsync(root, ada, new { source = McpToolsTests.Notes })).Status);
        await notifications.WaitForAsync(NotificationMethods.ToolListChangedNotification, NotificationMethods.ResourceListChangedNotification);
        Assert.Contains("notes.add", (await client.ListToolsAsync(cancellationToken: cancel)).Select(t => t.Name));

        var edited = McpToolsTests.Notes.Replace("""<Tool name="add" description="Add a note">""", """<Tool name="append" description="Append a note">""", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await server.PutAsync(root + "/notes/source", ada, new { source = edited })).Status);
        await notifications.WaitForAsync(NotificationMethods.ToolListChangedNotification, NotificationMethods.ResourceListChangedNotification);
        var afterEdit = (await client.ListToolsAsync(cancellationToken: cancel)).Select(t => t.Name).ToList();
        Assert.Contains("notes.append", afterEdit);
        Assert.DoesNotContain("notes.add", afterEdit);

        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync(root + "/notes", ada)).Status);
        await notifications.WaitForAsync(NotificationMethods.ToolListChangedNotification, NotificationMethods.ResourceListChangedNotification);
        Assert.DoesNotContain((await client.ListToolsAsync(cancellationToken: cancel)).Select(t => t.Name), n => n.StartsWith("notes.", StringComparison.Ordinal));
        Assert.DoesNotContain((await client.ListResourcesAsync(cancellationToken: cancel)).Select(r => r.Uri), u => u.Contains("/panels/notes/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_in_one_workspace_is_not_announced_to_sessions_of_another()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var lab = await server.CreateWorkspaceAsync(ada, "Lab");
        var home = await server.CreateWorkspaceAsync(ada, "Home");
        await server.PostAsync($"/api/workspaces/{lab}/panels", ada, new { source = PanelsApiTests.Counter });
        await server.PostAsync($"/api/workspaces/{home}/panels", ada, new { source = PanelsApiTests.Counter });
        await using var labClient = await McpTestClient.ConnectAsync(server, lab, ada);
        await using var homeClient = await McpTestClient.ConnectAsync(server, home, ada);
        await using var labNotifications = McpNotifications.Listen(labClient);
        await using var homeNotifications = McpNotifications.Listen(homeClient);
        await labNotifications.WarmUpAsync(server, ada, lab, "counter", PanelsApiTests.Counter);
        await homeNotifications.WarmUpAsync(server, ada, home, "counter", PanelsApiTests.Counter);

        await server.PostAsync($"/api/workspaces/{home}/panels", ada, new { source = McpToolsTests.Notes });

        await homeNotifications.WaitForAsync(NotificationMethods.ToolListChangedNotification);
        Assert.False(await labNotifications.AnyWithinAsync(TimeSpan.FromSeconds(1)));
        Assert.DoesNotContain("notes.add", (await labClient.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name));
    }

    [Fact]
    public async Task A_closed_session_is_forgotten_and_stops_listening()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = PanelsApiTests.Counter });
        var sessions = server.Services.GetRequiredService<McpSessions>();

        var client = await McpTestClient.ConnectAsync(server, ws, ada);
        var sessionId = client.SessionId!;
        Assert.Equal(1, sessions.Count);
        Assert.NotNull(sessions.Find(sessionId));
        await client.DisposeAsync(); // the client ends its session (DELETE)

        var deadline = DateTime.UtcNow + McpNotifications.Timeout;
        while (sessions.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, sessions.Count);
        var stale = await McpTestClient.PostRawAsync(server, McpTestClient.Path(ws), ada, sessionId, "2025-11-25");
        Assert.Equal(HttpStatusCode.NotFound, stale.Status);
        // Changing panels after the session ended must not fail because of a leftover listener.
        Assert.Equal(HttpStatusCode.Created, (await server.PostAsync($"/api/workspaces/{ws}/panels", ada, new { source = McpToolsTests.Notes })).Status);
    }
}
