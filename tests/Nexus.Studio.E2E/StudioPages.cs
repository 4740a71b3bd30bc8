using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>The steps the scenarios share, done the way a person does them (forms, buttons), never behind the UI's back.</summary>
internal static class StudioPages
{
    public const string Password = "Correct-Horse-42";

    /// <summary>
    /// Waits until the page's circuit is attached: a prerendered button is clickable before that and its click would be
    /// lost, so every interaction on an interactive page waits for the layout's marker first.
    /// </summary>
    public static Task WaitForInteractiveAsync(IPage page, string pageName) =>
        page.Locator($".studio-page[data-interactive=yes] [data-page={pageName}]").WaitForAsync();

    /// <summary>Signs up with the form and lands on the launcher.</summary>
    public static async Task SignUpAsync(IPage page, string email)
    {
        await page.GotoAsync("/signup");
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("input[name=Password]").FillAsync(Password);
        await page.Locator("[data-action=sign-up]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await WaitForInteractiveAsync(page, "launcher");
    }

    /// <summary>Creates a workspace from the launcher and waits for its page; returns its path (<c>/w/&lt;id&gt;</c>).</summary>
    public static async Task<string> CreateWorkspaceAsync(IPage page, string name)
    {
        await page.Locator("[data-action=create-workspace]").ClickAsync();
        await EnterNameAsync(page, name);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/w/", StringComparison.Ordinal));
        await WaitForInteractiveAsync(page, "workspace");
        await Assertions.Expect(page.Locator($"[data-workspace-name=\"{name}\"]")).ToBeVisibleAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>Opens the launcher and waits for its circuit.</summary>
    public static async Task OpenLauncherAsync(IPage page)
    {
        await page.GotoAsync("/");
        await WaitForInteractiveAsync(page, "launcher");
    }

    /// <summary>Answers the workspace-name dialog (create, clone, rename).</summary>
    public static async Task EnterNameAsync(IPage page, string name)
    {
        await page.Locator("[data-field=workspace-name] input, input[data-field=workspace-name]").First.FillAsync(name);
        await page.Locator("[data-action=confirm-name]").ClickAsync();
    }

    /// <summary>Adds a panel from a starter template and waits until its view runs interactively.</summary>
    public static async Task<ILocator> AddTemplatePanelAsync(IPage page, string templateId)
    {
        await page.Locator("[data-action=toggle-add-panel]").ClickAsync();
        await page.Locator($"[data-action=add-template][data-template={templateId}]").ClickAsync();
        var card = page.Locator($"[data-panel-card={templateId}]");
        try
        {
            await card.Locator(".nx-panel[data-interactive=yes]").WaitForAsync();
        }
        catch (TimeoutException timeout)
        {
            // What the page shows (a refusal, an error banner, a lost connection, the card without its view) tells
            // why the panel never came up; the timeout alone does not.
            var text = await page.InnerTextAsync("body");
            throw new TimeoutException($"the '{templateId}' panel did not become interactive; the page shows:\n{text[..Math.Min(text.Length, 3000)]}", timeout);
        }

        return card;
    }
}
