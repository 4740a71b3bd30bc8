using Nexus.Graph;
using Nexus.Nxml;
using Nexus.Workspace.Nog;

namespace Nexus.Workspace.Tests.Nog;

public sealed class NogDerivationTests
{
    internal const string Tasks = """
        <NexusPanel id="tasks" title="Tasks" description="A task list" tags="sample, work">
          <Data>
            <State name="tasks" type="list" default="[]" />
            <State name="draft" type="string" default="" />
            <Computed name="open" value="$state.tasks.filter(t => !t.done).length" />
            <Computed name="summary" value="$state.open + ' open'" />
          </Data>
          <Logic>
            <Extension name="nexus.http" alias="http" />
            <Tool name="add" description="Add a task">
              <Arg name="text" type="string" required="false" />
              <Handler>
                $state.tasks = [...$state.tasks, { text: $args.text ?? $state.draft, done: false }];
                $state.draft = '';
              </Handler>
            </Tool>
            <Tool name="sync" description="Send the tasks away">
              <Handler>
                await $ext.http.post('https://example.com/tasks', $state.tasks);
                await $tools.add({ text: 'synced' });
              </Handler>
            </Tool>
            <Lifecycle on="mount"><Handler>$log('ready')</Handler></Lifecycle>
          </Logic>
          <View>
            <Layout strategy="stack">
              <Text content="{$state.summary}" />
              <Input bind="$state.draft" />
              <Button label="Add" trigger="add" />
              <Button label="Sync" trigger="sync" />
            </Layout>
          </View>
        </NexusPanel>
        """;

    internal static NxmlDocument Checked(string source)
    {
        var document = NxmlDocument.Check(source);
        Assert.True(document.IsValid, string.Join("\n", document.Diagnostics.Select(d => d.Format("panel"))));
        return document;
    }

    [Fact]
    public void Every_part_of_a_panel_becomes_an_entity_with_a_stable_id()
    {
        var derived = NogDerivation.Derive("tasks", Checked(Tasks));

        Assert.Equal(
            ["computed:tasks/open", "computed:tasks/summary", "extension:tasks/nexus.http", "panel:tasks", "state:tasks/draft", "state:tasks/tasks", "tool:tasks/add", "tool:tasks/sync"],
            derived.Entities.Select(e => e.Id));
        var panel = derived.Entities.Single(e => e.Id == "panel:tasks");
        Assert.Equal(("Tasks", EntityCategory.Component, "A task list"), (panel.Name, panel.Category, panel.Description));
        Assert.Equal(["sample", "work"], panel.Tags);
        Assert.All(derived.Entities, e => Assert.Equal(("tasks", EntityStatus.Active), (e.SourcePanel!, e.Status)));
        Assert.Equal(EntityCategory.Data, derived.Entities.Single(e => e.Id == "state:tasks/tasks").Category);
        Assert.Equal(EntityCategory.Data, derived.Entities.Single(e => e.Id == "computed:tasks/open").Category);
        Assert.Equal(EntityCategory.Resource, derived.Entities.Single(e => e.Id == "extension:tasks/nexus.http").Category);
        var add = derived.Entities.Single(e => e.Id == "tool:tasks/add");
        Assert.Equal((EntityCategory.Action, "Add a task"), (add.Category, add.Description));
        Assert.Equal("tool", add.Properties["kind"].GetString());
        Assert.Equal("list", derived.Entities.Single(e => e.Id == "state:tasks/tasks").Properties["type"].GetString());
    }

