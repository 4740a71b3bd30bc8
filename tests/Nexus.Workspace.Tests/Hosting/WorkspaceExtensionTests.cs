using System.Text.Json.Nodes;
using Nexus.Workspace.Git;

namespace Nexus.Workspace.Tests.Hosting;

public sealed class WorkspaceExtensionTests
{
    private const string Writer = """
        <NexusPanel id="writer" title="Writer">
          <Data><State name="saved" type="string" default="" /></Data>
          <Logic>
            <Extension name="nexus.fs" alias="fs" />
            <Extension name="nexus.http" alias="http" />
            <Tool name="save" description="Write a file">
              <Arg name="text" type="string" required="true" />
              <Handler>
                await $ext.fs.write('notes/today.md', $args.text);
                $state.saved = await $ext.fs.read('notes/today.md');
              </Handler>
            </Tool>
            <Tool name="fetch" description="Reach the network">
              <Handler>await $ext.http.get('http://example.com/');</Handler>
            </Tool>
          </Logic>
          <View><Button label="save" trigger="save" args="{ text: 'x' }" /><Button label="fetch" trigger="fetch" /><Text content="{$state.saved}" /></View>
        </NexusPanel>
        """;

    [Fact]
    public async Task Files_a_panel_writes_through_nexus_fs_are_committed_and_come_back_in_a_clone()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(Writer);

        var result = await panel.CallAsync("save", new JsonObject { ["text"] = "# Today" });

        Assert.True(result.Succeeded, result.Error?.Message);
        await workspace.FlushAsync();
        Assert.Equal("# Today", workspace.Git.ReadText("assets/notes/today.md"));
        var clone = fixture.Track(await workspace.CloneAsync(fixture.Folder("clone"), "Copy"));
        Assert.Equal("# Today", await File.ReadAllTextAsync(Path.Combine(clone.Directory, "assets", "notes", "today.md"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_network_is_off_unless_the_manifest_enables_it_and_bad_settings_disable_everything()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(Writer);

        var refused = await panel.CallAsync("fetch");

        Assert.False(refused.Succeeded);
        Assert.Equal("EXTENSION_ERROR", refused.Error!.Code);
        Assert.Contains("not enabled", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal(["nexus.fs", "nexus.kv"], workspace.EnabledExtensions.Order(StringComparer.Ordinal));

        var manifest = workspace.Manifest with { Extensions = new JsonObject { ["enabled"] = new JsonArray("nexus.nope") } };
        workspace.Git.Commit([FileChange.Write(WorkspacePaths.Manifest, manifest.ToJson())], "bad settings");
        await workspace.DisposeAsync();
        var reopened = await fixture.OpenAsync();
        Assert.Empty(reopened.EnabledExtensions);
        Assert.False((await reopened.GetPanel("writer").CallAsync("save", new JsonObject { ["text"] = "x" })).Succeeded);
    }
}
