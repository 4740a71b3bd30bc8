using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>
/// Arranging the workspace grid in a real browser (drag to reorder, resize by menu and by the corner; it all survives
/// a reload), and a panel card's log.
/// </summary>
public sealed class ArrangeScenarioTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task Dragging_a_panel_onto_another_reorders_them_and_the_order_survives_a_reload()
    {
        await using var context = await studio.NewContextAsync();
        var page = await OpenBoardAsync(context, "arrange-drag@example.com", "tasks", "counter");
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
        var page = await OpenBoardAsync(context, "arrange-resize@example.com", "tasks", "counter", "notes");

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
        await Screenshots.SaveAsync(page, "arranged-grid");
    }

    [Fact]
    public async Task A_narrow_screen_shows_every_panel_full_width_whatever_was_saved()
    {
        await using var context = await studio.NewContextAsync();
        var page = await OpenBoardAsync(context, "arrange-narrow@example.com", "counter");
        await ChooseFromMenuAsync(page, "counter", "[data-action=arrange-width][data-width='3']");
        await Assertions.Expect(page.Locator("[data-panel-item=counter]")).ToHaveAttributeAsync("data-width", "3");

        await page.SetViewportSizeAsync(480, 900);

        var grid = (await page.Locator("[data-arrange-grid]").BoundingBoxAsync())!;
        Assert.InRange((await page.Locator("[data-panel-item=counter]").BoundingBoxAsync())!.Width, grid.Width - 2, grid.Width + 2);
    }

    [Fact]
    public async Task A_panels_log_lists_its_lines_and_follows_new_ones()
    {
        const string logger = """
            <NexusPanel id="logger" title="Logger">
              <Data><State name="n" type="number" default="0" /></Data>
              <Logic><Tool name="note"><Handler>$state.n = $state.n + 1; $log('noted', $state.n);</Handler></Tool></Logic>
              <View><Button trigger="note">Note</Button></View>
            </NexusPanel>
            """;
        await using var context = await studio.NewContextAsync();
        var page = await OpenBoardAsync(context, "arrange-log@example.com");
        await page.Locator("[data-action=toggle-add-panel]").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Paste NXML" }).ClickAsync();
        await page.Locator("[data-section=add-panel] textarea").FillAsync(logger);
        await page.Locator("[data-action=add-source]").ClickAsync();
        var card = page.Locator("[data-panel-card=logger]");
        await card.Locator(".nx-panel[data-interactive=yes]").WaitForAsync();
        var note = card.GetByRole(AriaRole.Button, new() { Name = "Note", Exact = true });
        await note.ClickAsync();

        await card.Locator("[data-action=panel-log]").ClickAsync();
        var lines = page.Locator("[data-section=panel-log] [data-log-entry]");
        await Assertions.Expect(lines).ToHaveCountAsync(1);
        await Assertions.Expect(lines.First).ToContainTextAsync("noted 1");

        // The dialog is modal: the next line comes from another tab of the same person.
        var other = await context.NewPageAsync();
        await other.GotoAsync(page.Url);
        await StudioPages.WaitForInteractiveAsync(other, "workspace");
        await other.Locator("[data-panel-card=logger] .nx-panel[data-interactive=yes]").WaitForAsync();
        await other.Locator("[data-panel-card=logger]").GetByRole(AriaRole.Button, new() { Name = "Note", Exact = true }).ClickAsync();

        await Assertions.Expect(lines).ToHaveCountAsync(2);
        await Assertions.Expect(lines.Last).ToContainTextAsync("noted 2");
        await Screenshots.SaveAsync(page, "panel-log");
    }

    /// <summary>A new person's new workspace with these starter panels, in this order.</summary>
    private static async Task<IPage> OpenBoardAsync(IBrowserContext context, string email, params string[] templates)
    {
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, email);
        await StudioPages.CreateWorkspaceAsync(page, "Board");
        foreach (var template in templates)
        {
            await StudioPages.AddTemplatePanelAsync(page, template);
        }

        return page;
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
}
