using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;
using Nexus.Studio.WorkspaceView.Editor;

namespace Nexus.Studio.Tests.WorkspaceView.Editor;

/// <summary>
/// The source editor page on a real workspace. Monaco itself needs a browser: here the page gets the editor's text
/// through the editor component's <c>TextChanged</c>, as Monaco reports every edit.
/// </summary>
public sealed class PanelSourcePageTests
{
    [Fact]
    public async Task An_error_shows_its_finding_and_blocks_saving_then_the_fixed_source_is_saved_and_the_panel_reloads()
    {
        await using var editor = await OpenAsync(StudioRole.Editor);
        var (live, port, page) = (editor.Live, editor.Port, editor.Page);
        Assert.True(page.Find("[data-action=save-source]").HasAttribute("disabled"));

        Type(page, EditorPanels.Broken);
        page.Until(() => Assert.NotNull(page.Find("[data-check-state=errors] [data-diagnostic=INVALID_TYPE]")));
        Assert.True(page.Find("[data-action=save-source]").HasAttribute("disabled"));
        Assert.Contains("1 error", page.Find("[data-status=check]").TextContent, StringComparison.Ordinal);

        Type(page, EditorPanels.Renamed);
        page.Until(() => Assert.NotNull(page.Find("[data-check-state=clean] [data-check=clean]")));
        page.Find("[data-action=save-source]").Click();

        page.Until(() => Assert.Contains("Edit panel counter", page.Find("[data-notice=saved]").TextContent, StringComparison.Ordinal));
        Assert.Equal(EditorPanels.Renamed, live.Workspace.GetPanel("counter").Source);
        page.Until(() => Assert.Contains("Clicks: 0", live.RenderView(live.Session).Find(".count").TextContent, StringComparison.Ordinal));
        Assert.NotNull(page.Find("[data-status=saved]"));
        Assert.True(page.Find("[data-action=save-source]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_findings_reach_the_code_editor_as_markers()
    {
        var (live, port) = await StartAsync(StudioRole.Editor);
        await using var _ = live;
        var module = live.Bunit.JSInterop.SetupModule("./_content/Nexus.Studio/nxml-editor.js");
        module.Setup<bool>("setMarkers", _ => true).SetResult(true);
        var page = Render(live, port);

        Type(page, EditorPanels.Broken);

        page.Until(() => Assert.Contains(module.Invocations["setMarkers"], call =>
            call.Arguments[1] is IReadOnlyList<EditorMarker> markers && markers.Any(m => m.Code == "INVALID_TYPE" && m.IsError && m.StartLine == 2)));
    }

    [Fact]
    public async Task Choosing_a_finding_moves_the_cursor_to_it()
    {
        await using var editor = await OpenAsync(StudioRole.Editor);
        var (live, port, page) = (editor.Live, editor.Port, editor.Page);
        Type(page, EditorPanels.Broken);
        page.Until(() => Assert.NotNull(page.Find("[data-check-state=errors] [data-diagnostic=INVALID_TYPE]")));
        var finding = SourceCheck.Of(EditorPanels.Broken).Diagnostics.First(d => d.Code == "INVALID_TYPE");

        page.Find("[data-diagnostic=INVALID_TYPE]").Click();

        page.Until(() => Assert.Contains(live.Bunit.JSInterop.Invocations, call =>
            call.Identifier == "blazorMonaco.editor.setPosition" && call.Arguments[1] is BlazorMonaco.Position position
            && position.LineNumber == finding.Line && position.Column == finding.Column));
    }

    [Fact]
    public async Task The_layout_sketch_follows_the_check_and_stays_while_the_text_does_not_parse()
    {
        await using var editor = await OpenAsync(StudioRole.Editor);
        var (live, port, page) = (editor.Live, editor.Port, editor.Page);
        Assert.Contains("<svg", page.Find("[data-sketch=svg]").InnerHtml, StringComparison.Ordinal);

        Type(page, EditorPanels.Counter[..60]);
        page.Until(() => Assert.NotNull(page.Find("[data-sketch=stale]")));
        Assert.Contains("<svg", page.Find("[data-sketch=svg]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_instead_creates_a_proposal_with_the_edit_and_links_to_the_proposals()
    {
        await using var editor = await OpenAsync(StudioRole.Editor);
        var (live, port, page) = (editor.Live, editor.Port, editor.Page);
        Type(page, EditorPanels.Renamed);
        page.Until(() => Assert.False(page.Find("[data-action=propose-source]").HasAttribute("disabled")));

        page.Find("[data-action=propose-source]").Click();
        page.Until(() => page.Find("[data-section=propose] input").Input("Say clicks"));
        page.Find("[data-action=create-proposal]").Click();

        page.Until(() => Assert.NotNull(page.Find("[data-notice=proposed]")));
        var proposal = Assert.Single(live.Workspace.Proposals.List());
        Assert.Equal("Say clicks", proposal.Title);
        Assert.Equal(["panels/counter.nxml"], proposal.ChangedPaths);
        Assert.Equal($"/w/{port.WorkspaceId:D}/proposals", page.Find("[data-action=open-proposals]").GetAttribute("href"));
        Assert.Equal(EditorPanels.Counter, live.Workspace.GetPanel("counter").Source);
    }

    [Fact]
    public async Task A_source_saved_elsewhere_under_an_edit_is_reported_and_not_overwritten_until_reloaded()
    {
        await using var editor = await OpenAsync(StudioRole.Editor);
        var (live, port, page) = (editor.Live, editor.Port, editor.Page);
        var mine = EditorPanels.Counter.Replace("Counter", "Mine", StringComparison.Ordinal);
        Type(page, mine);
        page.Until(() => Assert.False(page.Find("[data-action=save-source]").HasAttribute("disabled")));

        await live.Workspace.ReplaceSourceAsync("counter", EditorPanels.Renamed);

        page.Until(() => Assert.NotNull(page.Find("[data-conflict=yes]")));
        Assert.True(page.Find("[data-action=save-source]").HasAttribute("disabled"));
        Assert.Equal(EditorPanels.Renamed, live.Workspace.GetPanel("counter").Source);

        page.Find("[data-action=reload-source]").Click();
        page.Until(() => Assert.Empty(page.FindAll("[data-conflict]")));
        Assert.NotNull(page.Find("[data-status=saved]"));
    }

    [Fact]
    public async Task An_untouched_editor_shows_a_source_saved_elsewhere()
    {
        await using var editor = await OpenAsync(StudioRole.Editor);
        var (live, port, page) = (editor.Live, editor.Port, editor.Page);

        await live.Workspace.ReplaceSourceAsync("counter", EditorPanels.Renamed);

        page.Until(() => Assert.NotNull(page.Find("[data-notice=reloaded]")));
        Assert.Empty(page.FindAll("[data-conflict]"));
        Assert.NotNull(page.Find("[data-status=saved]"));
        page.Until(() => Assert.Contains("Clicks: ", page.Find("[data-sketch=svg]").InnerHtml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_reads_the_source_without_save_or_propose()
    {
        await using var editor = await OpenAsync(StudioRole.Viewer);
        var (live, port, page) = (editor.Live, editor.Port, editor.Page);

        Assert.NotNull(page.Find("[data-readonly=yes]"));
        Assert.True(page.FindComponent<MonacoSourceEditor>().Instance.ReadOnly);
        Assert.Empty(page.FindAll("[data-action=save-source]"));
        Assert.Empty(page.FindAll("[data-action=propose-source]"));
    }

    [Fact]
    public async Task An_editor_demoted_while_editing_is_refused_the_save_and_keeps_the_text()
    {
        await using var editor = await OpenAsync(StudioRole.Editor);
        var (live, port, page) = (editor.Live, editor.Port, editor.Page);
        Type(page, EditorPanels.Renamed);
        page.Until(() => Assert.False(page.Find("[data-action=save-source]").HasAttribute("disabled")));

        port.Role = StudioRole.Viewer;
        page.Find("[data-action=save-source]").Click();

        page.Until(() => Assert.NotNull(page.Find("[data-refusal=FORBIDDEN]")));
        Assert.Equal(EditorPanels.Counter, live.Workspace.GetPanel("counter").Source);
        Assert.NotNull(page.Find("[data-status=unsaved]"));
    }

    [Theory]
    [InlineData(StudioRole.Editor, "edit-source")]
    [InlineData(StudioRole.Viewer, "view-source")]
    public async Task A_panel_card_links_to_its_source_editing_for_editors_and_reading_for_viewers(StudioRole role, string action)
    {
        var (live, port) = await StartAsync(role);
        await using var _ = live;

        var page = live.RenderWorkspacePage(port.WorkspaceId);

        page.Until(() => Assert.Equal(
            PanelSourcePage.PathOf(port.WorkspaceId, "counter"),
            page.Find($"[data-panel-card=counter] [data-action={action}]").GetAttribute("href")));
    }

    [Fact]
    public async Task A_panel_that_does_not_exist_says_so()
    {
        var (live, port) = await StartAsync(StudioRole.Editor);
        await using var _ = live;

        var page = live.Bunit.Render<SourcePageHost>(p => p.Add(h => h.WorkspaceId, port.WorkspaceId).Add(h => h.PanelId, "nope"));

        page.Until(() => Assert.NotNull(page.Find("[data-refusal=PANEL_NOT_FOUND]")));
    }

    /// <summary>The editor's panel in a real workspace behind the port, and a signed-in member the port knows.</summary>
    private static async Task<(LivePanel Live, OneWorkspace Port)> StartAsync(StudioRole role)
    {
        var port = new OneWorkspace(role);
        var live = await LivePanel.StartAsync(EditorPanels.Counter, prepare: port.SignIn);
        return (live, port);
    }

    /// <summary>The editor page open on the counter panel, for a member with <paramref name="role"/>.</summary>
    private static async Task<OpenEditor> OpenAsync(StudioRole role)
    {
        var (live, port) = await StartAsync(role);
        return new OpenEditor(live, port, Render(live, port));
    }

    private static IRenderedComponent<SourcePageHost> Render(LivePanel live, OneWorkspace port)
    {
        var page = live.Bunit.Render<SourcePageHost>(p => p.Add(h => h.WorkspaceId, port.WorkspaceId).Add(h => h.PanelId, "counter"));
        page.Until(() => Assert.NotNull(page.Find("[data-section=diagnostics]")));
        return page;
    }

    /// <summary>What Monaco reports after an edit: the editor's whole text.</summary>
    private static void Type(IRenderedComponent<SourcePageHost> page, string text)
    {
        var editor = page.FindComponent<MonacoSourceEditor>();
        page.InvokeAsync(() => editor.Instance.TextChanged.InvokeAsync(text)).GetAwaiter().GetResult();
    }

    private sealed record OpenEditor(LivePanel Live, OneWorkspace Port, IRenderedComponent<SourcePageHost> Page) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Live.DisposeAsync();
    }
}
