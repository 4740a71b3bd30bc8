using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>The launcher's operations and the platform's refusals as the user sees them.</summary>
public sealed class LauncherTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task Workspaces_are_renamed_cloned_and_deleted_after_a_confirmation()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "launcher@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Draft");
        await StudioPages.OpenLauncherAsync(page);

        await Card(page, "Draft").Locator("[data-action=rename-workspace]").ClickAsync();
        await StudioPages.EnterNameAsync(page, "Roadmap");
        await Assertions.Expect(Card(page, "Roadmap")).ToBeVisibleAsync();

        await Card(page, "Roadmap").Locator("[data-action=clone-workspace]").ClickAsync();
        await StudioPages.EnterNameAsync(page, "Roadmap v2");
        await Assertions.Expect(Card(page, "Roadmap v2")).ToBeVisibleAsync();

        // Cancelling the confirmation keeps the workspace; confirming deletes it.
        await Card(page, "Roadmap").Locator("[data-action=delete-workspace]").ClickAsync();
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(Card(page, "Roadmap")).ToBeVisibleAsync();
        await Card(page, "Roadmap").Locator("[data-action=delete-workspace]").ClickAsync();
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(Card(page, "Roadmap")).ToHaveCountAsync(0);
        await Assertions.Expect(Card(page, "Roadmap v2")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await StudioPages.WaitForInteractiveAsync(page, "launcher");
        await Assertions.Expect(page.Locator("[data-workspace]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_plans_workspace_limit_is_shown_as_a_message()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "limits@example.com");
        for (var n = 1; n <= 3; n++) // the free plan's limit
        {
            await StudioPages.OpenLauncherAsync(page);
            await StudioPages.CreateWorkspaceAsync(page, $"Idea {n}");
        }

        await StudioPages.OpenLauncherAsync(page);
        await page.Locator("[data-action=create-workspace]").ClickAsync();
        await StudioPages.EnterNameAsync(page, "One too many");

        await Assertions.Expect(page.Locator("[data-refusal=WORKSPACE_LIMIT]")).ToContainTextAsync("allows 3 workspaces");
        await Assertions.Expect(page.Locator("[data-workspace]")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Pasted_NXML_is_checked_before_anything_is_saved()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "paste@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Pasted");
        await page.Locator("[data-action=toggle-add-panel]").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Paste NXML" }).ClickAsync();
        var source = page.Locator("[data-section=add-panel] textarea");

        await source.FillAsync("<NexusPanel id=\"broken\" title=\"Broken\"><Data><State name=\"n\" type=\"nope\" /></Data></NexusPanel>");
        await page.Locator("[data-action=add-source]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-check=errors]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-diagnostic=INVALID_TYPE]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-panel-card]")).ToHaveCountAsync(0);

        await source.FillAsync("""
            <NexusPanel id="hello" title="Hello">
              <Data><State name="greeting" type="string" default="Hello from pasted NXML" /></Data>
              <View><Text content="{$state.greeting}" /></View>
            </NexusPanel>
            """);
        await page.Locator("[data-action=check-nxml]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-check=clean]")).ToBeVisibleAsync();
        await page.Locator("[data-action=add-source]").ClickAsync();
        var card = page.Locator("[data-panel-card=hello]");
        await Assertions.Expect(card.GetByText("Hello from pasted NXML")).ToBeVisibleAsync();

        // Removing asks first.
        await card.Locator("[data-action=remove-panel]").ClickAsync();
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-panel-card]")).ToHaveCountAsync(0);
    }

    private static ILocator Dialog(IPage page) => page.Locator(".mud-dialog");

    private static ILocator Card(IPage page, string name) => page.Locator($"[data-workspace=\"{name}\"]");
}
