using System.Text.Json.Nodes;
using Nexus.Reactor.Execution;

namespace Nexus.Reactor.Tests.Hostile;

/// <summary>Runs hostile calls with a watchdog and checks their outcome and the panel's health afterwards.</summary>
internal static class HostileRun
{
    /// <summary>No call may take longer: a hostile call that hangs fails the test instead of the run.</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static readonly Lazy<Task<JsonObject>> Pristine = new(async () =>
    {
        await using var panel = await Panels.Start(HostilePanel.Source("return 1;"));
        var result = await panel.CallAsync("canary");
        Assert.True(result.Succeeded, Show(result));
        return result.ReturnValue!.AsObject();
    });

    /// <summary>
    /// Calls a tool on a pool thread (an idle panel runs the call on its caller's thread) and waits at most
    /// <see cref="Watchdog"/> for it.
    /// </summary>
    public static async Task<ToolResult> Call(PanelInstance panel, string tool, JsonNode? args = null)
    {
        var call = Task.Run(() => panel.CallAsync(tool, args?.DeepClone()), TestContext.Current.CancellationToken);
        try
        {
            return await call.WaitAsync(Watchdog, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{tool} did not return within {Watchdog.TotalSeconds} s: the host hangs");
            throw;
        }
    }

    public static void AssertOutcome(HostileCase hostile, ToolResult result)
    {
        Assert.True(hostile.Code == result.Error?.Code, $"{hostile.Name}: expected {hostile.Code ?? "success"}, got {Show(result)}");
        Assert.Equal(hostile.Code is null, result.Succeeded);
        if (hostile.ChecksReturn)
        {
            Assert.True(JsonNode.DeepEquals(hostile.Returns, result.ReturnValue), $"{hostile.Name}: expected return {hostile.Returns?.ToJsonString() ?? "null"}, got {Show(result)}");
        }

        if (!result.Succeeded)
        {
            Assert.Empty(result.Events);
            Assert.Empty(result.ViewUpdates);
        }
    }

    /// <summary>What the call committed is exactly <see cref="HostileCase.Commits"/>, and the state shows it and nothing else.</summary>
    public static void AssertCommitted(HostileCase hostile, ToolResult result, JsonObject before, JsonObject after)
    {
        var commits = hostile.Commits ?? [];
        var mutations = new JsonObject([.. result.Mutations.Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone()))]);
        Assert.True(JsonNode.DeepEquals(commits, mutations), $"{hostile.Name}: expected mutations {commits.ToJsonString()}, got {mutations.ToJsonString()}");
        foreach (var key in HostilePanel.StateKeys)
        {
            var expected = hostile.Commits?.ContainsKey(key) == true ? hostile.Commits[key] : before[key];
            Assert.True(JsonNode.DeepEquals(expected, after[key]), $"{hostile.Name}: state.{key} is {after[key]?.ToJsonString()}, expected {expected?.ToJsonString()}");
        }
    }

    /// <summary>The canary runs as on a fresh panel: same fingerprint, no marks, exactly its own write and event.</summary>
    public static async Task AssertCanary(PanelInstance panel)
    {
        var pristine = await Pristine.Value;
        var before = await panel.GetStateAsync();
        var result = await Call(panel, "canary");
        Assert.True(result.Succeeded, "canary: " + Show(result));
        var value = result.ReturnValue!.AsObject();
        Assert.Equal(pristine["fp"]!.GetValue<string>(), value["fp"]!.GetValue<string>());
        Assert.True(value["marks"]!.AsArray().Count == 0, "canary found marks: " + value["marks"]!.ToJsonString());
        var mutation = Assert.Single(result.Mutations);
        Assert.Equal("count", mutation.Key);
        Assert.Equal(before["count"]!.GetValue<double>() + 1, mutation.Value!.GetValue<double>());
        var panelEvent = Assert.Single(result.Events);
        Assert.Equal("canary", panelEvent.Name);
        var after = await panel.GetStateAsync();
        foreach (var key in HostilePanel.StateKeys.Where(k => k != "count"))
        {
            Assert.True(JsonNode.DeepEquals(before[key], after[key]), $"canary: state.{key} changed");
        }
    }

    public static string Show(ToolResult result) =>
        $"{result.Status} {result.Error?.Code} {result.Error?.Message} return={result.ReturnValue?.ToJsonString()} mutations={string.Join(",", result.Mutations.Select(m => m.Key))} events={string.Join(",", result.Events.Select(e => e.Name))}";
}
