using Nexus.Nxml;
using Nexus.Workspace.Git;
using Nexus.Workspace.Proposals;
using Nexus.Workspace.Tests.Git;

namespace Nexus.Workspace.Tests.Proposals;

public sealed class ProposalServiceTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ProposalService _service;
    private readonly string _mainAtStart;

    public ProposalServiceTests()
    {
        _service = new ProposalService(_temp.Store, _time);
        _mainAtStart = Store.Commit(
            [FileChange.Write("panels/a.nxml", Panels.Counter("A")), FileChange.Write("panels/b.nxml", Panels.Counter("B")), FileChange.Write("state/a.json", "{}")],
            "Workspace")!;
    }

    private GitStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_sample_panels_check_clean_and_the_broken_one_does_not()
    {
        Assert.True(NxmlDocument.Check(Panels.Counter()).IsValid);
        Assert.False(NxmlDocument.Check(Panels.Broken).IsValid);
    }

    [Fact]
    public void Creating_proposals_commits_on_shadow_branches_and_never_touches_main()
    {
        var first = _service.Create(Panels.Request("Rename A", FileChange.Write("panels/a.nxml", Panels.Counter("A2"))) with
        {
            Description = "A better title",
            Source = ProposalSources.Ai,
            Reasoning = "Titles should say what a panel does",
            Confidence = 0.75,
        });
        var second = _service.Create(Panels.Request("Drop B", FileChange.Delete("panels/b.nxml"), FileChange.Write("notes/new.md", "# New")));

        Assert.Equal(_mainAtStart, Store.HeadSha());
        Assert.Equal(["panels/a.nxml", "panels/b.nxml", "state/a.json"], Store.ListFiles());
        Assert.Matches("^[0-9a-f]{12}$", first.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(ProposalStatus.Pending, first.Status);
        Assert.Equal("shadow/" + first.Id, first.Branch);
        Assert.Equal(_mainAtStart, first.BaseSha);
        Assert.Equal(Store.HeadSha(first.Branch), first.BranchSha);
        Assert.Equal(("ai", 0.75, "A better title"), (first.Source, first.Confidence!.Value, first.Description));
        Assert.Equal(_time.GetUtcNow(), first.CreatedAt);
        Assert.Equal(["notes/new.md", "panels/b.nxml"], second.ChangedPaths);
        Assert.Contains("A2", Store.ReadText("panels/a.nxml", first.Branch), StringComparison.Ordinal);
        Assert.Equal(first, _service.Get(first.Id));
        Assert.Equal(2, _service.List(ProposalStatus.Pending).Count);
        Assert.Empty(_service.List(ProposalStatus.Applied));
        Assert.Contains("\"status\": \"pending\"", GitCli.Run(Store.Path, "show", $"refs/nexus/proposals:{first.Id}.json"), StringComparison.Ordinal);
        Assert.Equal(2, GitCli.Lines(Store.Path, "ls-tree", "--name-only", "refs/nexus/proposals").Length);
        Assert.Single(GitCli.Lines(Store.Path, "log", "--format=%H", "main"));
        GitCli.Run(Store.Path, "fsck", "--strict");
    }

    [Fact]
    public void Files_are_per_file_diffs_from_the_base()
    {
        var proposal = _service.Create(Panels.Request("Two files", FileChange.Write("panels/a.nxml", Panels.Counter("A", 5)), FileChange.Delete("state/a.json")));

        var files = _service.Files(proposal.Id).ToDictionary(f => f.Path);

        Assert.Equal("modified", files["panels/a.nxml"].Status);
        Assert.Contains("+    <State name=\"count\" type=\"number\" default=\"5\" />", files["panels/a.nxml"].Patch, StringComparison.Ordinal);
        Assert.Equal("deleted", files["state/a.json"].Status);
    }

    [Fact]
    public void Accepting_a_proposal_on_an_unchanged_main_fast_forwards_and_deletes_the_branch()
    {
        var proposal = _service.Create(Panels.Request("Change A", FileChange.Write("panels/a.nxml", Panels.Counter("A2"))));
        _time.Advance(TimeSpan.FromMinutes(5));

        var accepted = _service.Accept(proposal.Id);

        Assert.Equal(MergeKind.FastForward, accepted.Kind);
        Assert.Equal(proposal.BranchSha, Store.HeadSha());
        Assert.Equal(accepted.MainSha, Store.HeadSha());
        Assert.Equal(["panels/a.nxml"], accepted.ChangedPaths);
        Assert.Equal(ProposalStatus.Applied, accepted.Proposal.Status);
        Assert.Equal(accepted.MainSha, accepted.Proposal.MergedSha);
        Assert.Equal(proposal.CreatedAt + TimeSpan.FromMinutes(5), accepted.Proposal.UpdatedAt);
        Assert.False(Store.BranchExists(proposal.Branch));
        Assert.Equal(ProposalStatus.Applied, _service.Get(proposal.Id)!.Status);
        Assert.Contains("A2", Store.ReadText("panels/a.nxml"), StringComparison.Ordinal);
        Assert.Single(_service.Files(proposal.Id));
        var again = Assert.Throws<ProposalException>(() => _service.Accept(proposal.Id));
        Assert.Equal("INVALID_STATE", again.Code);
    }

    [Fact]
    public void Accepting_after_main_moved_elsewhere_makes_a_three_way_merge()
    {
        var proposal = _service.Create(Panels.Request("Change A", FileChange.Write("panels/a.nxml", Panels.Counter("A2"))));
        var moved = Store.Commit([FileChange.Write("panels/b.nxml", Panels.Counter("B2"))], "Edit B directly")!;

        var accepted = _service.Accept(proposal.Id);

        Assert.Equal(MergeKind.Merged, accepted.Kind);
        Assert.Equal([moved, proposal.BranchSha], Store.History(limit: 1)[0].Parents);
        Assert.Equal(["panels/a.nxml"], accepted.ChangedPaths);
        Assert.Contains("A2", Store.ReadText("panels/a.nxml"), StringComparison.Ordinal);
        Assert.Contains("B2", Store.ReadText("panels/b.nxml"), StringComparison.Ordinal);
        Assert.False(Store.BranchExists(proposal.Branch));
        GitCli.Run(Store.Path, "fsck", "--strict");
    }

    [Fact]
    public void A_conflicting_accept_leaves_main_untouched_and_marks_the_proposal_conflicted()
    {
        var proposal = _service.Create(Panels.Request("Title A2", FileChange.Write("panels/a.nxml", Panels.Counter("A2"))));
        var moved = Store.Commit([FileChange.Write("panels/a.nxml", Panels.Counter("A3"))], "Someone else edits A");

        var conflict = Assert.Throws<ProposalConflictException>(() => _service.Accept(proposal.Id));

        Assert.Equal("CONFLICT", conflict.Code);
        Assert.Equal(["panels/a.nxml"], conflict.ConflictingPaths);
        Assert.Equal(moved, Store.HeadSha());
        Assert.Contains("A3", Store.ReadText("panels/a.nxml"), StringComparison.Ordinal);
        var recorded = _service.Get(proposal.Id)!;
        Assert.Equal(ProposalStatus.Conflicted, recorded.Status);
        Assert.Equal(["panels/a.nxml"], recorded.ConflictingPaths);
        Assert.True(Store.BranchExists(proposal.Branch));
        Assert.Equal("INVALID_STATE", Assert.Throws<ProposalException>(() => _service.Accept(proposal.Id)).Code);

        Assert.Equal(ProposalStatus.Rejected, _service.Reject(proposal.Id).Status);
        Assert.False(Store.BranchExists(proposal.Branch));
    }

    [Fact]
    public void A_proposal_with_a_panel_that_does_not_check_is_refused_and_leaves_nothing()
    {
        var error = Assert.Throws<ProposalInvalidException>(() => _service.Create(Panels.Request(
            "Broken",
            FileChange.Write("panels/a.nxml", Panels.Counter("fine")),
            FileChange.Write("panels/broken.nxml", Panels.Broken),
            FileChange.Write("notes/not-a-panel.nxml.txt", Panels.Broken))));

        Assert.Equal("INVALID_NXML", error.Code);
        Assert.Equal(["panels/broken.nxml"], error.Diagnostics.Keys);
        Assert.Contains(error.Diagnostics["panels/broken.nxml"], d => d.IsError);
        Assert.Equal(["main"], Store.Branches());
        Assert.Empty(_service.List());
        Assert.Empty(GitCli.Run(Store.Path, "for-each-ref", "refs/nexus"));
        Assert.Equal(_mainAtStart, Store.HeadSha());
    }

    [Fact]
    public void Rejecting_deletes_the_branch_and_is_final()
    {
        var proposal = _service.Create(Panels.Request("Change A", FileChange.Write("panels/a.nxml", Panels.Counter("A2"))));

        var rejected = _service.Reject(proposal.Id);

        Assert.Equal(ProposalStatus.Rejected, rejected.Status);
        Assert.False(Store.BranchExists(proposal.Branch));
        Assert.Equal(_mainAtStart, Store.HeadSha());
        Assert.Equal("INVALID_STATE", Assert.Throws<ProposalException>(() => _service.Accept(proposal.Id)).Code);
        Assert.Equal("INVALID_STATE", Assert.Throws<ProposalException>(() => _service.Reject(proposal.Id)).Code);
    }

    [Fact]
    public void Pending_proposals_older_than_the_max_age_expire()
    {
        var service = new ProposalService(Store, _time, new ProposalOptions { MaxAge = TimeSpan.FromDays(7) });
        var old = service.Create(Panels.Request("Old", FileChange.Write("notes/old.md", "old")));
        var decided = service.Create(Panels.Request("Decided", FileChange.Write("notes/decided.md", "d")));
        service.Reject(decided.Id);
        _time.Advance(TimeSpan.FromDays(3));
        var young = service.Create(Panels.Request("Young", FileChange.Write("notes/young.md", "young")));
        _time.Advance(TimeSpan.FromDays(5));

        var expired = service.ExpireStale();

        Assert.Equal([old.Id], expired.Select(p => p.Id));
        Assert.Equal(ProposalStatus.Expired, service.Get(old.Id)!.Status);
        Assert.False(Store.BranchExists(old.Branch));
        Assert.Equal(ProposalStatus.Pending, service.Get(young.Id)!.Status);
        Assert.True(Store.BranchExists(young.Branch));
        Assert.Equal(ProposalStatus.Rejected, service.Get(decided.Id)!.Status);
        Assert.Empty(service.ExpireStale());
        Assert.Equal(_mainAtStart, Store.HeadSha());
    }

    [Fact]
    public void Accepting_an_overdue_proposal_expires_it_instead_of_merging()
    {
        var service = new ProposalService(Store, _time, new ProposalOptions { MaxAge = TimeSpan.FromDays(7) });
        var old = service.Create(Panels.Request("Old", FileChange.Write("notes/old.md", "old")));
        _time.Advance(TimeSpan.FromDays(8));

        var error = Assert.Throws<ProposalException>(() => service.Accept(old.Id));

        Assert.Equal("INVALID_STATE", error.Code);
        Assert.Equal(ProposalStatus.Expired, service.Get(old.Id)!.Status);
        Assert.False(Store.BranchExists(old.Branch));
        Assert.Equal(_mainAtStart, Store.HeadSha());
    }

    [Fact]
    public void Records_survive_a_new_service_a_reopened_store_and_a_clone()
    {
        var applied = _service.Create(Panels.Request("Applied", FileChange.Write("notes/a.md", "a")));
        _time.Advance(TimeSpan.FromSeconds(1));
        var pending = _service.Create(Panels.Request("Pending", FileChange.Write("notes/p.md", "p")));
        _service.Accept(applied.Id);

        using (var reopened = GitStore.Open(Store.Path))
        {
            var again = new ProposalService(reopened);
            Assert.Equal(ProposalStatus.Applied, again.Get(applied.Id)!.Status);
            Assert.Equal(pending, again.Get(pending.Id));
            Assert.Equal([pending.Id, applied.Id], again.List().Select(p => p.Id));
        }

        using var clone = GitStore.Clone(Store.Path, _temp.Sub("clone.git"));
        var inClone = new ProposalService(clone, _time);
        Assert.Equal(2, inClone.List().Count);
        inClone.Accept(pending.Id);
        Assert.Equal("p", clone.ReadText("notes/p.md"));
        Assert.Null(Store.ReadText("notes/p.md"));
        Assert.Equal(ProposalStatus.Pending, _service.Get(pending.Id)!.Status);
    }

    [Fact]
    public void Changed_is_raised_once_for_every_recorded_change_and_never_for_a_refusal()
    {
        var service = new ProposalService(Store, _time, new ProposalOptions { MaxAge = TimeSpan.FromDays(7) });
        var changes = 0;
        service.Changed += () => changes++;

        var accepted = service.Create(Panels.Request("Rename A", FileChange.Write("panels/a.nxml", Panels.Counter("A2"))));
        var rejected = service.Create(Panels.Request("Rename B", FileChange.Write("panels/b.nxml", Panels.Counter("B2"))));
        var conflicting = service.Create(Panels.Request("Rename A again", FileChange.Write("panels/a.nxml", Panels.Counter("A3"))));
        Assert.Equal(3, changes);

        service.Accept(accepted.Id);
        service.Reject(rejected.Id);
        Assert.Equal(5, changes);

        // A conflict is recorded before it is thrown: it is announced too.
        Assert.Throws<ProposalConflictException>(() => service.Accept(conflicting.Id));
        Assert.Equal(6, changes);

        // Refusals record nothing and announce nothing.
        Assert.Throws<ProposalInvalidException>(() => service.Create(Panels.Request("Break A", FileChange.Write("panels/a.nxml", Panels.Broken))));
        Assert.Throws<ProposalException>(() => service.Reject(rejected.Id));
        Assert.Throws<ProposalException>(() => service.Accept("000000000000"));
        Assert.Empty(service.ExpireStale());
        Assert.Equal(6, changes);

        service.Create(Panels.Request("Late", FileChange.Write("notes/late.md", "# Late")));
        _time.Advance(TimeSpan.FromDays(8));
        Assert.Single(service.ExpireStale());
        Assert.Equal(8, changes);
    }
}
