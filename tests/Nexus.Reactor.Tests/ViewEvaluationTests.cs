using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;

namespace Nexus.Reactor.Tests;

public sealed class ViewEvaluationTests
{
    private const string Source = """
        <NexusPanel title="View">
          <Data>
            <State name="cpu" type="number" default="42.5" />
            <State name="user" type="object" default='{"name":"Ada","roles":["admin","dev"]}' />
            <State name="rows" type="list" default='[{"id":1,"text":"a","done":false},{"id":2,"text":"b","done":true}]' />
            <State name="variant" type="string" default="giant" />
            <Computed name="open" value="$state.rows.filter(r => !r.done).length" />
          </Data>
          <Logic>
            <Tool name="pick"><Arg name="id" type="number" /><Handler>return $args.id;</Handler></Tool>
          </Logic>
          <View>
            <Metric id="m" label="CPU" value="{$state.cpu}%" trend="{$state.cpu > 40 ? 'up' : 'down'}" />
            <Text id="t" content="{{literal}} {$state.user.name}: {$state.user.roles}" variant="{$state.variant}" />
            <If condition="$state.open > 0"><Text content="open: {$state.open}" /></If>
            <Iterate items="{$state.rows}" as="row" key="id">
              <Switch bind="$scope.row.done" />
              <Action label="Pick" trigger="pick" args="{ id: $scope.row.id }" />
              <Text>#{$scope.row.id} {$scope.row.text}</Text>
            </Iterate>
            <Input bind="$state.user.name" />
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task Bindings_interpolations_and_expression_props_evaluate_with_their_types()
    {
        await using var panel = await Panels.Start(Source);
        var root = panel.Document.Panel!.View!.Root!;
        var metric = root.Children[0];
        Assert.Equal("42.5%", (await panel.EvaluateAsync(metric, "value"))!.GetValue<string>());
        Assert.Equal("up", (await panel.EvaluateAsync(metric, "trend"))!.GetValue<string>());
        Assert.Equal("CPU", (await panel.EvaluateAsync(metric, "label"))!.GetValue<string>());

        var text = root.Children[1];
        Assert.Equal("{literal} Ada: [\"admin\",\"dev\"]", (await panel.EvaluateAsync(text, "content"))!.GetValue<string>());

        var condition = await panel.EvaluateAsync(root.Children[2], "condition");
        Assert.True(condition!.GetValue<bool>());

        var items = await panel.EvaluateAsync(root.Children[3], "items");
        Assert.Equal(2, items!.AsArray().Count);
    }

    [Fact]
    public async Task A_bind_path_reads_its_value_before_any_code_of_the_panel_has_run()
    {
        // No computed, no mount handler: nothing has made the panel's sandbox yet.
        await using var panel = await Panels.Start("""
            <NexusPanel title="Plain">
              <Data><State name="draft" type="string" default="hello" /></Data>
              <View><Input bind="$state.draft" /></View>
            </NexusPanel>
            """);
        var input = panel.Document.Panel!.View!.Root!;
        Assert.Equal("hello", (await panel.EvaluateAsync(input, "bind"))!.GetValue<string>());
    }

    [Fact]
    public async Task An_enum_prop_bound_to_a_value_outside_its_enum_falls_back_to_null_and_is_logged()
    {
        await using var panel = await Panels.Start(Source);
        var text = panel.Document.Panel!.View!.Root!.Children[1];
        Assert.Null(await panel.EvaluateAsync(text, "variant"));
        Assert.Contains(panel.Log.Recent(), l => l.Message.Contains("giant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scope_values_reach_expressions_inside_an_iterate()
    {
        await using var panel = await Panels.Start(Source);
        var iterate = panel.Document.Panel!.View!.Root!.Children[3];
        var items = (await panel.EvaluateAsync(iterate, "items"))!.AsArray();
        var scope = ViewScope.Empty.Enter(iterate, 1, items[1]);
        Assert.Equal("#2 b", await panel.EvaluateTextAsync(iterate.Children[2], scope));
        Assert.True((await panel.EvaluateAsync(iterate.Children[0], "bind", scope))!.GetValue<bool>());
    }

    [Fact]
    public async Task Args_thunks_are_evaluated_when_the_user_acts_in_the_elements_scope()
    {
        await using var panel = await Panels.Start(Source);
        var iterate = panel.Document.Panel!.View!.Root!.Children[3];
        var items = (await panel.EvaluateAsync(iterate, "items"))!.AsArray();
        var result = await panel.TriggerAsync(iterate.Children[1], ViewScope.Empty.Enter(iterate, 1, items[1]));
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(2, result.ReturnValue!.GetValue<double>());
    }

    [Fact]
    public async Task A_failing_expression_reads_as_null_and_the_panel_keeps_working()
    {
        await using var panel = await Panels.Start(Source);
        Assert.Null(await panel.EvaluateAsync("{$state.user.missing.deeper}"));
        Assert.Contains(panel.Log.Recent(), l => l.Level == LogLevel.Warning);
        Assert.Equal("Ada", (await panel.EvaluateAsync("{$state.user.name}"))!.GetValue<string>());
    }

    [Fact]
    public async Task Expressions_cannot_change_state_even_through_aliases()
    {
        await using var panel = await Panels.Start(Source);
        Assert.Null(await panel.EvaluateAsync("{(l => l.push(9))($state.rows)}"));
        var state = await panel.GetStateAsync();
        Assert.Equal(2, state["rows"]!.AsArray().Count);
    }

    [Fact]
    public async Task Transient_view_props_are_kept_in_the_registry_and_notified()
    {
        var source = Panels.Panel(string.Empty, """
            <Tool name="focus"><Handler>$view.getElementById('name').setProp('focused', true); $view.getElementById('name').call('scrollIntoView', { smooth: true });</Handler></Tool>
            """, "<Input id=\"name\" bind=\"$state.x\" /><Button label=\"f\" trigger=\"focus\" />").Replace("<Data></Data>", "<Data><State name=\"x\" type=\"string\" /></Data>", StringComparison.Ordinal);
        await using var panel = await Panels.Start(source);
        var seen = new List<ViewChanged>();
        using var subscription = panel.Subscribe(n => { if (n is ViewChanged v) { seen.Add(v); } });
        var result = await panel.CallAsync("focus");
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(2, result.ViewUpdates.Count);
        Assert.True(panel.View.TryGet("name", "focused", out var focused));
        Assert.True(focused!.GetValue<bool>());
        Assert.Equal(["prop", "call"], seen.Select(v => v.Update.Kind));
    }

    [Fact]
    public async Task Detached_evaluations_on_panels_of_one_source_stay_apart_and_do_not_grow_the_shared_program()
    {
        await using var first = await Panels.Start(Source);
        await using var second = await Panels.Start(Source);
        var scripts = first.Runtime.Program.Expressions.Scripts.Count;
        var wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            var panel = worker == 0 ? first : second;
            for (var i = 0; i < 500; i++)
            {
                var value = await panel.EvaluateAsync($"{{{worker * 1000 + i} + 0}}");
                if (value?.GetValue<double>() != worker * 1000 + i)
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })));
        Assert.Equal(0, wrong);
        Assert.Equal(scripts, first.Runtime.Program.Expressions.Scripts.Count);
    }

    [Fact]
    public void Display_formats_values_as_text_shows_them()
    {
        Assert.Equal("3", Expressions.ViewEvaluator.Display(JsonValue.Create(3.0)));
        Assert.Equal("1.5", Expressions.ViewEvaluator.Display(JsonValue.Create(1.5)));
        Assert.Equal(string.Empty, Expressions.ViewEvaluator.Display(null));
        Assert.Equal("true", Expressions.ViewEvaluator.Display(JsonValue.Create(true)));
        Assert.Equal("[1,2]", Expressions.ViewEvaluator.Display(new JsonArray(1, 2)));
    }

    internal static ComponentNode Find(ComponentNode root, string id) =>
        root.Prop("id") == id ? root : root.Children.Select(c => Find(c, id)).FirstOrDefault(c => c is not null)!;
}
