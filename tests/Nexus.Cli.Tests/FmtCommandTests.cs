namespace Nexus.Cli.Tests;

public sealed class FmtCommandTests
{
    private const string Messy = """
        <NexusPanel title="Counter"   id="counter">
        <View><Button trigger="inc" label="+1"/>
              <Metric value="{$state.count}" label="Count"/></View>
          <Data>
             <State type="number" name="count" default="0"/>
          </Data>
          <Logic><Tool name="inc"><Handler>
                    $state.count = $state.count + 1;
                    return $state.count;
          </Handler></Tool></Logic>
        </NexusPanel>
        """;

    [Fact]
    public void Rewrites_a_file_in_canonical_form_and_then_leaves_it_alone()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("counter.nxml", Messy);

        var first = CliRunner.Run(temp.Path, "fmt", "counter.nxml");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("formatted counter.nxml", first.Out, StringComparison.Ordinal);
        var formatted = File.ReadAllText(file);
        Assert.StartsWith("<NexusPanel id=\"counter\" title=\"Counter\">\n  <Data>\n    <State name=\"count\" type=\"number\" default=\"0\" />", formatted, StringComparison.Ordinal);
        Assert.Contains("      <Handler>\n        $state.count = $state.count + 1;\n        return $state.count;\n      </Handler>", formatted, StringComparison.Ordinal);
        Assert.True(formatted.IndexOf("<Data>", StringComparison.Ordinal) < formatted.IndexOf("<Logic>", StringComparison.Ordinal));
        Assert.True(formatted.IndexOf("<Logic>", StringComparison.Ordinal) < formatted.IndexOf("<View>", StringComparison.Ordinal));

        var again = CliRunner.Run(temp.Path, "fmt", "counter.nxml");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(string.Empty, again.Out);
        Assert.Equal(formatted, File.ReadAllText(file));
        Assert.Equal(0, CliRunner.Run(temp.Path, "fmt", "--check", "counter.nxml").ExitCode);
        Assert.Equal(0, CliRunner.Run(temp.Path, "check", "counter.nxml").ExitCode);
    }

    [Fact]
    public void Check_reports_files_that_would_change_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("counter.nxml", Messy);
        var result = CliRunner.Run(temp.Path, "fmt", "--check", "counter.nxml");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("counter.nxml: would be reformatted", result.Out, StringComparison.Ordinal);
        Assert.Equal(Messy, File.ReadAllText(file));
    }

    [Fact]
    public void A_file_with_errors_is_never_rewritten()
    {
        using var temp = new TempDirectory();
        var broken = Messy.Replace("trigger=\"inc\"", "trigger=\"ghost\"", StringComparison.Ordinal);
        var file = temp.Write("broken.nxml", broken);
        var result = CliRunner.Run(temp.Path, "fmt", "broken.nxml");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("UNDEFINED_TOOL_REFERENCE", result.Error, StringComparison.Ordinal);
        Assert.Contains("not formatted, it has errors", result.Error, StringComparison.Ordinal);
        Assert.Equal(broken, File.ReadAllText(file));
    }

    [Fact]
    public void Every_valid_conformance_file_formats_to_a_fixed_point()
    {
        using var temp = new TempDirectory();
        var names = Directory.GetFiles(TestPaths.NxmlSuite, "valid-*.nxml").Select(Path.GetFileName).ToArray();
        foreach (var name in names)
        {
            File.Copy(Path.Combine(TestPaths.NxmlSuite, name!), Path.Combine(temp.Path, name!));
        }

        Assert.Equal(0, CliRunner.Run(temp.Path, ["fmt", .. names!]).ExitCode);
        var result = CliRunner.Run(temp.Path, ["fmt", "--check", .. names!]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, CliRunner.Run(temp.Path, ["check", .. names!]).ExitCode);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        using var temp = new TempDirectory();
        var result = CliRunner.Run(temp.Path, "fmt", "nothing-here.nxml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read nothing-here.nxml", result.Error, StringComparison.Ordinal);
    }
}
