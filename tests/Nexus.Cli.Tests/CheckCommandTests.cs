using System.Text.Json;

namespace Nexus.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void A_valid_file_exits_0()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "check", "valid-tasks.nxml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 file(s) checked: 0 error(s), 0 warning(s)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_print_like_a_compiler_and_exit_1()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "check", "err-undefined-tool.nxml", "valid-counter.nxml");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("err-undefined-tool.nxml(8,36): error UNDEFINED_TOOL_REFERENCE: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("err-undefined-tool.nxml(4,", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "check", "warn-unused.nxml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(": warning UNUSED_STATE: ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_lists_every_file_with_its_diagnostics()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "check", "--format", "json", "err-lifecycle.nxml", "valid-counter.nxml");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var files = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["err-lifecycle.nxml", "valid-counter.nxml"], files.Select(f => f.GetProperty("file").GetString()));
        var diagnostics = files[0].GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(["DUPLICATE_LIFECYCLE", "INVALID_LIFECYCLE_EVENT"], diagnostics.Select(d => d.GetProperty("code").GetString()));
        var first = diagnostics[0];
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal(5, first.GetProperty("line").GetInt32());
        Assert.True(first.GetProperty("column").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("message").GetString()));
        Assert.Equal(["logic", "lifecycles", "mount"], first.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(files[1].GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public void A_missing_file_is_an_io_problem_exit_2_and_the_other_files_are_still_checked()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "check", "does-not-exist.nxml", "valid-counter.nxml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read does-not-exist.nxml", result.Error, StringComparison.Ordinal);
        Assert.Contains("1 file(s) checked", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--format", "xml", "valid-counter.nxml")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Usage_errors_exit_2(params string[] args)
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nexus --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_input_is_a_diagnostic_not_a_crash()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "garbage.nxml");
        File.WriteAllBytes(file, [0xFF, 0xFE, 0x00, 0x12, 0x80, 0x81]);
        var result = CliRunner.Run(temp.Path, "check", "garbage.nxml");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("garbage.nxml(1,1): error PARSE_ERROR", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_the_commands()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("check", result.Out, StringComparison.Ordinal);
        Assert.Contains("layout", result.Out, StringComparison.Ordinal);
    }
}
