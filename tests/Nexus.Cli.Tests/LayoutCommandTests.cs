using System.Xml.Linq;

namespace Nexus.Cli.Tests;

public sealed class LayoutCommandTests
{
    [Fact]
    public void Prints_the_grid_placement_of_each_component()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "layout", "valid-server-monitor.nxml");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Layout auto", lines[0]);
        Assert.Equal("  [row 1, cols 1-3] Metric CPU", lines[1]);
        Assert.Equal("  [row 2, cols 1-12] LogStream #logs", lines[5]);
    }

    [Fact]
    public void Nested_components_are_indented_under_their_parent()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "layout", "valid-tasks.nxml");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Layout stack", "  Text Open: {$state.openCount}", "  Layout row", "    Input $state.draft", "    Button Add"], lines[..5]);
        Assert.Equal("        Action X", lines[^1]);
    }

    [Fact]
    public void Writes_an_svg_sketch()
    {
        using var temp = new TempDirectory();
        var svg = Path.Combine(temp.Path, "sketch.svg");
        var result = CliRunner.Run(TestPaths.NxmlSuite, "layout", "valid-tasks.nxml", "--svg", svg);
        Assert.Equal(0, result.ExitCode);
        var document = XDocument.Load(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Contains(document.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value.StartsWith("Button Add", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_does_not_parse_exits_1_with_its_diagnostics()
    {
        var result = CliRunner.Run(TestPaths.NxmlSuite, "layout", "err-parse-mismatch.nxml");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PARSE_ERROR", result.Error, StringComparison.Ordinal);
    }
}
