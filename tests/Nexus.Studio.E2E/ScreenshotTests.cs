using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>
/// Pictures of the main screens, saved as PNGs under the test output (<c>screenshots/</c>) for people to look at
/// after a run; the test checks that each one was taken.
/// </summary>
public sealed class ScreenshotTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task The_main_screens_are_saved_as_pictures()
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        var saved = new List<string>();

        await page.GotoAsync("/signin");
        saved.Add(await SaveAsync(page, folder, "signin"));

        await StudioPages.SignUpAsync(page, "pictures@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Board game prototype");
        await StudioPages.AddTemplatePanelAsync(page, "tasks");
        await StudioPages.AddTemplatePanelAsync(page, "counter"); // the form closes after each panel
        saved.Add(await SaveAsync(page, folder, "workspace"));

        await page.Locator("[data-action=toggle-add-panel]").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Paste NXML" }).ClickAsync();
        await page.Locator("[data-section=add-panel] textarea").FillAsync("<NexusPanel id=\"x\" title=\"X\"><Data><State name=\"n\" type=\"nope\" /></Data></NexusPanel>");
        await page.Locator("[data-action=check-nxml]").ClickAsync();
        await page.Locator("[data-check=errors]").WaitForAsync();
        saved.Add(await SaveAsync(page, folder, "add-panel-diagnostics"));

        await StudioPages.OpenLauncherAsync(page);
        await page.Locator("[data-workspace]").First.WaitForAsync();
        saved.Add(await SaveAsync(page, folder, "launcher"));

        foreach (var file in saved)
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.True(bytes.Length > 1000, $"{file} is a real picture");
            Assert.Equal(PngSignature, bytes[..PngSignature.Length]);
        }
    }

    private static async Task<string> SaveAsync(IPage page, string folder, string name)
    {
        var path = Path.Combine(folder, name + ".png");
        File.Delete(path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
