using Nexus.Workspace.Git;

namespace Nexus.Workspace.Tests.Git;

public sealed class GitStoreTests
{
    [Fact]
    public void A_new_store_is_an_empty_bare_repository_on_main()
    {
        using var temp = new TempStore();
        var store = temp.Store;

        Assert.Null(store.HeadSha());
        Assert.Null(store.ReadFile("a.txt"));
        Assert.Empty(store.ListFiles());
        Assert.Empty(store.History());
        Assert.Empty(store.Branches());
        Assert.Equal("true", GitCli.Run(store.Path, "rev-parse", "--is-bare-repository").Trim());
        Assert.Equal("refs/heads/main", GitCli.Run(store.Path, "symbolic-ref", "HEAD").Trim());
    }

    [Fact]
    public void Commit_writes_files_that_read_back_and_list_and_git_accepts()
    {
        using var temp = new TempStore();
        var store = temp.Store;

        var sha = store.Commit(
            [FileChange.Write("panels/todo.nxml", "<panel/>"), FileChange.Write("state/todo.json", "{}"), FileChange.Write("README.md", "hi")],
            "First");

        Assert.NotNull(sha);
        Assert.Equal(sha, store.HeadSha());
        Assert.Equal("<panel/>", store.ReadText("panels/todo.nxml"));
        Assert.Equal("{}", store.ReadText("state/todo.json", sha));
        Assert.Equal(["README.md", "panels/todo.nxml", "state/todo.json"], store.ListFiles());
        Assert.Equal(["panels/todo.nxml"], store.ListFiles("panels"));
        Assert.Equal(["panels/todo.nxml"], store.ListFiles("panels/"));
        Assert.Empty(store.ListFiles("nothing"));
        Assert.Equal(["main"], store.Branches());
        Assert.Equal(sha, GitCli.Run(store.Path, "rev-parse", "main").Trim());
        Assert.Equal("<panel/>", GitCli.Run(store.Path, "show", "main:panels/todo.nxml"));
        GitCli.Run(store.Path, "fsck", "--strict");
    }

    [Fact]
    public void Binary_content_round_trips()
    {
        using var temp = new TempStore();
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();

        temp.Store.Commit([FileChange.Write("blob.bin", bytes)], "Binary");

        Assert.Equal(bytes, temp.Store.ReadFile("blob.bin"));
    }

