using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>
/// The panel source editor in a real browser: Monaco, the checker's findings while typing, save refused until the
/// source checks clean, and a saved source reloading the panel in the workspace view without a page reload.
/// </summary>
public sealed class EditorScenarioTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    private const string Fixed = """
        <NexusPanel id="counter" title="Counter">
          <Data>
            <State name="count" type="number" default="0" />
          </Data>
          <View>
            <Text className="clicks">Clicks: {$state.count}</Text>
          </View>
        </NexusPanel>
        """;

    private static readonly string Broken = Fixed.Replace("type=\"number\"", "type=\"nope\"", StringComparison.Ordinal);

    [Fact]
    public async Task A_source_with_an_error_shows_the_finding_and_is_not_saved_and_the_fixed_source_is_saved_and_reloaded()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "editor@example.com");
        var workspacePath = await StudioPages.CreateWorkspaceAsync(page, "Editing");
        await StudioPages.AddTemplatePanelAsync(page, "counter");

        // A second tab keeps the workspace open: the saved source must reach it live.
        var watcher = await context.NewPageAsync();
        await watcher.GotoAsync(workspacePath);
        await StudioPages.WaitForInteractiveAsync(watcher, "workspace");
        var watchedCard = watcher.Locator("[data-panel-card=counter]");
        await watchedCard.Locator(".nx-panel[data-interactive=yes]").WaitForAsync();
        await watcher.EvaluateAsync("() => { window.nexusNoReload = true; }");

        await page.Locator("[data-panel-card=counter] [data-action=edit-source]").ClickAsync();
        await OpenEditorAsync(page);
        var save = page.Locator("[data-action=save-source]");

        await ReplaceTextAsync(page, Broken);
        await Assertions.Expect(page.Locator("[data-check-state=errors] [data-diagnostic=INVALID_TYPE]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".monaco-editor .squiggly-error").First).ToBeVisibleAsync();
        await Assertions.Expect(save).ToBeDisabledAsync();
        await Screenshots.SaveAsync(page, "source-editor-diagnostics");

        await ReplaceTextAsync(page, Fixed);
        await Assertions.Expect(page.Locator("[data-check-state=clean]")).ToBeVisibleAsync();
        await Assertions.Expect(save).ToBeEnabledAsync();
        await save.ClickAsync();

        await Assertions.Expect(page.Locator("[data-notice=saved]")).ToContainTextAsync("Edit panel counter");
        await Assertions.Expect(watchedCard.Locator(".clicks")).ToHaveTextAsync("Clicks: 0");
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.nexusNoReload === true"), "the workspace tab was reloaded");

        await page.Locator("[data-action=back-to-workspace]").ClickAsync();
        await StudioPages.WaitForInteractiveAsync(page, "workspace");
        await Assertions.Expect(page.Locator("[data-panel-card=counter] .clicks")).ToHaveTextAsync("Clicks: 0");
    }

    [Fact]
    public async Task Leaving_with_an_unsaved_edit_asks_first()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "leaving@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Leaving");
        await StudioPages.AddTemplatePanelAsync(page, "counter");
        await page.Locator("[data-panel-card=counter] [data-action=edit-source]").ClickAsync();
        await OpenEditorAsync(page);
        await ReplaceTextAsync(page, Fixed);
        await Assertions.Expect(page.Locator("[data-status=unsaved]")).ToBeVisibleAsync();

        await page.Locator("[data-action=back-to-workspace]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Discard changes?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-page=panel-source]")).ToBeVisibleAsync();

        await page.Locator("[data-action=back-to-workspace]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Discard", Exact = true }).ClickAsync();
        await StudioPages.WaitForInteractiveAsync(page, "workspace");
    }

    /// <summary>A browser context allowed to use the clipboard (the text is pasted into Monaco).</summary>
    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await studio.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        return context;
    }

    /// <summary>Waits for the editor page's circuit and for Monaco to have started in it.</summary>
    private static async Task OpenEditorAsync(IPage page)
    {
        await StudioPages.WaitForInteractiveAsync(page, "panel-source");
        await page.Locator("[data-editor=source][data-editor-ready=yes] .monaco-editor[role=code]").WaitForAsync();
    }

    /// <summary>
    /// Replaces the whole text as a person does: click into the editor's first line, select all, paste. (Playwright's
    /// <c>InsertTextAsync</c> of a whole source crashes the page with Monaco 0.34 in this Chromium; a paste works, as
    /// it does for people.)
    /// </summary>
    private static async Task ReplaceTextAsync(IPage page, string text)
    {
        await page.Locator("[data-editor=source] .monaco-editor[role=code] .view-line").First.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", text);
        await page.Keyboard.PressAsync("Control+V");
        await page.Keyboard.PressAsync("Control+Home");
    }
}
