using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Nexus.Server.Tests.Studio;

/// <summary>
/// The web UI's sign-in over the real server's pipeline: the forms, the cookie, the redirects, and the line between
/// the cookie (UI) and the bearer tokens (API).
/// </summary>
public sealed partial class StudioSignInTests : IAsyncLifetime
{
    private const string Password = "correct-horse-7";
    private readonly TestServerDataDirectory _data = new();
    private TestServerFactory? _factory;

    public ValueTask InitializeAsync()
    {
        _factory = new TestServerFactory(_data.Path, settings: new Dictionary<string, string?>
        {
            ["Nexus:Auth:RateLimitPermits"] = "1000",
            ["Nexus:Auth:LockoutThreshold"] = "3",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task An_anonymous_page_request_is_redirected_to_the_sign_in_form()
    {
        using var browser = NewBrowser();
        using var response = await browser.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=%2F", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_up_sets_a_cookie_that_opens_the_launcher_but_never_the_API()
    {
        using var browser = NewBrowser();
        using var signedUp = await PostFormAsync(browser, "/signup", "/account/signup", new() { ["Email"] = "ada@example.com", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Equal("/", signedUp.Headers.Location!.OriginalString);

        using var launcher = await browser.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, launcher.StatusCode);
        Assert.Contains("data-page=\"launcher\"", await launcher.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var api = await browser.GetAsync("/api/workspaces", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("UNAUTHORIZED", await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_go_back_to_the_form_with_a_code_and_repeated_failures_lock_the_account()
    {
        using var owner = NewBrowser();
        using var _ = await PostFormAsync(owner, "/signup", "/account/signup", new() { ["Email"] = "bob@example.com", ["Password"] = Password });

        using var browser = NewBrowser();
        var codes = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var refused = await PostFormAsync(browser, "/signin", "/account/signin", new() { ["Email"] = "bob@example.com", ["Password"] = "wrong-password-1" });
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/signin", refused.Headers.Location!.OriginalString.Split('?')[0]);
            codes.Add(refused.Headers.Location.OriginalString);
        }

        Assert.Equal(["/signin?error=INVALID_CREDENTIALS", "/signin?error=INVALID_CREDENTIALS", "/signin?error=LOCKED_OUT"], codes);
        using var page = await browser.GetAsync("/signin?error=LOCKED_OUT", TestContext.Current.CancellationToken);
        Assert.Contains("this account is locked", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/w/abc", "/w/abc")]
    [InlineData("//evil.example/steal", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task Signing_in_returns_to_local_paths_only(string returnUrl, string expected)
    {
        using var owner = NewBrowser();
        using var _ = await PostFormAsync(owner, "/signup", "/account/signup", new() { ["Email"] = "cy@example.com", ["Password"] = Password });

        using var browser = NewBrowser();
        using var signedIn = await PostFormAsync(browser, "/signin", "/account/signin",
            new() { ["Email"] = "cy@example.com", ["Password"] = Password, ["ReturnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(expected, signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = NewBrowser();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@example.com", ["Password"] = Password });
        using var response = await browser.PostAsync("/account/signup", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, header => header.Key == "Set-Cookie" && header.Value.Any(v => v.StartsWith("nexus.studio=", StringComparison.Ordinal)));
    }

    private HttpClient NewBrowser() =>
        _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Loads the form page (for its antiforgery token and cookie) and posts the fields with the token.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(page, TestContext.Current.CancellationToken);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "the form carries an antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(action, content, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
