using System.Text.Json;

namespace Nexus.Cli.Tests;

/// <summary>The starter panels that ship in <c>panels/</c> (offered when adding a panel): they check clean, are canonical, and work.</summary>
public sealed class StarterPanelTests
{
    public static TheoryData<string> Panels => [.. Directory.GetFiles(TestPaths.Panels, "*.nxml").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Panels))]
    public void Panel_checks_without_a_diagnostic_and_is_in_canonical_form(string file)
    {
        var check = CliRunner.Run(TestPaths.Panels, "check", file);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal("1 file(s) checked: 0 error(s), 0 warning(s)", check.Out.Trim());

        var format = CliRunner.Run(TestPaths.Panels, "fmt", "--check", file);
        Assert.Equal(0, format.ExitCode);
    }

    [Fact]
    public void Tasks_panel_adds_ticks_off_and_clears_tasks()
    {
        var result = CliRunner.Run(TestPaths.Panels, "run", "tasks.nxml", "--state", """{"draft":"  write the docs "}""",
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

    [Fact]
    public void There_are_at_least_the_five_starters()
    {
        Assert.Subset(Panels.Select(p => p.Data).ToHashSet(), new HashSet<string> { "notes.nxml", "tasks.nxml", "counter.nxml", "server-monitor.nxml", "chart-dashboard.nxml" });
    }

    [Fact]
    public void Counter_panel_counts_by_its_step_and_resets()
    {
        var state = RunState("counter.nxml", """{"step":5}""", "--call", "increment", "--call", "increment", """{"by":2}""", "--call", "decrement", "--call", "reset", "--call", "increment");
        Assert.Equal(5, state.GetProperty("count").GetInt32());
        Assert.Equal("up", state.GetProperty("trend").GetString());
    }

    [Fact]
    public void Notes_panel_adds_pins_searches_and_removes()
    {
        var state = RunState("notes.nxml", """{"draftTitle":"Groceries","draftBody":"milk, eggs","search":"IDEA"}""",
            "--call", "add", "--call", "add", """{"title":"Idea","body":"a panel for plants"}""", "--call", "add", """{"body":"another idea\nwith two lines"}""",
            "--call", "togglePin", "[3]", "--call", "remove", "[1]");
        Assert.Equal(["another idea", "Idea"], state.GetProperty("shown").EnumerateArray().Select(n => n.GetProperty("title").GetString()));
        Assert.True(state.GetProperty("shown")[0].GetProperty("pinned").GetBoolean());
        Assert.Equal(2, state.GetProperty("count").GetInt32());
        Assert.Equal("", state.GetProperty("draftTitle").GetString());
    }

    [Fact]
    public void Server_monitor_panel_judges_readings_against_its_limits_and_refuses_impossible_ones()
    {
        var result = CliRunner.Run(TestPaths.Panels, "run", "server-monitor.nxml",
            "--call", "record", """{"cpu":20,"memory":30,"latencyMs":80}""", "--call", "record", """{"cpu":97,"memory":95,"latencyMs":90}""",
            "--call", "record", """{"cpu":120,"memory":1,"latencyMs":1}""", "--call", "simulate");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var results = json.RootElement.GetProperty("results");
        Assert.Equal("success", results[0].GetProperty("returnValue").GetString());
        Assert.Equal("error", results[1].GetProperty("returnValue").GetString());
        Assert.Equal("toast", results[1].GetProperty("events")[0].GetProperty("name").GetString());
        Assert.Equal("error", results[2].GetProperty("status").GetString());
        Assert.Contains("between 0 and 100", results[2].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("success", results[3].GetProperty("status").GetString());
        var state = json.RootElement.GetProperty("state");
        Assert.Equal(3, state.GetProperty("readings").GetArrayLength());
        Assert.Contains("cpu, memory", state.GetProperty("events")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_dashboard_panel_adds_points_sums_them_and_switches_chart_type()
    {
        var state = RunState("chart-dashboard.nxml", """{"series":[]}""",
            "--call", "addPoint", """{"label":"Jan","value":10}""", "--call", "addPoint", """{"label":"Feb","value":30}""", "--call", "addPoint", """{"label":"Feb","value":1}""",
            "--call", "showAs", """{"type":"pie"}""", "--call", "showAs", """{"type":"donut"}""");
        Assert.Equal(40, state.GetProperty("total").GetInt32());
        Assert.Equal(20, state.GetProperty("average").GetDouble());
        Assert.Equal("Feb", state.GetProperty("peak").GetProperty("label").GetString());
        Assert.Equal("up", state.GetProperty("trend").GetString());
        Assert.Equal("pie", state.GetProperty("chartType").GetString());
    }

    /// <summary>Runs the calls on the panel (with this saved state) and returns the final state.</summary>
    private static JsonElement RunState(string panel, string savedState, params string[] calls)
    {
        var result = CliRunner.Run(TestPaths.Panels, ["run", panel, "--state", savedState, .. calls]);
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("state").Clone();
    }
}
