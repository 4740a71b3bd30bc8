using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>
/// Pictures of the main screens, saved as PNGs under the test output (<c>screenshots/</c>) for people to look at
/// after a run; the test checks that each one was taken.
/// </summary>
public sealed class ScreenshotTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task The_main_screens_are_saved_as_pictures()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        var saved = new List<string>();

        await page.GotoAsync("/signin");
        saved.Add(await Screenshots.SaveAsync(page, "signin"));

        await StudioPages.SignUpAsync(page, "pictures@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Board game prototype");
        await StudioPages.AddTemplatePanelAsync(page, "tasks");
        await StudioPages.AddTemplatePanelAsync(page, "counter"); // the form closes after each panel
        saved.Add(await Screenshots.SaveAsync(page, "workspace"));

        await page.Locator("[data-action=toggle-add-panel]").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Paste NXML" }).ClickAsync();
        await page.Locator("[data-section=add-panel] textarea").FillAsync("<NexusPanel id=\"x\" title=\"X\"><Data><State name=\"n\" type=\"nope\" /></Data></NexusPanel>");
        await page.Locator("[data-action=check-nxml]").ClickAsync();
        await page.Locator("[data-check=errors]").WaitForAsync();
        saved.Add(await Screenshots.SaveAsync(page, "add-panel-diagnostics"));

        await StudioPages.OpenLauncherAsync(page);
        await page.Locator("[data-workspace]").First.WaitForAsync();
        saved.Add(await Screenshots.SaveAsync(page, "launcher"));

        Assert.Equal(saved.Count, saved.Distinct().Count(File.Exists));
    }
}
