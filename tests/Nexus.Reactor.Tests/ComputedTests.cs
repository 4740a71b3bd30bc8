namespace Nexus.Reactor.Tests;

public sealed class ComputedTests
{
    private const string Source = """
        <NexusPanel title="Computeds">
          <Data>
            <State name="price" type="number" default="10" />
            <State name="qty" type="number" default="2" />
            <State name="note" type="string" />
            <Computed name="subtotal" value="$state.price * $state.qty" />
            <Computed name="total" value="$state.subtotal * 1.5" />
            <Computed name="broken" value="$state.note.length > 0 ? null.x : 1" />
          </Data>
          <Logic>
            <Tool name="setNote"><Arg name="v" type="string" /><Handler>$state.note = $args.v;</Handler></Tool>
            <Tool name="setQty"><Arg name="v" type="number" /><Handler>$state.qty = $args.v; return $state.total;</Handler></Tool>
          </Logic>
          <View>
            <Text content="{$state.total} {$state.broken}" />
            <Button label="n" trigger="setNote" args="['x']" /><Button label="q" trigger="setQty" args="[3]" />
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task A_computed_is_not_re_evaluated_when_an_unrelated_state_changes()
    {
        await using var panel = await Panels.Start(Source);
        await panel.GetStateAsync();
        var computeds = panel.Runtime.Computeds;
        var before = computeds.Evaluations;
        await panel.CallAsync("setNote", new System.Text.Json.Nodes.JsonArray(string.Empty));
        await panel.EvaluateAsync("{$state.total}");
        Assert.Equal(before, computeds.Evaluations);
    }

    [Fact]
    public async Task A_chain_of_computeds_recomputes_when_a_state_it_reads_changes_and_reports_the_changes()
    {
        await using var panel = await Panels.Start(Source);
        Assert.Equal(30, (await panel.GetStateAsync())["total"]!.GetValue<double>());
        var result = await panel.CallAsync("setQty", new System.Text.Json.Nodes.JsonArray(4));
        Assert.Equal(60, result.ReturnValue!.GetValue<double>());
        Assert.Equal(["subtotal", "total"], result.Computed.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(60, result.Computed.Single(c => c.Key == "total").Value!.GetValue<double>());
    }

    [Fact]
    public async Task Inside_a_handler_a_computed_sees_the_handlers_own_writes()
    {
        await using var panel = await Panels.Start(Source);
        var result = await panel.CallAsync("setQty", new System.Text.Json.Nodes.JsonArray(10));
        Assert.Equal(150, result.ReturnValue!.GetValue<double>());
    }

    [Fact]
    public async Task A_computed_that_throws_is_null_and_logged_and_nothing_else_breaks()
    {
        await using var panel = await Panels.Start(Source);
        Assert.Equal(1, (await panel.GetStateAsync())["broken"]!.GetValue<double>());
        Assert.True((await panel.CallAsync("setNote", new System.Text.Json.Nodes.JsonArray("x"))).Succeeded);
        var state = await panel.GetStateAsync();
        Assert.Null(state["broken"]);
        Assert.Equal(30, state["total"]!.GetValue<double>());
        Assert.Contains(panel.Log.Recent(), l => l.Message.Contains("computed 'broken' failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chain_deeper_than_the_reactive_limit_is_cut()
    {
        // Declared deepest first, so the first evaluation (at mount) goes down the whole chain at once.
        var data = string.Join(string.Empty, Enumerable.Range(0, 8).Reverse().Select(i => $"<Computed name=\"c{i + 1}\" value=\"$state.c{i} + 1\" />"));
        var source = Panels.Panel("<State name=\"c0\" type=\"number\" />" + data, string.Empty, "<Text content=\"{$state.c8}\" />");
        await using var panel = await Panels.Start(source, limits: new ReactiveDepthLimitOptions().Limits);
        var state = await panel.GetStateAsync();
        Assert.Contains(panel.Log.Recent(), l => l.Message.Contains("computed 'c8' was cut", StringComparison.Ordinal));

        // A cut is not cached: read again once the shorter chains are known, the value is there.
        Assert.Equal(8, state["c8"]!.GetValue<double>());
    }

    private sealed record ReactiveDepthLimitOptions
    {
        public ReactorOptions Limits { get; } = new() { ReactiveDepthLimit = 5 };
    }
}
