using System.Text.Json;

namespace Nexus.Cli.Tests;

public sealed class RunCommandTests
{
    [Fact]
    public void Runs_the_calls_in_order_on_one_instance_and_prints_state_results_and_log()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "run", "valid-tasks.nxml", "--state", """{"draft":"buy milk"}""", "--call", "add", "--call", "toggle", """{"id":1}""", "--call", "remove", "[1]");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var todos = root.GetProperty("state").GetProperty("todos");
        Assert.Equal(1, todos.GetArrayLength());
        Assert.Equal("buy milk", todos[0].GetProperty("text").GetString());
        Assert.Equal(1, root.GetProperty("state").GetProperty("openCount").GetInt32());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["add", "toggle", "remove"], results.Select(r => r.GetProperty("tool").GetString()));
        Assert.All(results, r => Assert.Equal("success", r.GetProperty("status").GetString()));
        Assert.True(results[0].GetProperty("returnValue").GetBoolean());
        Assert.Equal(["todos", "draft"], results[0].GetProperty("mutations").EnumerateArray().Select(m => m.GetProperty("key").GetString()));
        Assert.Equal("openCount", results[0].GetProperty("computed")[0].GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("log").ValueKind);
    }

    [Fact]
    public void A_failing_tool_is_reported_in_its_result_and_the_run_still_exits_0()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "run", "valid-counter.nxml", "--call", "nope", "--call", "inc");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var results = json.RootElement.GetProperty("results");
        Assert.Equal("TOOL_NOT_FOUND", results[0].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("success", results[1].GetProperty("status").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("state").GetProperty("count").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("log").EnumerateArray(), l => l.GetString()!.Contains("TOOL_NOT_FOUND", StringComparison.Ordinal));
    }

    [Fact]
    public void Handler_errors_carry_their_location_in_the_file()
    {
        using var temp = new TempDirectory();
        temp.Write("bad.nxml", "<NexusPanel title=\"t\">\n<Data><State name=\"x\" type=\"number\"/></Data>\n<Logic><Tool name=\"t\"><Handler>\n  $state.x = 1;\n  null.boom;\n</Handler></Tool></Logic>\n<View><Button label=\"t\" trigger=\"t\"/><Text content=\"{$state.x}\"/></View>\n</NexusPanel>");
        var result = CliRunner.Run(temp.Path, "run", "bad.nxml", "--call", "t");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var error = json.RootElement.GetProperty("results")[0].GetProperty("error");
        Assert.Equal("HANDLER_ERROR", error.GetProperty("code").GetString());
        Assert.Equal(5, error.GetProperty("line").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("state").GetProperty("x").GetInt32());
    }

    [Fact]
    public void A_panel_with_errors_exits_1_with_its_diagnostics()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "run", "err-undefined-tool.nxml", "--call", "t");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("UNDEFINED_TOOL_REFERENCE", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Theory]
    [InlineData("--state", "not json")]
    [InlineData("--state", "[1]")]
    [InlineData("--call", "{\"a\":1}")]
    [InlineData("--call", "inc", "{broken")]
    public void Bad_json_is_a_usage_error(params string[] options)
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, ["run", "valid-counter.nxml", .. options]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("nexus: ", result.Error, StringComparison.Ordinal);
    }
}
