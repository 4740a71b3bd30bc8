using Bunit;
using Nexus.Studio.Rendering.Components;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

public sealed class ContainerIfIterateTests
{
    [Fact]
    public async Task A_container_shows_its_title_and_children_in_its_variant()
    {
        await using var live = await LivePanel.StartAsync(Panels.View("""
            <Container title="Stats"><Text>inside</Text></Container>
            <Container variant="section" title="{'Sec' + 'tion'}"><Text>two</Text></Container>
            <Container variant="transparent"><Text>three</Text></Container>
            <Container variant="panel" className="extra"><Text>four</Text></Container>
            """));
        var cut = live.Render();

        cut.Until(() =>
        {
            var containers = cut.FindAll(".nx-container");
            Assert.Equal(4, containers.Count);
            Assert.Contains("nx-container-card", containers[0].ClassList);
            Assert.Equal("Stats", containers[0].QuerySelector(".nx-container-title")!.TextContent.Trim());
            Assert.Equal("inside", containers[0].QuerySelector(".nx-text")!.TextContent.Trim());
            Assert.Equal("SECTION", containers[1].TagName);
            Assert.Equal("Section", containers[1].QuerySelector(".nx-container-title")!.TextContent.Trim());
            Assert.Contains("nx-container-transparent", containers[2].ClassList);
            Assert.Null(containers[2].QuerySelector(".nx-container-title"));
            Assert.Contains("extra", containers[3].ClassList);
        });
    }

    [Fact]
    public async Task If_shows_its_children_only_while_its_condition_holds()
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """<State name="n" type="number" default="0" />""",
            """<Tool name="inc"><Handler>$state.n = $state.n + 1;</Handler></Tool>""",
            """<If condition="$state.n > 0"><Text className="shown">n is {$state.n}</Text></If><Text>always</Text>"""));
        var cut = live.Render();
        cut.Until(() => Assert.Contains("always", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".shown"));

        await live.Panel.CallAsync("inc");

        cut.Until(() => Assert.Equal("n is 1", cut.Find(".shown").TextContent.Trim()));
    }

    [Fact]
    public async Task Iterate_renders_each_item_in_its_scope_and_keeps_an_items_elements_when_others_go()
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """<State name="rows" type="list" default='[{"id":1,"text":"a"},{"id":2,"text":"b"},{"id":3,"text":"c"}]' />""",
            """<Tool name="dropFirst"><Handler>$state.rows = $state.rows.slice(1);</Handler></Tool>""",
            """<Iterate items="{$state.rows}" as="row" key="id"><Text className="row">{$scope.row.id}:{$scope.row.text}</Text></Iterate>"""));
        var cut = live.Render();
        cut.Until(() => Assert.Equal(["1:a", "2:b", "3:c"], cut.FindAll(".row").Select(r => r.TextContent.Trim())));
        var before = cut.FindComponents<NxmlText>().Single(t => t.Markup.Contains("2:b", StringComparison.Ordinal)).Instance;

        await live.Panel.CallAsync("dropFirst");

        cut.Until(() => Assert.Equal(["2:b", "3:c"], cut.FindAll(".row").Select(r => r.TextContent.Trim())));
        // Keyed by id: item 2 keeps its component (positional rendering would have moved it to item 3).
        var after = cut.FindComponents<NxmlText>().Single(t => t.Markup.Contains("2:b", StringComparison.Ordinal)).Instance;
        Assert.Same(before, after);
        Assert.Equal(2, cut.FindAll(".nx-item").Count);
    }

    [Fact]
    public async Task Iterate_accepts_over_and_survives_repeated_or_missing_keys()
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """<State name="rows" type="list" default='[{"id":1,"t":"a"},{"id":1,"t":"b"},{"t":"c"},"plain"]' />""",
            string.Empty,
            """<Iterate over="{$state.rows}" as="row" key="id"><Text className="row">{$scope.row.t}</Text></Iterate>"""));
        var cut = live.Render();

        cut.Until(() => Assert.Equal(["a", "b", "c", ""], cut.FindAll(".row").Select(r => r.TextContent.Trim())));
        Assert.Empty(cut.FindAll(".nx-render-error"));
    }

    [Fact]
    public async Task An_action_inside_iterate_sends_the_values_of_its_own_item_evaluated_at_click_time()
    {
        await using var live = await LivePanel.StartAsync(Panels.Source(
            """
            <State name="rows" type="list" default='[{"id":10,"text":"a"},{"id":20,"text":"b"},{"id":30,"text":"c"}]' />
            <State name="picked" type="list" default="[]" />
            """,
            """
            <Tool name="remove"><Arg name="id" type="number" /><Handler>$state.rows = $state.rows.filter(r => r.id !== $args.id);</Handler></Tool>
            <Tool name="pick"><Arg name="id" type="number" /><Arg name="text" type="string" /><Handler>$state.picked = [...$state.picked, $args.text + $args.id];</Handler></Tool>
            """,
            """
            <Iterate items="{$state.rows}" as="row" key="id">
              <Text className="row">{$scope.row.text}</Text>
              <Action label="Pick" trigger="pick" args="{ id: $scope.row.id, text: $scope.row.text }" className="pick" />
              <Action label="Remove" trigger="remove" args="[$scope.row.id]" variant="danger" className="remove" />
            </Iterate>
            """));
        var cut = live.Render();
        cut.Until(() => Assert.Equal(3, cut.FindAll(".remove button").Count));

        cut.FindAll(".pick button")[2].Click();
        cut.Until(() => Assert.Equal("[\"c30\"]", live.StateJsonAsync("picked").GetAwaiter().GetResult()));
        cut.FindAll(".remove button")[1].Click();

        cut.Until(() => Assert.Equal(["a", "c"], cut.FindAll(".row").Select(r => r.TextContent.Trim())));
        var rows = (await live.Panel.GetStateAsync())["rows"]!.AsArray();
        Assert.Equal([10.0, 30.0], rows.Select(r => r!["id"]!.GetValue<double>()));
    }
}
