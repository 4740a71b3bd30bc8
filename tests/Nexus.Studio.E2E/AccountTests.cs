using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>Signing in and out in the browser, and the line between the UI's cookie and the API.</summary>
public sealed class AccountTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_form_and_comes_back_after_signing_in()
    {
        await using var setup = await studio.NewContextAsync();
        var owner = await setup.NewPageAsync();
        await StudioPages.SignUpAsync(owner, "returning@example.com");
        var path = await StudioPages.CreateWorkspaceAsync(owner, "Come back here");

        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);

        await page.Locator("input[name=Email]").FillAsync("returning@example.com");
        await page.Locator("input[name=Password]").FillAsync(StudioPages.Password);
        await page.Locator("[data-action=sign-in]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        await StudioPages.WaitForInteractiveAsync(page, "workspace");
        await Assertions.Expect(page.Locator("[data-workspace-name=\"Come back here\"]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wrong_credentials_get_a_clear_message_and_no_session()
    {
        await using var setup = await studio.NewContextAsync();
        await StudioPages.SignUpAsync(await setup.NewPageAsync(), "careful@example.com");

        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("input[name=Email]").FillAsync("careful@example.com");
        await page.Locator("input[name=Password]").FillAsync("Not-the-password-1");
        await page.Locator("[data-action=sign-in]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-error=INVALID_CREDENTIALS]")).ToContainTextAsync("The email or password is wrong.");
        await page.GotoAsync("/");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task The_sign_in_cookie_opens_the_UI_but_not_the_API_and_signing_out_ends_it()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "cookie@example.com");

        // The browser's cookie goes with this request, and the API still answers 401 with problem details.
        var api = await context.APIRequest.GetAsync("/api/workspaces");
        Assert.Equal(401, api.Status);
        Assert.Contains("UNAUTHORIZED", await api.TextAsync(), StringComparison.Ordinal);

        await page.Locator("[data-action=sign-out]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await page.GotoAsync("/");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }
}
