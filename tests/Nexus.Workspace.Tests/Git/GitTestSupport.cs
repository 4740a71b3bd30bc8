using System.Diagnostics;
using Nexus.Workspace.Git;

namespace Nexus.Workspace.Tests.Git;

/// <summary>A store in a temporary directory; disposing it closes the store and deletes the directory.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TempStore() => Store = GitStore.Create(_directory.Sub("repo.git"));

    public GitStore Store { get; }

    public string Sub(string name) => _directory.Sub(name);

    public void Dispose()
    {
        Store.Dispose();
        _directory.Dispose();
    }
}

/// <summary>Runs the real git command line against a repository, so tests prove the repositories are valid for git.</summary>
internal static class GitCli
{
    public static string Run(string repository, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--git-dir=" + repository);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "git did not finish within 60 s");
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error.Result}");
        return output.Result;
    }

    public static string[] Lines(string repository, params string[] arguments) =>
        Run(repository, arguments).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
