using Nexus.Nxml.Diagnostics;
using Nexus.Studio.WorkspaceView.Editor;

namespace Nexus.Studio.Tests.WorkspaceView.Editor;

/// <summary>A check's markers and sketch, and the debounce in front of it.</summary>
public sealed class SourceCheckTests
{
    [Fact]
    public void A_finding_becomes_a_marker_over_its_span()
    {
        var check = SourceCheck.Of(EditorPanels.Broken);

        var diagnostic = check.Diagnostics.First(d => d.Code == "INVALID_TYPE");
        var marker = check.Markers.First(m => m.Code == "INVALID_TYPE");
        Assert.True(marker.IsError);
        Assert.Equal((diagnostic.Line, diagnostic.Column), (marker.StartLine, marker.StartColumn));
        Assert.Equal(2, marker.StartLine); // the <State> line
        Assert.True(marker.EndLine > marker.StartLine || marker.EndColumn > marker.StartColumn);
        Assert.False(check.IsClean);
    }

    [Fact]
    public void A_finding_without_an_extent_still_marks_one_character()
    {
        var marker = EditorMarker.From(new Diagnostic("PARSE_ERROR", DiagnosticSeverity.Error, "unexpected end", 3, 7, []));

        Assert.Equal((3, 7, 3, 8), (marker.StartLine, marker.StartColumn, marker.EndLine, marker.EndColumn));
    }

    [Fact]
    public void A_clean_source_has_a_sketch_of_its_layout_and_no_markers()
    {
        var check = SourceCheck.Of(EditorPanels.Counter);

        Assert.True(check.IsClean);
        Assert.Empty(check.Markers);
        Assert.Contains("Text", check.Sketch, StringComparison.Ordinal);
        Assert.StartsWith("<svg", check.Sketch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_last_of_quick_edits_is_checked()
    {
        var results = new List<string>();
        using var checker = new DebouncedSourceCheck(check =>
        {
            lock (results)
            {
                results.Add(check.Text);
            }

            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(300));

        var first = checker.RequestAsync(EditorPanels.Broken);
        var second = checker.RequestAsync(EditorPanels.Counter);
        var last = checker.RequestAsync(EditorPanels.Renamed);
        await Task.WhenAll(first, second, last).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal([EditorPanels.Renamed], results);
    }

    [Fact]
    public async Task Checking_now_drops_the_pending_request()
    {
        var delivered = 0;
        using var checker = new DebouncedSourceCheck(_ =>
        {
            Interlocked.Increment(ref delivered);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(300));

        var pending = checker.RequestAsync(EditorPanels.Broken);
        var now = checker.CheckNow(EditorPanels.Renamed);
        await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(now.IsClean);
        Assert.Equal(0, delivered);
    }
}
