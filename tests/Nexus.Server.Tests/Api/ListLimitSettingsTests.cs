using System.Net;
using Nexus.Server.Tests.Api.Realtime;

namespace Nexus.Server.Tests.Api;

/// <summary>The <c>?limit=</c> bounds of the list endpoints are settings, validated when the routes are mapped.</summary>
public sealed class ListLimitSettingsTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Configured_bounds_apply_to_log_history_and_commits()
    {
        await using var server = new SocketTestServer(_data.Path, settings: new Dictionary<string, string?>
        {
            ["Nexus:Api:Panels:MaxLogLines"] = "5",
            ["Nexus:Api:Panels:DefaultLogLines"] = "5",
            ["Nexus:Api:Panels:DefaultHistory"] = "1",
            ["Nexus:Api:Workspaces:MaxCommitLimit"] = "2",
            ["Nexus:Api:Workspaces:DefaultCommitLimit"] = "2",
        });
        var ada = await server.SignUpAsync("ada@example.org");
        var ws = await server.CreateWorkspaceWithCounterAsync(ada);
        var panel = $"/api/workspaces/{ws}/panels/counter";
        await Call(server, HttpMethod.Put, panel + "/source", ada, new { source = SocketTests.Counter.Replace("Counter\"", "Tally\"", StringComparison.Ordinal) });

        var tooMany = await Call(server, HttpMethod.Get, panel + "/log?limit=6", ada);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Contains("between 1 and 5", tooMany.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Call(server, HttpMethod.Get, panel + "/log?limit=5", ada)).Status);

        var history = await Call(server, HttpMethod.Get, panel + "/history", ada);
        Assert.Single(history.Json.GetProperty("commits").EnumerateArray());

        var commits = await Call(server, HttpMethod.Get, $"/api/workspaces/{ws}/commits", ada);
        Assert.Equal(2, commits.Json.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await Call(server, HttpMethod.Get, $"/api/workspaces/{ws}/commits?limit=3", ada)).Status);
    }

    [Theory]
    [InlineData("Nexus:Api:Panels:DefaultHistory", "2000", "Nexus:Api:Panels:DefaultHistory")]
    [InlineData("Nexus:Api:Panels:MaxLogLines", "0", "Nexus:Api:Panels:MaxLogLines")]
    [InlineData("Nexus:Api:Workspaces:MaxCommitLimit", "20000", "Nexus:Api:Workspaces:MaxCommitLimit")]
    public async Task A_bound_out_of_range_stops_the_start_naming_the_setting(string setting, string value, string named)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var server = new SocketTestServer(_data.Path, settings: new Dictionary<string, string?> { [setting] = value });
        });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static Task<ApiResponse> Call(SocketTestServer server, HttpMethod method, string path, Panels.TestUser user, object? body = null) =>
        ApiCall.SendAsync(server.Client, method, path, body, user.Token);
}
