using System.Text.Json.Nodes;

namespace Nexus.Reactor.Tests;

public sealed class BindingTests
{
    private const string Source = """
        <NexusPanel title="Bind">
          <Data>
            <State name="draft" type="string" />
            <State name="qty" type="number" default="1" />
            <State name="profile" type="object" default='{"name":"Ada","address":{"city":"London"}}' />
            <State name="rows" type="list" default='[{"id":1,"done":false,"tags":[]},{"id":2,"done":false,"tags":[]}]' />
            <Computed name="doubled" value="$state.qty * 2" />
          </Data>
          <View>
            <Input bind="$state.draft" />
            <Input bind="$state.qty" inputType="number" />
            <Input bind="$state.profile.address.city" />
            <Iterate items="{$state.rows.filter(r => r.id > 1)}" as="row"><Switch bind="$scope.row.done" /></Iterate>
            <Iterate items="{[{ n: 1 }]}" as="lit"><Input bind="$scope.lit.n" /></Iterate>
            <Text content="{$state.doubled}" />
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task A_state_binding_writes_commits_and_notifies()
    {
        await using var panel = await Panels.Start(Source);
        var committed = new List<StateCommitted>();
        using var _ = panel.Subscribe(n => { if (n is StateCommitted c) { committed.Add(c); } });
        var result = await panel.SetAsync("$state.draft", "hello");
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("draft", Assert.Single(result.Mutations).Key);
        Assert.Equal("hello", (await panel.GetStateAsync())["draft"]!.GetValue<string>());
        Assert.Equal(1, Assert.Single(committed).Version);
    }

    [Fact]
    public async Task Bindings_are_type_checked_like_handler_writes()
    {
        await using var panel = await Panels.Start(Source);
        var wrong = await panel.SetAsync("$state.qty", "three");
        Assert.Equal("TYPE_MISMATCH", wrong.Error?.Code);
        var computed = await panel.SetAsync("$state.doubled", 4);
        Assert.Equal("COMPUTED_NOT_WRITABLE", computed.Error?.Code);
        Assert.Equal(1, (await panel.GetStateAsync())["qty"]!.GetValue<double>());
        var right = await panel.SetAsync("$state.qty", 3);
        Assert.True(right.Succeeded);
        Assert.Equal(6, Assert.Single(right.Computed).Value!.GetValue<double>());
    }

    [Fact]
    public async Task A_nested_field_path_writes_inside_an_object_state()
    {
        await using var panel = await Panels.Start(Source);
        var result = await panel.SetAsync("$state.profile.address.city", "Paris");
        Assert.True(result.Succeeded, result.Error?.Message);
        var profile = (await panel.GetStateAsync())["profile"]!;
        Assert.Equal("Paris", profile["address"]!["city"]!.GetValue<string>());
        Assert.Equal("Ada", profile["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_scope_binding_writes_the_state_item_behind_a_filtered_iterate()
    {
        await using var panel = await Panels.Start(Source);
        var iterate = panel.Document.Panel!.View!.Root!.Children[3];
        var items = (await panel.EvaluateAsync(iterate, "items"))!.AsArray();
        var result = await panel.SetAsync("$scope.row.done", true, ViewScope.Empty.Enter(iterate, 0, items[0]));
        Assert.True(result.Succeeded, result.Error?.Message);
        var rows = (await panel.GetStateAsync())["rows"]!.AsArray();
        Assert.False(rows[0]!["done"]!.GetValue<bool>());
        Assert.True(rows[1]!["done"]!.GetValue<bool>());
        Assert.Equal("rows", Assert.Single(result.Mutations).Key);
    }

    [Fact]
    public async Task A_scope_binding_to_items_that_are_not_state_is_refused()
    {
        await using var panel = await Panels.Start(Source);
        var iterate = panel.Document.Panel!.View!.Root!.Children[4];
        var result = await panel.SetAsync("$scope.lit.n", 5, ViewScope.Empty.Enter(iterate, 0, new JsonObject { ["n"] = 1 }));
        Assert.False(result.Succeeded);
        Assert.Contains("not taken from a State", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_paths_are_refused_with_a_clear_error()
    {
        await using var panel = await Panels.Start(Source);
        Assert.Equal("INVALID_ARGS", (await panel.SetAsync("draft", "x")).Error?.Code);
        Assert.Equal("INVALID_ARGS", (await panel.SetAsync("$state.ghost", "x")).Error?.Code);
        Assert.Equal("INVALID_ARGS", (await panel.SetAsync("$scope.row.done", true)).Error?.Code);
        Assert.Equal("TYPE_MISMATCH", (await panel.SetAsync("$state.draft.length", 3)).Error?.Code);
    }
}
