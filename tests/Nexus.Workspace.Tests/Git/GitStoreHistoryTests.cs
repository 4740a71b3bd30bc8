using Nexus.Workspace.Git;

namespace Nexus.Workspace.Tests.Git;

public sealed class GitStoreHistoryTests
{
    [Fact]
    public void History_is_newest_first_with_messages_files_and_parents()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        var first = store.Commit([FileChange.Write("a.txt", "1"), FileChange.Write("d/b.txt", "1")], "First")!;
        var second = store.Commit([FileChange.Write("a.txt", "2")], "Second\n\nWith a body")!;
        var third = store.Commit([FileChange.Delete("d/b.txt")], "Third")!;

        var history = store.History();

        Assert.Equal([third, second, first], history.Select(c => c.Sha));
        Assert.Equal("Second\n\nWith a body", history[1].Message);
        Assert.Equal(["a.txt", "d/b.txt"], history[2].Files);
        Assert.Equal(["d/b.txt"], history[0].Files);
        Assert.Equal([second], history[0].Parents);
        Assert.Empty(history[2].Parents);
        Assert.Equal("Nexus", history[0].Author);
        Assert.True(DateTimeOffset.UtcNow - history[0].Timestamp < TimeSpan.FromHours(1));
        Assert.Equal([third, second], store.History(limit: 2).Select(c => c.Sha));
        Assert.Equal(history.Select(c => c.Sha), GitCli.Lines(store.Path, "log", "--format=%H", "main"));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.History(limit: 0));
    }

    [Fact]
    public void History_of_a_path_follows_a_merge_commit()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        var root = store.Commit([FileChange.Write("x.txt", "x1"), FileChange.Write("dir/y.txt", "y1")], "Root")!;
        store.CreateBranch("feature");
        var side = store.Commit([FileChange.Write("dir/y.txt", "y2")], "Side change of y", "feature")!;
        var mainChange = store.Commit([FileChange.Write("x.txt", "x2")], "Main change of x")!;
        var merge = store.Merge("feature", "main", "Merge feature");
        Assert.Equal(MergeKind.Merged, merge.Kind);

        var all = store.History();
        var ofY = store.History("dir/y.txt");
        var ofDirectory = store.History("dir");
        var ofX = store.History("x.txt");

        Assert.Equal(4, all.Count);
        Assert.Equal(merge.Sha, all[0].Sha);
        Assert.Equal([mainChange, side], all[0].Parents);
        Assert.Equal(["dir/y.txt"], all[0].Files);
        Assert.Equal([merge.Sha!, side, root], ofY.Select(c => c.Sha));
        Assert.Equal(ofY.Select(c => c.Sha), ofDirectory.Select(c => c.Sha));
        Assert.Equal([mainChange, root], ofX.Select(c => c.Sha));
        Assert.Empty(store.History("never.txt"));
        Assert.Equal(4, GitCli.Lines(store.Path, "log", "--format=%H", "main").Length);
        GitCli.Run(store.Path, "fsck", "--strict");
    }

    [Fact]
    public void History_of_another_branch_and_of_an_unknown_one()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("a.txt", "1")], "Main");
        store.CreateBranch("topic");
        var topic = store.Commit([FileChange.Write("b.txt", "1")], "Topic", "topic");

        Assert.Equal(topic, store.History(branch: "topic")[0].Sha);
        Assert.Single(store.History());
        Assert.Empty(store.History(branch: "nothing-here"));
    }

    [Fact]
    public void Diff_of_a_commit_is_a_unified_diff_against_its_first_parent()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        var root = store.Commit([FileChange.Write("a.txt", "old line\nsame\n")], "Root")!;
        var change = store.Commit([FileChange.Write("a.txt", "new line\nsame\n"), FileChange.Write("b.txt", "b\n")], "Change")!;

        var diff = store.Diff(change);
        var rootDiff = store.Diff(root);

        Assert.Contains("diff --git a/a.txt b/a.txt", diff, StringComparison.Ordinal);
        Assert.Contains("-old line", diff, StringComparison.Ordinal);
        Assert.Contains("+new line", diff, StringComparison.Ordinal);
        Assert.Contains("+b", diff, StringComparison.Ordinal);
        Assert.Contains("new file mode", rootDiff, StringComparison.Ordinal);
        Assert.Contains("+old line", rootDiff, StringComparison.Ordinal);
        Assert.Throws<GitStoreException>(() => store.Diff(new string('1', 40)));
    }

    [Fact]
    public void DiffFiles_reports_each_file_with_its_status()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        var rename = string.Join('\n', Enumerable.Range(0, 20).Select(i => $"line {i}"));
        var from = store.Commit(
            [FileChange.Write("keep.txt", "1\n"), FileChange.Write("gone.txt", "bye\n"), FileChange.Write("old/name.txt", rename)],
            "From")!;
        var to = store.Commit(
            [
                FileChange.Write("keep.txt", "2\n"),
                FileChange.Delete("gone.txt"),
                FileChange.Write("new.txt", "hello\n"),
                FileChange.Delete("old/name.txt"),
                FileChange.Write("new/name.txt", rename),
            ],
            "To")!;

        var files = store.DiffFiles(from, to).ToDictionary(f => f.Path);

        Assert.Equal(4, files.Count);
        Assert.Equal("modified", files["keep.txt"].Status);
        Assert.Contains("+2", files["keep.txt"].Patch, StringComparison.Ordinal);
        Assert.Equal("deleted", files["gone.txt"].Status);
        Assert.Equal("added", files["new.txt"].Status);
        Assert.Equal("renamed", files["new/name.txt"].Status);
        Assert.Equal("old/name.txt", files["new/name.txt"].OldPath);
        Assert.Empty(store.DiffFiles(to, "main"));
    }
}