    [Fact]
    public void Relationships_follow_what_handlers_and_computeds_read_write_and_use()
    {
        var derived = NogDerivation.Derive("tasks", Checked(Tasks));
        var ids = derived.Relationships.Select(r => r.Id).ToHashSet();

        string[] expected =
        [
            "contains:panel:tasks->state:tasks/tasks",
            "contains:panel:tasks->state:tasks/draft",
            "contains:panel:tasks->computed:tasks/open",
            "contains:panel:tasks->computed:tasks/summary",
            "contains:panel:tasks->tool:tasks/add",
            "contains:panel:tasks->tool:tasks/sync",
            "contains:panel:tasks->extension:tasks/nexus.http",
            "consumes:tool:tasks/add->state:tasks/tasks",
            "consumes:tool:tasks/add->state:tasks/draft",
            "transforms:tool:tasks/add->state:tasks/tasks",
            "transforms:tool:tasks/add->state:tasks/draft",
            "consumes:tool:tasks/sync->state:tasks/tasks",
            "uses:tool:tasks/sync->tool:tasks/add",
            "used_by:extension:tasks/nexus.http->tool:tasks/sync",
            "depends_on:computed:tasks/open->state:tasks/tasks",
            "depends_on:computed:tasks/summary->computed:tasks/open",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.All(derived.Relationships, r => Assert.Equal(RelationshipSource.System, r.Meta.Source));
        Assert.DoesNotContain("transforms:tool:tasks/sync->state:tasks/tasks", ids);
    }

    [Fact]
    public void The_same_source_derives_the_same_part_and_an_empty_diff()
    {
        var first = new WorkspaceGraphBuilder();
        var second = new WorkspaceGraphBuilder();
        first.SetPanel("tasks", Checked(Tasks));
        second.SetPanel("tasks", Checked(Tasks));

        var diff = Nexus.Graph.Diff.GraphDiff.Compare(first.Build().Graph, second.Build().Graph, includeBookkeeping: true);

        Assert.True(diff.IsEmpty);
        Assert.Equal(
            Nexus.Graph.Json.NogJson.Serialize(first.Build().Graph),
            Nexus.Graph.Json.NogJson.Serialize(second.Build().Graph));
    }

    [Fact]
    public void Adding_a_tool_to_the_source_shows_in_the_diff()
    {
        var builder = new WorkspaceGraphBuilder();
        builder.SetPanel("tasks", Checked(Tasks));
        var before = builder.Build().Graph;
        var changed = Tasks.Replace(
            "<Lifecycle on=\"mount\">",
            "<Tool name=\"clear\" description=\"Clear all\"><Handler>$state.tasks = []</Handler></Tool>\n<Lifecycle on=\"mount\">",
            StringComparison.Ordinal);

        builder.SetPanel("tasks", NxmlDocument.Check(changed));
        var diff = Nexus.Graph.Diff.GraphDiff.Compare(before, builder.Build().Graph);

        Assert.Equal(["tool:tasks/clear"], diff.AddedEntities.Select(e => e.Id));
        Assert.Equal(
            ["contains:panel:tasks->tool:tasks/clear", "transforms:tool:tasks/clear->state:tasks/tasks"],
            diff.AddedRelationships.Select(r => r.Id));
        Assert.Empty(diff.RemovedEntities);
        Assert.Empty(diff.ChangedEntities);
    }

    [Fact]
    public void A_panel_that_did_not_parse_or_a_bad_panel_id_is_a_clear_error()
    {
        var unparsed = Assert.Throws<GraphException>(() => NogDerivation.Derive("tasks", NxmlDocument.Check("<NexusPanel")));
        var notChecked = Assert.Throws<GraphException>(() => NogDerivation.Derive("tasks", NxmlDocument.Parse(Tasks)));
        var badId = Assert.Throws<GraphException>(() => NogDerivation.Derive("Tasks/../x", Checked(Tasks)));

        Assert.Equal(NogDerivation.PanelNotChecked, unparsed.Code);
        Assert.Equal(NogDerivation.PanelNotChecked, notChecked.Code);
        Assert.Equal(NogDerivation.InvalidPanelId, badId.Code);
    }

    [Fact]
    public void A_document_with_errors_still_derives_what_it_names()
    {
        const string broken = """
            <NexusPanel title="Broken">
              <Data><State name="a" type="number" /><State name="a" type="string" /></Data>
              <Logic><Tool name="t"><Handler>$state.a = $state.missing + 1;</Handler></Tool></Logic>
            </NexusPanel>
            """;
        var document = NxmlDocument.Check(broken);
        Assert.False(document.IsValid);

        var derived = NogDerivation.Derive("broken", document);

        Assert.Equal(["panel:broken", "state:broken/a", "tool:broken/t"], derived.Entities.Select(e => e.Id));
        Assert.Contains(derived.Relationships, r => r.Id == "transforms:tool:broken/t->state:broken/a");
        Assert.DoesNotContain(derived.Relationships, r => r.To.Contains("missing", StringComparison.Ordinal));
    }
}
