using System.Text.Json.Nodes;
using Nexus.Reactor.Extensions;
using Nexus.Workspace.Extensions;
using Nexus.Workspace.Extensions.Fs;

namespace Nexus.Workspace.Tests.Extensions;

public sealed class FsExtensionTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private int _changes;

    public FsExtensionTests()
    {
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Join(Outside, "secret.txt"), "top secret");
    }

    private string Assets => _temp.Combine("assets");

    private string Outside => _temp.Combine("outside");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Write_then_read_list_and_delete_round_trip_and_report_each_change()
    {
        using var fs = Extension();
        var written = await Invoke(fs, "write", "notes/today.md", "# Hello, wörld");
        Assert.Equal("{\"path\":\"notes/today.md\",\"size\":15}", written!.ToJsonString());
        Assert.Equal("# Hello, wörld", File.ReadAllText(Path.Join(Assets, "notes", "today.md")));
        Assert.Equal("# Hello, wörld", (await Invoke(fs, "read", "notes/today.md"))!.GetValue<string>());
        await Invoke(fs, "write", "b.txt", "bb");
        Assert.Equal(2, _changes);

        Assert.Equal(
            "[{\"path\":\"b.txt\",\"size\":2,\"isDirectory\":false},{\"path\":\"notes\",\"size\":0,\"isDirectory\":true}]",
            (await Invoke(fs, "list"))!.ToJsonString());
        Assert.Equal("[{\"path\":\"notes/today.md\",\"size\":15,\"isDirectory\":false}]", (await Invoke(fs, "list", "notes"))!.ToJsonString());

        Assert.True((await Invoke(fs, "delete", "notes/today.md"))!.GetValue<bool>());
        Assert.False(File.Exists(Path.Join(Assets, "notes", "today.md")));
        Assert.Equal(3, _changes);
        Assert.False((await Invoke(fs, "delete", "notes/today.md"))!.GetValue<bool>());
        Assert.True((await Invoke(fs, "delete", "notes"))!.GetValue<bool>());
        Assert.Equal(4, _changes);
        Assert.Contains("does not exist", await Refused(fs, "read", "notes/today.md"), StringComparison.Ordinal);
        Assert.Equal(4, _changes);
    }

    [Fact]
    public async Task Listing_before_anything_was_written_is_empty_and_a_missing_folder_is_an_error()
    {
        using var fs = Extension();
        Assert.Equal("[]", (await Invoke(fs, "list"))!.ToJsonString());
        Assert.Contains("'nope' does not exist", await Refused(fs, "list", "nope"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x", "contains '..'")]
    [InlineData("a/../../x", "contains '..'")]
    [InlineData("./a", "contains '.'")]
    [InlineData("/etc/passwd", "is absolute")]
    [InlineData("a\\..\\b", "backslash")]
    [InlineData("C:/Windows/win.ini", "is absolute")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a/", "empty segment")]
    [InlineData("x\0y", "control character")]
    [InlineData(".git/config", ".git")]
    [InlineData("", "is empty")]
    public async Task Paths_that_could_leave_assets_are_refused_for_every_method(string path, string reason)
    {
        using var fs = Extension();
        Assert.Contains(reason, await Refused(fs, "read", path), StringComparison.Ordinal);
        Assert.Contains(reason, await Refused(fs, "write", path, "x"), StringComparison.Ordinal);
        Assert.Contains(reason, await Refused(fs, "delete", path), StringComparison.Ordinal);
        Assert.Equal(0, _changes);
        Assert.False(File.Exists(_temp.Combine("x")));
    }

    [Fact]
    public async Task A_folder_link_inside_assets_pointing_outside_is_refused_for_read_write_list_and_delete()
    {
        Directory.CreateDirectory(Assets);
        Directory.CreateSymbolicLink(Path.Join(Assets, "docs"), Outside);
        using var fs = Extension();
        const string Reason = "goes through a link";
        Assert.Contains(Reason, await Refused(fs, "read", "docs/secret.txt"), StringComparison.Ordinal);
        Assert.Contains(Reason, await Refused(fs, "write", "docs/secret.txt", "overwritten"), StringComparison.Ordinal);
        Assert.Contains(Reason, await Refused(fs, "write", "docs/new.txt", "planted"), StringComparison.Ordinal);
        Assert.Contains(Reason, await Refused(fs, "list", "docs"), StringComparison.Ordinal);
        Assert.Contains(Reason, await Refused(fs, "delete", "docs/secret.txt"), StringComparison.Ordinal);
        Assert.Equal("top secret", File.ReadAllText(Path.Join(Outside, "secret.txt")));
        Assert.False(File.Exists(Path.Join(Outside, "new.txt")));
        Assert.Equal("[]", (await Invoke(fs, "list"))!.ToJsonString());
    }

    [Fact]
    public async Task A_file_link_and_a_dangling_link_are_refused_and_the_target_is_untouched()
    {
        Directory.CreateDirectory(Assets);
        File.CreateSymbolicLink(Path.Join(Assets, "notes.txt"), Path.Join(Outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Join(Assets, "later.txt"), Path.Join(Outside, "not-yet.txt"));
        using var fs = Extension();
        Assert.Contains("goes through a link", await Refused(fs, "read", "notes.txt"), StringComparison.Ordinal);
        Assert.Contains("goes through a link", await Refused(fs, "write", "notes.txt", "overwritten"), StringComparison.Ordinal);
        Assert.Contains("goes through a link", await Refused(fs, "write", "later.txt", "planted"), StringComparison.Ordinal);
        Assert.Equal("top secret", File.ReadAllText(Path.Join(Outside, "secret.txt")));
        Assert.False(File.Exists(Path.Join(Outside, "not-yet.txt")));
    }

    [Fact]
    public async Task An_assets_folder_that_is_itself_a_link_is_refused()
    {
        Directory.CreateSymbolicLink(Assets, Outside);
        using var fs = Extension();
        Assert.Contains("goes through a link", await Refused(fs, "read", "secret.txt"), StringComparison.Ordinal);
        Assert.Contains("goes through a link", await Refused(fs, "list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_size_total_size_and_file_count_limits_hold()
    {
        using var fs = Extension(new FsExtensionOptions { MaxFileBytes = 10, MaxTotalBytes = 25, MaxFiles = 3 });
        Assert.Contains("larger than the limit of 10 bytes", await Refused(fs, "write", "a.txt", new string('a', 11)), StringComparison.Ordinal);
        Assert.Contains("larger than the limit of 10 bytes", await Refused(fs, "write", "a.txt", "ééééé€"), StringComparison.Ordinal);
        await Invoke(fs, "write", "a.txt", new string('a', 10));
        await Invoke(fs, "write", "b.txt", new string('b', 10));
        Assert.Contains("more than 25 bytes", await Refused(fs, "write", "c.txt", new string('c', 6)), StringComparison.Ordinal);
        await Invoke(fs, "write", "b.txt", "b");
        await Invoke(fs, "write", "c.txt", "c");
        Assert.Contains("more than 3 files", await Refused(fs, "write", "d.txt", "d"), StringComparison.Ordinal);
        await Invoke(fs, "write", "c.txt", "cc");

        File.WriteAllText(Path.Join(Assets, "big.bin"), new string('z', 11));
        Assert.Contains("larger than the limit of 10 bytes", await Refused(fs, "read", "big.bin"), StringComparison.Ordinal);
        Assert.Equal(5, _changes);
    }

    [Fact]
    public async Task Writes_replace_files_atomically_so_a_reader_only_ever_sees_a_whole_version()
    {
        using var fs = Extension();
        var versions = new[] { new string('1', 200_000), new string('2', 300_000) };
        await Invoke(fs, "write", "data.txt", versions[0]);
        using var done = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var reads = 0;
            while (!done.IsCancellationRequested || reads == 0)
            {
                var text = await File.ReadAllTextAsync(Path.Join(Assets, "data.txt"));
                Assert.Contains(text, versions);
                reads++;
            }

            return reads;
        }, TestContext.Current.CancellationToken);
        for (var i = 0; i < 40; i++)
        {
            await Invoke(fs, "write", "data.txt", versions[i % 2]);
        }

        await done.CancelAsync();
        Assert.True(await reader > 0);
        Assert.Equal(["data.txt"], Directory.GetFiles(Assets).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Arguments_are_checked()
    {
        using var fs = Extension();
        Assert.Contains("argument 1 (path) must be a string", await Refused(fs, "read", 5), StringComparison.Ordinal);
        Assert.Contains("argument 2 (text) is required", await Refused(fs, "write", "a.txt"), StringComparison.Ordinal);
        Assert.Contains("takes at most 1 argument (path), got 2", await Refused(fs, "read", "a", "b"), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FsExtension("relative/assets", new FsExtensionOptions()));
    }

    private FsExtension Extension(FsExtensionOptions? options = null) =>
        new(Assets, options ?? new FsExtensionOptions(), () => Interlocked.Increment(ref _changes));

    private static ExtensionCall Call(string method, params JsonNode?[] args) => new("panel-1", BuiltInExtensions.Fs, method, args);

    private static Task<JsonNode?> Invoke(FsExtension fs, string method, params JsonNode?[] args) =>
        fs.InvokeAsync(Call(method, args), TestContext.Current.CancellationToken);

    private static async Task<string> Refused(FsExtension fs, string method, params JsonNode?[] args) =>
        (await Assert.ThrowsAsync<ExtensionException>(() => fs.InvokeAsync(Call(method, args), TestContext.Current.CancellationToken))).Message;
}
