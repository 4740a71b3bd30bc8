using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>The browser scenarios, on the real server in a real Chromium.</summary>
public sealed class WorkspaceScenarioTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task Tasks_added_through_the_panels_input_and_button_are_still_there_after_a_reload()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "tasks-owner@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Launch plan");
        var card = await StudioPages.AddTemplatePanelAsync(page, "tasks");

        foreach (var task in new[] { "Write the pitch", "Book the venue" })
        {
            var input = card.Locator(".nx-input input");
            await input.FillAsync(task);
            await input.PressAsync("Tab"); // the binding writes on change
            await card.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(card.GetByText(task, new() { Exact = true })).ToBeVisibleAsync();
        }

        await Assertions.Expect(card.GetByText("Tasks (3 open)")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await StudioPages.WaitForInteractiveAsync(page, "workspace");
        var reloaded = page.Locator("[data-panel-card=tasks]");
        await reloaded.Locator(".nx-panel[data-interactive=yes]").WaitForAsync();
        await Assertions.Expect(reloaded.GetByText("Write the pitch", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(reloaded.GetByText("Book the venue", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(reloaded.GetByText("Tasks (3 open)")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_second_user_cannot_open_the_first_users_workspace()
    {
        await using var first = await studio.NewContextAsync();
        var firstPage = await first.NewPageAsync();
        await StudioPages.SignUpAsync(firstPage, "first@example.com");
        var path = await StudioPages.CreateWorkspaceAsync(firstPage, "Secret plans");
        await StudioPages.AddTemplatePanelAsync(firstPage, "notes");

        await using var second = await studio.NewContextAsync();
        var secondPage = await second.NewPageAsync();
        await StudioPages.SignUpAsync(secondPage, "second@example.com");
        await secondPage.GotoAsync(path);
        await StudioPages.WaitForInteractiveAsync(secondPage, "workspace");
        await Assertions.Expect(secondPage.Locator("[data-refusal=WORKSPACE_NOT_FOUND]")).ToBeVisibleAsync();
        await Assertions.Expect(secondPage.Locator("[data-panel-card]")).ToHaveCountAsync(0);
        await Assertions.Expect(secondPage.GetByText("Secret plans")).ToHaveCountAsync(0);

        // The launcher of the second user does not list it either.
        await StudioPages.OpenLauncherAsync(secondPage);
        await Assertions.Expect(secondPage.Locator("[data-empty=workspaces]")).ToBeVisibleAsync();
    }
}
