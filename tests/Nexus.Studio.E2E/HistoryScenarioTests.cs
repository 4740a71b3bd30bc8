using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>The history scenario: a state change shows in the panel's history, and reverting it puts the panel back live.</summary>
public sealed class HistoryScenarioTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    private static readonly TimeSpan CommitWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reverting_a_state_commit_from_the_history_shows_the_old_count_without_a_reload()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "history-owner@example.com");
        await StudioPages.CreateWorkspaceAsync(page, "Counting");
        var card = await StudioPages.AddTemplatePanelAsync(page, "counter");
        var count = card.Locator(".nx-metric-value");
        await Assertions.Expect(count).ToHaveTextAsync("0");

        await card.GetByRole(AriaRole.Button, new() { Name = "+1", Exact = true }).ClickAsync();
        await Assertions.Expect(count).ToHaveTextAsync("1");
        // A marker on the window: it is gone if anything below reloads the page.
        await page.EvaluateAsync("() => { window.nexusNoReload = true; }");

        await card.Locator("[data-action=panel-history]").ClickAsync();
        var history = page.Locator("[data-section=history][data-history-panel=counter]");
        var saved = await WaitForCommitAsync(history, "Save state of counter");
        await saved.ClickAsync();
        await Assertions.Expect(history.Locator(".studio-diff-added", new() { HasText = "\"count\": 1" })).ToBeVisibleAsync();
        await Assertions.Expect(history.Locator(".studio-diff-removed", new() { HasText = "\"count\": 0" })).ToBeVisibleAsync();

        await history.Locator("[data-action=revert-commit]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revert", Exact = true }).ClickAsync();

        await Assertions.Expect(count).ToHaveTextAsync("0");
        await Assertions.Expect(history.Locator("[data-commit]").First).ToHaveAttributeAsync("data-commit-message", new System.Text.RegularExpressions.Regex("^Revert"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.nexusNoReload === true"), "the page was reloaded");
    }

    /// <summary>
    /// State is committed a moment after it changes (the workspace batches writes), so the history is refreshed until
    /// the commit is listed.
    /// </summary>
    private static async Task<ILocator> WaitForCommitAsync(ILocator history, string message)
    {
        var commit = history.Locator($"[data-commit-message=\"{message}\"]").First;
        var deadline = DateTime.UtcNow + CommitWait;
        while (await commit.CountAsync() == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No commit \"{message}\" was listed within {CommitWait.TotalSeconds} s.");
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
            await history.Locator("[data-action=history-refresh]").ClickAsync();
        }

        return commit;
    }
}
