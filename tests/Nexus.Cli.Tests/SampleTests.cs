using System.Text.Json;

namespace Nexus.Cli.Tests;

/// <summary>The sample panels the README points people to: they check clean, are canonical, and work.</summary>
public sealed class SampleTests
{
    public static TheoryData<string> Samples => [.. Directory.GetFiles(TestPaths.Samples, "*.nxml").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_checks_without_a_diagnostic_and_is_in_canonical_form(string file)
    {
        var check = CliRunner.Run(TestPaths.Samples, "check", file);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal("1 file(s) checked: 0 error(s), 0 warning(s)", check.Out.Trim());

        var format = CliRunner.Run(TestPaths.Samples, "fmt", "--check", file);
        Assert.Equal(0, format.ExitCode);
    }

    [Fact]
    public void Tasks_sample_adds_ticks_off_and_clears_tasks()
    {
        var result = CliRunner.Run(TestPaths.Samples, "run", "tasks.nxml", "--state", """{"draft":"  write the docs "}""",
            "--call", "add", "--call", "add", """{"text":"ship it"}""", "--call", "toggle", "[1]", "--call", "clearDone", "--call", "add");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var state = json.RootElement.GetProperty("state");
        Assert.Equal(["write the docs", "ship it"], state.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("text").GetString()));
        Assert.Equal(2, state.GetProperty("open").GetInt32());
        Assert.Equal(4, state.GetProperty("nextId").GetInt32());

        var results = json.RootElement.GetProperty("results");
        Assert.Equal("toast", results[3].GetProperty("events")[0].GetProperty("name").GetString());
        var refused = results[4];
        Assert.Equal("error", refused.GetProperty("status").GetString());
        Assert.Equal("HANDLER_ERROR", refused.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("needs some text", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
