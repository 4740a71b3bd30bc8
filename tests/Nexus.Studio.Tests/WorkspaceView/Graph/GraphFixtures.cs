using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Nexus.Graph;
using Nexus.Graph.Patches;
using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.WorkspaceView.Graph;

/// <summary>Panels whose NOG entities the graph tests look at, and a patch set adding authored ones.</summary>
internal static class GraphFixtures
{
    /// <summary>
    /// Derives: <c>panel:tasks</c> (component), <c>state:tasks/items</c>, <c>state:tasks/draft</c>,
    /// <c>computed:tasks/open</c> (data), <c>tool:tasks/add</c>, <c>tool:tasks/clear</c> (action).
    /// </summary>
    public const string Tasks = """
        <NexusPanel id="tasks" title="Tasks" description="A task list">
          <Data>
            <State name="items" type="list" default="[]" />
            <State name="draft" type="string" default="" />
            <Computed name="open" value="$state.items.length" />
          </Data>
          <Logic>
            <Tool name="add" description="Add a task">
              <Handler>$state.items = [...$state.items, $state.draft]; $state.draft = '';</Handler>
            </Tool>
            <Tool name="clear" description="Clear all">
              <Handler>$state.items = []</Handler>
            </Tool>
          </Logic>
          <View><Text content="{$computed.open} open" /></View>
        </NexusPanel>
        """;

    /// <summary>A second panel: <c>panel:notes</c> and <c>state:notes/text</c>.</summary>
    public const string Notes = """
        <NexusPanel id="notes" title="Notes">
          <Data><State name="text" type="string" default="" /></Data>
          <View><Text content="{$state.text}" /></View>
        </NexusPanel>
        """;

    /// <summary>An authored concept (no panel) with properties, implemented by the tasks panel.</summary>
    public static PatchSet Planning(string concept = "concept:planning") => new()
    {
        Id = "planning-" + concept,
        Patches =
        [
            GraphPatch.CreateEntity("p1", new NogEntity
            {
                Id = concept,
                Name = "Planning",
                Category = EntityCategory.Concept,
                Description = "Knowing what to do next",
                Properties = NogProperties.Empty.With("owner", "ada").With("priority", System.Text.Json.JsonSerializer.SerializeToElement(2)),
            }),
            GraphPatch.CreateRelationship("p2", new NogRelationship { Id = "implements:" + concept, From = "panel:tasks", To = concept, Type = RelationshipType.Implements }),
        ],
    };

    /// <summary>The tasks panel's workspace behind a port for one signed-in member, ready to render pages in.</summary>
    public static async Task<(LivePanel Live, OneWorkspace Port)> StartAsync(StudioRole role = StudioRole.Viewer)
    {
        var port = new OneWorkspace(role);
        var live = await LivePanel.StartAsync(Tasks, prepare: (bunit, workspace) =>
        {
            port.SignIn(bunit, workspace);
            // The diagram asks the browser for its canvas's size; a test has no layout, so it answers with one.
            bunit.JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(new Point(0, 0), new Size(1000, 700)));
        });
        return (live, port);
    }
}
