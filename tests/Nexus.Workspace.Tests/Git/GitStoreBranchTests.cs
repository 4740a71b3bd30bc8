using Nexus.Workspace.Git;

namespace Nexus.Workspace.Tests.Git;

public sealed class GitStoreBranchTests
{
    [Fact]
    public void Branches_are_created_listed_and_deleted()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        Assert.Throws<GitStoreException>(() => store.CreateBranch("early"));
        var root = store.Commit([FileChange.Write("a.txt", "1")], "Root")!;

        store.CreateBranch("shadow/abc");
        store.CreateBranch("topic", root);

        Assert.True(store.BranchExists("shadow/abc"));
        Assert.Equal(root, store.HeadSha("shadow/abc"));
        Assert.Equal(["main", "shadow/abc", "topic"], store.Branches());
        Assert.Throws<GitStoreException>(() => store.CreateBranch("topic"));
        Assert.Throws<GitStoreException>(() => store.CreateBranch("other", "no-such-revision"));
        Assert.Throws<ArgumentException>(() => store.CreateBranch("bad name"));

        store.DeleteBranch("shadow/abc");
        store.DeleteBranch("shadow/abc");

        Assert.False(store.BranchExists("shadow/abc"));
        Assert.Equal(["main", "topic"], store.Branches());
        Assert.Throws<ArgumentException>(() => store.DeleteBranch("main"));
        Assert.Equal(["main", "topic"], GitCli.Lines(store.Path, "for-each-ref", "--format=%(refname:short)", "refs/heads"));
    }

    [Fact]
    public void A_branch_behind_is_fast_forwarded_and_merging_again_is_up_to_date()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("a.txt", "1")], "Root");
        store.CreateBranch("ahead");
        var tip = store.Commit([FileChange.Write("b.txt", "2")], "Ahead", "ahead");

        var merged = store.Merge("ahead", "main", "Merge ahead");
        var again = store.Merge("ahead", "main", "Merge ahead again");

        Assert.Equal(MergeKind.FastForward, merged.Kind);
        Assert.Equal(tip, merged.Sha);
        Assert.Empty(merged.ConflictingPaths);
        Assert.Equal(tip, store.HeadSha());
        Assert.Equal(MergeKind.UpToDate, again.Kind);
        Assert.Equal(tip, again.Sha);
        Assert.Equal(2, store.History().Count);
    }

    [Fact]
    public void Diverged_branches_get_a_three_way_merge_commit_with_both_changes()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("shared.txt", "one\ntwo\nthree\nfour\nfive\n")], "Root");
        store.CreateBranch("side");
        var side = store.Commit([FileChange.Write("shared.txt", "ONE\ntwo\nthree\nfour\nfive\n"), FileChange.Write("side.txt", "s")], "Side", "side")!;
        var main = store.Commit([FileChange.Write("shared.txt", "one\ntwo\nthree\nfour\nFIVE\n")], "Main")!;

        var outcome = store.Merge("side", "main", "Merge side");

        Assert.Equal(MergeKind.Merged, outcome.Kind);
        Assert.Equal(outcome.Sha, store.HeadSha());
        Assert.Equal("ONE\ntwo\nthree\nfour\nFIVE\n", store.ReadText("shared.txt"));
        Assert.Equal("s", store.ReadText("side.txt"));
        Assert.Equal([main, side], store.History(limit: 1)[0].Parents);
        Assert.Equal("Merge side", store.History(limit: 1)[0].Message);
        Assert.Equal(side, store.HeadSha("side"));
        GitCli.Run(store.Path, "fsck", "--strict");
    }

    [Fact]
    public void A_conflicting_merge_reports_the_paths_and_leaves_the_target_untouched()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("x.txt", "base\n"), FileChange.Write("y.txt", "y\n")], "Root");
        store.CreateBranch("side");
        store.Commit([FileChange.Write("x.txt", "side\n"), FileChange.Write("z.txt", "z\n")], "Side", "side");
        var main = store.Commit([FileChange.Write("x.txt", "main\n")], "Main");

        var outcome = store.Merge("side", "main", "Merge side");

        Assert.Equal(MergeKind.Conflict, outcome.Kind);
        Assert.Null(outcome.Sha);
        Assert.Equal(["x.txt"], outcome.ConflictingPaths);
        Assert.Equal(main, store.HeadSha());
        Assert.Equal("main\n", store.ReadText("x.txt"));
        Assert.Null(store.ReadText("z.txt"));
    }

    [Fact]
    public void Merging_into_an_unborn_main_fast_forwards_and_unknown_branches_are_errors()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        var tip = store.Commit([FileChange.Write("a.txt", "1")], "On a branch", "start");

        Assert.Equal(MergeKind.FastForward, store.Merge("start", "main", "Adopt").Kind);
        Assert.Equal(tip, store.HeadSha());
        Assert.Throws<GitStoreException>(() => store.Merge("missing", "main", "x"));
        Assert.Throws<GitStoreException>(() => store.Merge("start", "missing", "x"));
    }

    [Fact]
    public void Revert_undoes_a_commit_with_a_new_commit_on_main()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("a.txt", "a1\n"), FileChange.Write("b.txt", "b1\n")], "Root");
        var change = store.Commit([FileChange.Write("a.txt", "a2\n"), FileChange.Write("new.txt", "n\n")], "Change a")!;
        var later = store.Commit([FileChange.Write("b.txt", "b2\n")], "Change b")!;

        var revert = store.Revert(change);

        Assert.Equal(revert, store.HeadSha());
        Assert.Equal("a1\n", store.ReadText("a.txt"));
        Assert.Null(store.ReadText("new.txt"));
        Assert.Equal("b2\n", store.ReadText("b.txt"));
        var commit = store.History(limit: 1)[0];
        Assert.Equal([later], commit.Parents);
        Assert.Contains(change, commit.Message, StringComparison.Ordinal);
        Assert.Throws<GitStoreException>(() => store.Revert(change));
        store.Revert(later, "Undo");
        Assert.Equal("b1\n", store.ReadText("b.txt"));
        Assert.Equal("Undo", store.History(limit: 1)[0].Message);
    }

    [Fact]
    public void A_revert_that_no_longer_applies_throws_and_leaves_main_untouched()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("a.txt", "1\n")], "Root");
        var change = store.Commit([FileChange.Write("a.txt", "2\n")], "Two")!;
        var main = store.Commit([FileChange.Write("a.txt", "3\n")], "Three");

        var error = Assert.Throws<GitConflictException>(() => store.Revert(change));

        Assert.Equal(["a.txt"], error.Paths);
        Assert.Equal(main, store.HeadSha());
        Assert.Equal("3\n", store.ReadText("a.txt"));
    }

    [Fact]
    public void A_merge_commit_is_reverted_against_its_first_parent()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("a.txt", "1\n")], "Root");
        store.CreateBranch("side");
        store.Commit([FileChange.Write("side.txt", "s\n")], "Side", "side");
        store.Commit([FileChange.Write("main.txt", "m\n")], "Main");
        var merge = store.Merge("side", "main", "Merge side").Sha!;

        store.Revert(merge);

        Assert.Equal(["a.txt", "main.txt"], store.ListFiles());
    }

    [Fact]
    public void A_clone_keeps_history_branches_and_metadata_refs_and_is_independent()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("a.txt", "1")], "One");
        store.Commit([FileChange.Write("a.txt", "2")], "Two");
        store.CreateBranch("shadow/x");
        store.Commit([FileChange.Write("b.txt", "b")], "Shadow", "shadow/x");
        var metadata = store.CommitToReference("refs/nexus/proposals", [FileChange.Write("p.json", "{}")], "Record");

        using var clone = GitStore.Clone(store.Path, temp.Sub("clone.git"));

        Assert.Equal(store.History().Select(c => c.Sha), clone.History().Select(c => c.Sha));
        Assert.Equal(["main", "shadow/x"], clone.Branches());
        Assert.Equal("{}", clone.ReadText("p.json", "refs/nexus/proposals"));
        Assert.Equal(metadata, GitCli.Run(clone.Path, "rev-parse", "refs/nexus/proposals").Trim());
        clone.Commit([FileChange.Write("a.txt", "3")], "Only in the clone");
        Assert.Equal("2", store.ReadText("a.txt"));
        Assert.Equal("3", clone.ReadText("a.txt"));
        GitCli.Run(clone.Path, "fsck", "--strict");
        Assert.Throws<GitStoreException>(() => GitStore.Clone(temp.Sub("nowhere"), temp.Sub("clone2.git")));
    }
}
