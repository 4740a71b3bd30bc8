using System.Text.Json.Nodes;
using Nexus.Workspace.Git;
using Nexus.Workspace.Hosting;

namespace Nexus.Workspace.Tests.Hosting;

public sealed class PanelLifecycleTests
{
    [Fact]
    public async Task Adding_a_panel_commits_its_source_state_and_manifest_at_once()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();

        var panel = await workspace.AddPanelAsync(TestPanels.Counter);

        Assert.Equal("counter", panel.PanelId);
        Assert.Equal(PanelStatus.Running, panel.Status);
        var commit = workspace.History(limit: 1)[0];
        Assert.Equal("Add panel counter", commit.Message.Trim());
        Assert.Equal(["nexus.json", "panels/counter.nxml", "state/counter.json"], commit.Files.Order(StringComparer.Ordinal));
        Assert.Equal(TestPanels.Counter, workspace.Git.ReadText("panels/counter.nxml"));
        Assert.Equal("counter", Assert.Single(workspace.Manifest.Panels).Id);
    }

    [Fact]
    public async Task Ids_are_made_from_the_panel_and_kept_unique_and_given_ids_are_validated()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();

        Assert.Equal("counter", (await workspace.AddPanelAsync(TestPanels.Counter)).PanelId);
        Assert.Equal("counter-2", (await workspace.AddPanelAsync(TestPanels.Counter)).PanelId);
        Assert.Equal("mine", (await workspace.AddPanelAsync(TestPanels.Counter, "mine")).PanelId);

        var exists = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.AddPanelAsync(TestPanels.Notes, "mine"));
        Assert.Equal(WorkspaceErrorCodes.PanelExists, exists.Code);
        var invalid = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.AddPanelAsync(TestPanels.Notes, "../evil"));
        Assert.Equal(WorkspaceErrorCodes.InvalidPanelId, invalid.Code);
        Assert.Equal(3, workspace.Panels.Count);
    }

    [Fact]
    public async Task Source_that_does_not_check_clean_is_refused_with_its_diagnostics_and_changes_nothing()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var head = workspace.Git.HeadSha();

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.AddPanelAsync(TestPanels.Broken));

        Assert.Equal(WorkspaceErrorCodes.InvalidNxml, error.Code);
        Assert.Contains(error.Diagnostics, d => d.IsError);
        Assert.Equal(head, workspace.Git.HeadSha());
        Assert.Empty(workspace.Panels);
    }

    [Fact]
    public async Task Hot_reload_carries_state_whose_key_and_type_still_match_and_tells_subscribers()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        await panel.CallAsync("inc");
        await panel.CallAsync("rename", new JsonObject { ["label"] = "kept" });
        using var subscription = panel.Subscribe(16);

        await workspace.ReplaceSourceAsync("counter", TestPanels.CounterV2);

        var state = await panel.GetStateAsync();
        Assert.Equal("kept", state["label"]!.GetValue<string>());
        Assert.Equal("none", state["count"]!.GetValue<string>());
        Assert.True((await panel.CallAsync("reset")).Succeeded);
        Assert.Equal(TestPanels.CounterV2, workspace.Git.ReadText("panels/counter.nxml"));
        Assert.Equal("Edit panel counter", workspace.History(WorkspacePaths.PanelSource("counter"), 1)[0].Message.Trim());
        Assert.True(subscription.Reader.TryRead(out var first));
        Assert.Equal(TestPanels.CounterV2, Assert.IsType<PanelReloaded>(first).Source);
    }

    [Fact]
    public async Task A_bad_new_source_is_refused_and_the_old_panel_keeps_running()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        await panel.CallAsync("inc");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.ReplaceSourceAsync("counter", TestPanels.Broken));

        Assert.Equal(WorkspaceErrorCodes.InvalidNxml, error.Code);
        Assert.Equal(TestPanels.Counter, workspace.Git.ReadText("panels/counter.nxml"));
        Assert.Equal(2, (await panel.CallAsync("inc")).ReturnValue!.GetValue<double>());
    }

    [Fact]
    public async Task A_panel_limit_is_counted_under_the_lock_so_racing_adds_cannot_both_take_the_last_place()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter, maxPanels: 2);
        var head = workspace.Git.HeadSha();

        var racing = Enumerable.Range(0, 4).Select(i => workspace.AddPanelAsync(TestPanels.Notes, $"notes-{i}", maxPanels: 2)).ToList();
        var outcomes = await Task.WhenAll(racing.Select(async add =>
        {
            try
            {
                await add;
                return "added";
            }
            catch (WorkspaceException refused)
            {
                return refused.Code;
            }
        }));

        Assert.Single(outcomes, o => o == "added");
        Assert.Equal(3, outcomes.Count(o => o == WorkspaceErrorCodes.PanelLimit));
        Assert.Equal(2, workspace.Panels.Count);
        Assert.Single(workspace.Git.History(limit: 10), c => c.Sha != head && c.Message.StartsWith("Add panel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_made_from_a_source_that_changed_since_is_refused_and_the_newer_source_stays()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        await workspace.ReplaceSourceAsync("counter", TestPanels.CounterV2, expectedSource: TestPanels.Counter);
        await workspace.FlushAsync();
        var head = workspace.Git.HeadSha();

        // A second editor that began from the first source saves later.
        var error = await Assert.ThrowsAsync<WorkspaceException>(() =>
            workspace.ReplaceSourceAsync("counter", TestPanels.Counter.Replace("Counter", "Tally", StringComparison.Ordinal), expectedSource: TestPanels.Counter));

        Assert.Equal(WorkspaceErrorCodes.SourceChanged, error.Code);
        Assert.Equal(head, workspace.Git.HeadSha());
        Assert.Equal(TestPanels.CounterV2, workspace.GetPanel("counter").Source);
        Assert.Equal(TestPanels.CounterV2, workspace.Git.ReadText("panels/counter.nxml"));
    }

    [Fact]
    public async Task Removing_a_panel_unmounts_it_and_deletes_its_files_in_one_commit()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        await workspace.AddPanelAsync(TestPanels.Notes);
        using var subscription = panel.Subscribe(16);

        await workspace.RemovePanelAsync("counter");

        Assert.Equal(["notes"], workspace.Panels.Select(p => p.PanelId));
        Assert.Null(workspace.Git.ReadText("panels/counter.nxml"));
        Assert.Null(workspace.Git.ReadText("state/counter.json"));
        Assert.Equal(["nexus.json", "panels/counter.nxml", "state/counter.json"], workspace.History(limit: 1)[0].Files.Order(StringComparer.Ordinal));
        Assert.Equal(PanelStatus.Failed, panel.Status);
        await subscription.Reader.Completion.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var missing = Assert.Throws<WorkspaceException>(() => workspace.GetPanel("counter"));
        Assert.Equal(WorkspaceErrorCodes.PanelNotFound, missing.Code);
    }

    [Fact]
    public async Task A_panel_whose_source_no_longer_checks_is_loaded_as_failed_and_the_others_still_run()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        await workspace.AddPanelAsync(TestPanels.Counter);
        await workspace.AddPanelAsync(TestPanels.Notes);
        // Someone edits the repository behind the workspace's back.
        workspace.Git.Commit([FileChange.Write("panels/notes.nxml", TestPanels.Broken)], "break notes");
        await workspace.DisposeAsync();

        var reopened = await fixture.OpenAsync();

        var notes = reopened.GetPanel("notes");
        Assert.Equal(PanelStatus.Failed, notes.Status);
        Assert.Contains(notes.Diagnostics, d => d.IsError);
        var refused = await Assert.ThrowsAsync<WorkspaceException>(() => notes.CallAsync("write"));
        Assert.Equal(WorkspaceErrorCodes.PanelFailed, refused.Code);
        Assert.True((await reopened.GetPanel("counter").CallAsync("inc")).Succeeded);

        await reopened.ReplaceSourceAsync("notes", TestPanels.Notes);
        Assert.Equal(PanelStatus.Running, notes.Status);
    }

    [Fact]
    public async Task Templates_add_panels_and_unknown_ones_are_a_clear_error()
    {
        await using var fixture = new WorkspaceFixture();
        var options = WorkspaceFixture.FastOptions with { Templates = new Dictionary<string, string> { ["notes"] = TestPanels.Notes } };
        var workspace = await fixture.CreateAsync(options: options);

        Assert.Equal("notes", (await workspace.AddPanelFromTemplateAsync("notes")).PanelId);
        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.AddPanelFromTemplateAsync("nope"));
        Assert.Equal(WorkspaceErrorCodes.TemplateNotFound, error.Code);
    }

    [Fact]
    public async Task No_call_made_during_a_hot_reload_is_lost()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        var succeeded = 0;
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if ((await panel.CallAsync("inc")).Succeeded)
                {
                    Interlocked.Increment(ref succeeded);
                }
            }
        }, TestContext.Current.CancellationToken)).ToList();

        for (var i = 0; i < 10; i++)
        {
            var before = Volatile.Read(ref succeeded);
            await WorkspaceFixture.EventuallyAsync(() => Volatile.Read(ref succeeded) >= before + 5, "calls run between reloads");
            await workspace.ReplaceSourceAsync("counter", TestPanels.Counter.Replace("title=\"Counter\"", $"title=\"Counter {i}\"", StringComparison.Ordinal));
        }

        await stop.CancelAsync();
        await Task.WhenAll(callers);
        Assert.True(succeeded >= 50);
        Assert.Equal(succeeded, (await panel.GetStateAsync())["count"]!.GetValue<double>());
    }
}
