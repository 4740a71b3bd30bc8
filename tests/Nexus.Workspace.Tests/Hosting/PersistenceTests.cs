using System.Text.Json.Nodes;
using Nexus.Workspace.Persistence;

namespace Nexus.Workspace.Tests.Hosting;

public sealed class PersistenceTests
{
    [Fact]
    public async Task A_mutation_is_in_the_journal_when_its_result_returns_and_committed_after_the_debounce()
    {
        await using var fixture = new WorkspaceFixture();
        var slow = WorkspaceFixture.FastOptions with { PersistDebounce = TimeSpan.FromSeconds(2) };
        var workspace = await fixture.CreateAsync(options: slow);
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);

        var result = await panel.CallAsync("rename", new JsonObject { ["label"] = "journaled" });

        Assert.True(result.Succeeded);
        var journal = JournalRecord.ReadAll(Path.Combine(workspace.Directory, WorkspacePaths.JournalFolder));
        Assert.Contains(journal, r => r.PanelId == "counter" && r.Sets["label"]?.GetValue<string>() == "journaled");
        Assert.DoesNotContain("journaled", workspace.Git.ReadText("state/counter.json"), StringComparison.Ordinal);

        await WorkspaceFixture.EventuallyAsync(() => workspace.Git.ReadText("state/counter.json")!.Contains("journaled", StringComparison.Ordinal), "the state is committed");
        Assert.StartsWith("Save state of counter", workspace.History(limit: 1)[0].Message, StringComparison.Ordinal);
        await WorkspaceFixture.EventuallyAsync(() => JournalRecord.ReadAll(Path.Combine(workspace.Directory, WorkspacePaths.JournalFolder)).Count == 0, "the committed journal is dropped");
    }

    [Fact]
    public async Task A_burst_of_a_thousand_calls_makes_a_handful_of_commits()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync(options: WorkspaceFixture.FastOptions with { PersistDebounce = TimeSpan.FromMilliseconds(500) });
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        var before = workspace.History(WorkspacePaths.PanelState("counter")).Count;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.True((await panel.CallAsync("inc")).Succeeded);
            }
        })));
        await workspace.FlushAsync();

        var commits = workspace.History(WorkspacePaths.PanelState("counter")).Count - before;
        Assert.InRange(commits, 1, 40);
        Assert.Contains("\"count\": 1000", workspace.Git.ReadText("state/counter.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_workspace_object_on_the_same_folder_sees_the_same_state()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var counter = await workspace.AddPanelAsync(TestPanels.Counter);
        var notes = await workspace.AddPanelAsync(TestPanels.Notes);
        await counter.CallAsync("inc");
        await counter.CallAsync("inc");
        await notes.CallAsync("write", new JsonObject { ["text"] = "remember" });
        await workspace.DisposeAsync();

        var reopened = await fixture.OpenAsync();

        Assert.Equal(["counter", "notes"], reopened.Panels.Select(p => p.PanelId));
        Assert.Equal(2, (await reopened.GetPanel("counter").GetStateAsync())["count"]!.GetValue<double>());
        Assert.Equal("remember", (await reopened.GetPanel("notes").GetStateAsync())["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Journal_entries_newer_than_the_last_commit_are_replayed_and_committed_on_load()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        await workspace.DisposeAsync();
        var journal = Path.Combine(fixture.Folder(), WorkspacePaths.JournalFolder);
        Directory.CreateDirectory(journal);
        // What a process killed before its debounced commit leaves behind, with a torn last line.
        await File.WriteAllTextAsync(Path.Combine(journal, "000000000007.wal"),
            "{\"p\":\"counter\",\"v\":1,\"s\":{\"count\":1}}\n{\"p\":\"counter\",\"v\":2,\"s\":{\"count\":2,\"label\":\"replayed\"}}\n{\"p\":\"gone\",\"v\":1,\"s\":{\"x\":1}}\n{\"p\":\"counter\",\"v\":3,\"s\":{\"cou", TestContext.Current.CancellationToken);

        var reopened = await fixture.OpenAsync();

        var state = await reopened.GetPanel("counter").GetStateAsync();
        Assert.Equal(2, state["count"]!.GetValue<double>());
        Assert.Equal("replayed", state["label"]!.GetValue<string>());
        Assert.Contains("replayed", reopened.Git.ReadText("state/counter.json"), StringComparison.Ordinal);
        Assert.Empty(JournalRecord.ReadAll(journal));
    }

    [Fact]
    public async Task Disposal_flushes_what_the_debounce_had_not_written_yet()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync(options: WorkspaceFixture.FastOptions with { PersistDebounce = TimeSpan.FromMinutes(5) });
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        await panel.CallAsync("inc");

        await workspace.DisposeAsync();

        using var git = Nexus.Workspace.Git.GitStore.Open(Path.Combine(fixture.Folder(), WorkspacePaths.RepositoryFolder));
        Assert.Contains("\"count\": 1", git.ReadText("state/counter.json"), StringComparison.Ordinal);
        Assert.Empty(JournalRecord.ReadAll(Path.Combine(fixture.Folder(), WorkspacePaths.JournalFolder)));
    }

    [Fact]
    public async Task One_process_owns_a_workspace_and_lock_files_left_by_a_killed_one_are_cleared_on_open()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();

        var locked = await Assert.ThrowsAsync<WorkspaceException>(() => NexusWorkspace.OpenAsync(fixture.Folder()));
        Assert.Equal(WorkspaceErrorCodes.Locked, locked.Code);

        await workspace.DisposeAsync();
        var stale = Path.Combine(fixture.Folder(), WorkspacePaths.RepositoryFolder, "refs", "heads", "main.lock");
        await File.WriteAllTextAsync(stale, "", TestContext.Current.CancellationToken);
        var reopened = await fixture.OpenAsync();
        Assert.False(File.Exists(stale));
        Assert.NotNull(await reopened.AddPanelAsync(TestPanels.Counter));
    }
}
