using Bunit;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

/// <summary>A whole panel working through the renderer: input, button, list, binding, and changes from outside.</summary>
public sealed class TasksPanelTests
{
    private const string Tasks = """
        <NexusPanel id="tasks" title="Tasks">
          <Data>
            <State name="draft" type="string" default="" />
            <State name="tasks" type="list" default="[]" />
            <Computed name="open" value="$state.tasks.filter(t => !t.done).length" />
          </Data>
          <Logic>
            <Tool name="add" description="Add the draft as a task">
              <Handler>
                $state.tasks = [...$state.tasks, { id: $state.tasks.length + 1, text: $state.draft, done: false }];
                $state.draft = '';
              </Handler>
            </Tool>
            <Tool name="addText" description="Add a task">
              <Arg name="text" type="string" />
              <Handler>$state.tasks = [...$state.tasks, { id: $state.tasks.length + 1, text: $args.text, done: false }];</Handler>
            </Tool>
          </Logic>
          <View>
            <Input bind="$state.draft" placeholder="What next?" />
            <Button label="Add" trigger="add" />
            <Metric label="Open" value="{$state.open}" />
            <Iterate items="{$state.tasks}" as="task" key="id">
              <Text content="{$scope.task.text}" className="task" />
            </Iterate>
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task Typing_a_task_and_pressing_add_adds_it_to_the_list_and_clears_the_input()
    {
        await using var live = await LivePanel.StartAsync(Tasks);
        var cut = live.Render();

        cut.Find("input").Change("write the docs");
        cut.Until(() => Assert.Equal("\"write the docs\"", live.StateJsonAsync("draft").GetAwaiter().GetResult()));
        cut.Find("button").Click();

        cut.Until(() =>
        {
            Assert.Equal(["write the docs"], cut.FindAll(".task").Select(t => t.TextContent.Trim()));
            Assert.Equal("1", cut.Find(".nx-metric-value").TextContent.Trim());
            Assert.Equal(string.Empty, cut.Find("input").GetAttribute("value") ?? string.Empty);
        });
    }

    [Fact]
    public async Task A_tool_called_directly_on_the_runtime_shows_in_the_view_without_reloading()
    {
        await using var live = await LivePanel.StartAsync(Tasks);
        var cut = live.Render();
        Assert.Empty(cut.FindAll(".task"));

        var result = await live.Panel.CallAsync("addText", new System.Text.Json.Nodes.JsonObject { ["text"] = "from the API" });

        Assert.True(result.Succeeded);
        cut.Until(() =>
        {
            Assert.Equal(["from the API"], cut.FindAll(".task").Select(t => t.TextContent.Trim()));
            Assert.Equal("1", cut.Find(".nx-metric-value").TextContent.Trim());
        });
    }
}
