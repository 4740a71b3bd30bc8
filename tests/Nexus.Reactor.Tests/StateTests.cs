using System.Text.Json.Nodes;

namespace Nexus.Reactor.Tests;

public sealed class StateTests
{
    private static readonly string Source = Panels.Panel(
        """
        <State name="count" type="number" default="3" />
        <State name="tags" type="list" default='["a"]' />
        <State name="title" type="string" default="untitled" />
        <Computed name="label" value="$state.title + ' (' + $state.count + ')'" />
        """,
        "<Tool name=\"inc\"><Handler>$state.count++; return $state.count;</Handler></Tool>",
        "<Text content=\"{$state.label} {$state.tags}\" /><Button label=\"+\" trigger=\"inc\" />");

    [Fact]
    public async Task Defaults_fill_the_state_and_get_state_includes_computeds()
    {
        await using var panel = await Panels.Start(Source);
        var state = await panel.GetStateAsync();
        Assert.Equal("""{"count":3,"tags":["a"],"title":"untitled","label":"untitled (3)"}""", state.ToJsonString());
    }

    [Fact]
    public async Task A_saved_state_is_merged_unknown_keys_dropped_and_wrong_types_replaced_and_logged()
    {
        var saved = new JsonObject { ["count"] = 41, ["tags"] = "not a list", ["gone"] = true };
        await using var panel = await Panels.Start(Source, saved);
        var state = await panel.GetStateAsync();
        Assert.Equal(41, state["count"]!.GetValue<double>());
        Assert.Equal("[\"a\"]", state["tags"]!.ToJsonString());
        Assert.Equal("untitled", state["title"]!.GetValue<string>());
        Assert.False(state.ContainsKey("gone"));
        Assert.Contains(panel.Log.Recent(), l => l.Level == LogLevel.Warning && l.Message.Contains("'tags'", StringComparison.Ordinal));
        Assert.Equal(42, (await panel.CallAsync("inc")).ReturnValue!.GetValue<double>());
    }

    [Fact]
    public async Task Returned_state_snapshots_are_copies()
    {
        await using var panel = await Panels.Start(Source);
        var state = await panel.GetStateAsync();
        state["tags"]!.AsArray().Add("mutated");
        Assert.Equal("[\"a\"]", (await panel.GetStateAsync())["tags"]!.ToJsonString());
    }

    [Theory]
    [InlineData("$state.tags = ['a', { n: [1, NaN] }];", "state 'tags' would not be JSON: value[1].n[1] is NaN, which is not JSON")]
    [InlineData("$state.tags = [{ f() {} }];", "state 'tags' would not be JSON: value[0].f is a function; only plain objects")]
    [InlineData("return { deep: { when: new Date(0) } };", "the return value is not JSON: value.deep.when is a Date; only plain objects")]
    [InlineData("return [Infinity];", "the return value is not JSON: value[0] is an infinite number, which is not JSON")]
    public async Task A_value_that_is_not_json_is_refused_with_where_it_fails(string code, string message)
    {
        var source = Panels.Panel(
            "<State name=\"tags\" type=\"list\" default=\"[]\" />",
            $"<Tool name=\"t\"><Handler><![CDATA[{code}]]></Handler></Tool>",
            "<Button label=\"t\" trigger=\"t\" /><Text content=\"{$state.tags}\" />");
        await using var panel = await Panels.Start(source);

        var result = await panel.CallAsync("t");

        Assert.Equal("TYPE_MISMATCH", result.Error?.Code);
        Assert.StartsWith(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("[]", (await panel.GetStateAsync())["tags"]!.ToJsonString());
    }

    [Fact]
    public async Task The_log_is_a_bounded_ring_buffer()
    {
        var source = Panels.Panel("<State name=\"n\" type=\"number\" />", "<Tool name=\"spam\"><Handler>for (let i = 0; i < 20; i++) $log('line', i); $state.n = 1;</Handler></Tool>", "<Button label=\"s\" trigger=\"spam\" /><Text content=\"{$state.n}\" />");
        await using var panel = await Panels.Start(source, limits: new ReactorOptions { LogCapacity = 5 });
        await panel.CallAsync("spam");
        Assert.Equal(["line 15", "line 16", "line 17", "line 18", "line 19"], panel.Log.Recent().Select(l => l.Message));
        Assert.Equal(["line 18", "line 19"], panel.Log.Recent(2).Select(l => l.Message));
    }

    [Fact]
    public void Limits_are_validated_when_set()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReactorOptions { Timeout = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReactorOptions { MemoryBytes = 10 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReactorOptions { RecursionLimit = 1_000_000 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReactorOptions { MaxEvents = 0 });
    }
}
