using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>Arranging the workspace grid in a real browser: drag to reorder, resize by menu and by the corner; it all survives a reload.</summary>
public sealed class ArrangeScenarioTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task Dragging_a_panel_onto_another_reorders_them_and_the_order_survives_a_reload()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "arrange-drag@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Drag board");
        await StudioPages.AddTemplatePanelAsync(page, "tasks");
        await StudioPages.AddTemplatePanelAsync(page, "counter");
        await ExpectOrderAsync(page, "tasks", "counter");

        await page.Locator("[data-drag-handle=counter]").DragToAsync(page.Locator("[data-panel-item=tasks]"));

        await ExpectOrderAsync(page, "counter", "tasks");
        await ReloadAsync(page);
        await ExpectOrderAsync(page, "counter", "tasks");
    }

    [Fact]
    public async Task Resizing_by_the_menu_and_by_the_corner_survives_a_reload()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "arrange-resize@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Resize board");
        await StudioPages.AddTemplatePanelAsync(page, "tasks");
        await StudioPages.AddTemplatePanelAsync(page, "counter");
        await StudioPages.AddTemplatePanelAsync(page, "notes");

        await ChooseFromMenuAsync(page, "tasks", "[data-action=arrange-width][data-width='12']");
        var tasks = page.Locator("[data-panel-item=tasks]");
        await Assertions.Expect(tasks).ToHaveAttributeAsync("data-width", "12");
        var grid = await page.Locator("[data-arrange-grid]").BoundingBoxAsync();
        Assert.InRange((await tasks.BoundingBoxAsync())!.Width, grid!.Width - 2, grid.Width + 2);

        // The corner: from the counter's automatic 6 columns, a quarter of the grid to the left snaps to 3 columns.
        var handle = (await page.Locator("[data-resize-handle=counter]").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(handle.X + (handle.Width / 2), handle.Y + (handle.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(handle.X - (grid.Width / 4), handle.Y + (handle.Height / 2), new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("[data-panel-item=counter]")).ToHaveAttributeAsync("data-width", "3");

        await ReloadAsync(page);
        await Assertions.Expect(page.Locator("[data-panel-item=tasks]")).ToHaveAttributeAsync("data-width", "12");
        await Assertions.Expect(page.Locator("[data-panel-item=counter]")).ToHaveAttributeAsync("data-width", "3");
        await ExpectOrderAsync(page, "tasks", "counter", "notes");
        await SaveScreenshotAsync(page, "arranged-grid");
    }

    [Fact]
    public async Task A_narrow_screen_shows_every_panel_full_width_whatever_was_saved()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "arrange-narrow@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Narrow board");
        await StudioPages.AddTemplatePanelAsync(page, "counter");
        await ChooseFromMenuAsync(page, "counter", "[data-action=arrange-width][data-width='3']");
        await Assertions.Expect(page.Locator("[data-panel-item=counter]")).ToHaveAttributeAsync("data-width", "3");

        await page.SetViewportSizeAsync(480, 900);

        var grid = (await page.Locator("[data-arrange-grid]").BoundingBoxAsync())!;
        Assert.InRange((await page.Locator("[data-panel-item=counter]").BoundingBoxAsync())!.Width, grid.Width - 2, grid.Width + 2);
    }

    /// <summary>Opens a panel card's arrange menu and picks an item (MudBlazor draws the menu in a popover).</summary>
    internal static async Task ChooseFromMenuAsync(IPage page, string panelId, string item)
    {
        await page.Locator($"[data-panel-card={panelId}] [data-action=arrange-menu] button").ClickAsync();
        await page.Locator($".mud-popover-open {item}").ClickAsync();
    }

    /// <summary>Waits until the grid shows exactly these panels in this order.</summary>
    internal static async Task ExpectOrderAsync(IPage page, params string[] panelIds)
    {
        var items = page.Locator("[data-panel-item]");
        await Assertions.Expect(items).ToHaveCountAsync(panelIds.Length);
        for (var i = 0; i < panelIds.Length; i++)
        {
            await Assertions.Expect(items.Nth(i)).ToHaveAttributeAsync("data-panel-item", panelIds[i]);
        }
    }

    private static async Task ReloadAsync(IPage page)
    {
        await page.ReloadAsync();
        await StudioPages.WaitForInteractiveAsync(page, "workspace");
        await page.Locator("[data-panel-item] .nx-panel[data-interactive=yes]").First.WaitForAsync();
    }

    /// <summary>A picture for people to look at after a run (<c>screenshots/</c> under the test output), checked to be one.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 1000, $"{path} is a real picture");
    }
}
