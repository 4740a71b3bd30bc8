using System.Text.Json;

namespace Nexus.Cli.Tests;

public sealed class AstCommandTests
{
    [Fact]
    public void Prints_the_json_ast_with_locations_and_layout()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "ast", "valid-server-monitor.nxml");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("NexusPanel", root.GetProperty("kind").GetString());
        Assert.Equal("Cluster Health", root.GetProperty("meta").GetProperty("title").GetString());
        Assert.Equal(1, root.GetProperty("loc").GetProperty("startLine").GetInt32());
        var firstChild = root.GetProperty("view").GetProperty("root").GetProperty("children")[0];
        Assert.Equal("Metric", firstChild.GetProperty("type").GetString());
        Assert.Equal("{$state.cpu_load}%", firstChild.GetProperty("props").GetProperty("value").GetString());
        Assert.Equal(3, firstChild.GetProperty("layout").GetProperty("colSpan").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("data").GetProperty("states")[2].GetProperty("default").ValueKind);
    }

    [Fact]
    public void Locations_can_be_left_out()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "ast", "--no-locations", "valid-counter.nxml");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("\"loc\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_errors_still_prints_its_tree_and_exits_1()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "ast", "err-undefined-tool.nxml");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error UNDEFINED_TOOL_REFERENCE", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("NexusPanel", json.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void A_file_that_does_not_parse_prints_no_tree()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "ast", "err-parse-unclosed.nxml");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("PARSE_ERROR", result.Error, StringComparison.Ordinal);
    }
}