    [Fact]
    public void Nested_paths_are_created_and_deletes_prune_empty_directories()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("a/b/c/deep.txt", "1"), FileChange.Write("a/keep.txt", "2")], "Nested");

        store.Commit([FileChange.Delete("a/b/c/deep.txt")], "Delete the deep file");

        Assert.Equal(["a/keep.txt"], store.ListFiles());
        Assert.Null(store.ReadFile("a/b/c/deep.txt"));
        var trees = GitCli.Lines(store.Path, "ls-tree", "-r", "-t", "--name-only", "main");
        Assert.Equal(["a", "a/keep.txt"], trees);
        GitCli.Run(store.Path, "fsck", "--strict");
    }

    [Fact]
    public void A_commit_that_changes_nothing_returns_null_and_writes_no_commit()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        Assert.Null(store.Commit([], "Nothing on an empty repository"));
        Assert.Null(store.Commit([FileChange.Delete("missing.txt")], "Delete nothing"));
        Assert.Null(store.HeadSha());
        var first = store.Commit([FileChange.Write("a.txt", "same")], "First");

        Assert.Null(store.Commit([FileChange.Write("a.txt", "same")], "Same content"));
        Assert.Null(store.Commit([FileChange.Delete("b.txt")], "Delete a missing file"));
        Assert.Null(store.Commit([], "Empty"));

        Assert.Equal(first, store.HeadSha());
        Assert.Single(store.History());
    }

    [Fact]
    public void Reading_at_an_older_revision_sees_the_older_content()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        var first = store.Commit([FileChange.Write("a.txt", "one")], "One")!;
        store.Commit([FileChange.Write("a.txt", "two"), FileChange.Write("b.txt", "b")], "Two");

        Assert.Equal("one", store.ReadText("a.txt", first));
        Assert.Equal("two", store.ReadText("a.txt"));
        Assert.Equal(["a.txt"], store.ListFiles(revision: first));
        Assert.Throws<GitStoreException>(() => store.ReadFile("a.txt", "no-such-branch"));
        Assert.Throws<GitStoreException>(() => store.ReadFile("a.txt", new string('0', 40)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs.txt")]
    [InlineData("dir/")]
    [InlineData("../escape.txt")]
    [InlineData("a/../../b.txt")]
    [InlineData("a//b.txt")]
    [InlineData("a/./b.txt")]
    [InlineData(".git/config")]
    [InlineData("a/.GIT/hooks")]
    [InlineData("a\\b.txt")]
    [InlineData("a\nb.txt")]
    public void Bad_paths_are_refused_and_nothing_is_written(string path)
    {
        using var temp = new TempStore();
        var store = temp.Store;
        var before = store.Commit([FileChange.Write("ok.txt", "ok")], "Start");

        var error = Assert.ThrowsAny<ArgumentException>(() => store.Commit([FileChange.Write("fine.txt", "x"), FileChange.Write(path, "x")], "Bad"));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(before, store.HeadSha());
        Assert.Equal(["ok.txt"], store.ListFiles());
        Assert.ThrowsAny<ArgumentException>(() => store.ReadFile(path));
    }

    [Fact]
    public void A_path_changed_twice_in_one_commit_is_refused()
    {
        using var temp = new TempStore();

        Assert.Throws<ArgumentException>(() => temp.Store.Commit([FileChange.Write("a.txt", "1"), FileChange.Delete("a.txt")], "Twice"));
        Assert.Null(temp.Store.HeadSha());
    }

    [Fact]
    public void Bad_branch_names_are_refused()
    {
        using var temp = new TempStore();

        Assert.Throws<ArgumentException>(() => temp.Store.Commit([FileChange.Write("a.txt", "1")], "x", branch: "bad..name"));
        Assert.Throws<ArgumentException>(() => temp.Store.HeadSha("with space"));
    }

    [Fact]
    public void Open_sees_the_commits_and_refuses_what_is_not_a_repository()
    {
        using var directory = new TempDirectory();
        var path = directory.Sub("repo.git");
        string? sha;
        using (var store = GitStore.Create(path))
        {
            sha = store.Commit([FileChange.Write("a.txt", "kept")], "Kept");
        }

        using (var reopened = GitStore.Open(path))
        {
            Assert.Equal(sha, reopened.HeadSha());
            Assert.Equal("kept", reopened.ReadText("a.txt"));
        }

        Assert.Throws<GitStoreException>(() => GitStore.Open(directory.Sub("missing")));
        Directory.CreateDirectory(directory.Sub("plain"));
        Assert.Throws<GitStoreException>(() => GitStore.Open(directory.Sub("plain")));
        Assert.Throws<GitStoreException>(() => GitStore.Create(path));
    }

    [Fact]
    public void Commits_carry_the_identity_given()
    {
        using var directory = new TempDirectory();
        using var store = GitStore.Create(directory.Sub("repo.git"), new GitIdentity("Ada", "ada@example.org"));
        store.Commit([FileChange.Write("a.txt", "1")], "By the store's identity");
        store.Commit([FileChange.Write("a.txt", "2")], "By a user", author: new GitIdentity("Bob", "bob@example.org"));

        var history = store.History();

        Assert.Equal(["Bob", "Ada"], history.Select(c => c.Author));
        Assert.Equal("Bob <bob@example.org>", GitCli.Run(store.Path, "log", "-1", "--format=%an <%ae>").Trim());
    }

    [Fact]
    public async Task Concurrent_commits_of_different_files_all_land_on_a_linear_history()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        const int Threads = 8;
        const int PerThread = 10;

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                Assert.NotNull(store.Commit([FileChange.Write($"t{t}/f{i}.txt", $"{t}-{i}")], $"Thread {t} file {i}"));
            }
        })).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        var files = store.ListFiles();
        Assert.Equal(Threads * PerThread, files.Count);
        Assert.Equal("3-7", store.ReadText("t3/f7.txt"));
        var history = store.History(limit: 1000);
        Assert.Equal(Threads * PerThread, history.Count);
        Assert.All(history.SkipLast(1), commit => Assert.Single(commit.Parents));
        Assert.Empty(history[^1].Parents);
        Assert.Equal(Threads * PerThread, GitCli.Lines(store.Path, "rev-list", "--first-parent", "main").Length);
        GitCli.Run(store.Path, "fsck", "--strict");
    }

    [Fact]
    public void A_disposed_store_refuses_work()
    {
        using var temp = new TempStore();
        temp.Store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => temp.Store.HeadSha());
    }

    [Fact]
    public void A_file_and_a_directory_replace_each_other()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        store.Commit([FileChange.Write("a", "file")], "A file");

        store.Commit([FileChange.Write("a/b.txt", "under")], "A directory where the file was");
        Assert.Equal(["a/b.txt"], store.ListFiles());

        Assert.Throws<ArgumentException>(() => store.Commit([FileChange.Delete("a")], "Delete a directory as a file"));
        Assert.Equal(["a/b.txt"], store.ListFiles());
        store.Commit([FileChange.Write("a", "file again")], "A file where the directory was");
        Assert.Equal(["a"], store.ListFiles());
        GitCli.Run(store.Path, "fsck", "--strict");
    }
}
