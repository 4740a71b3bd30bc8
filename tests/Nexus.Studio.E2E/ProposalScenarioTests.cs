using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>The proposals scenario: a proposal made through the HTTP API is reviewed and accepted in the browser.</summary>
public sealed class ProposalScenarioTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    private const string Email = "proposal-owner@example.com";

    private const string Greeting = """
        <NexusPanel id="greeting" title="Greeting">
          <View><Text content="Hello from the first draft" /></View>
        </NexusPanel>
        """;

    [Fact]
    public async Task A_proposal_created_through_the_API_shows_its_diff_and_accepting_it_changes_the_panel()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, Email);
        var workspacePath = await StudioPages.CreateWorkspaceAsync(page, "Greetings");
        var card = await AddPastedPanelAsync(page, Greeting, "greeting");
        await Assertions.Expect(card).ToContainTextAsync("Hello from the first draft");

        using var api = new HttpClient { BaseAddress = studio.Server.Address };
        var token = await SignInAsync(api);
        var proposalId = await ProposeAsync(api, token, workspacePath.Split('/')[2], Greeting.Replace("the first draft", "the accepted proposal", StringComparison.Ordinal));

        // The workspace raises no event for proposals: the header counts them when the page is opened.
        await page.ReloadAsync();
        await StudioPages.WaitForInteractiveAsync(page, "workspace");
        await Assertions.Expect(page.Locator("[data-pending-proposals]")).ToHaveAttributeAsync("data-pending-proposals", "1");
        await page.Locator("[data-action=show-proposals]").ClickAsync();
        await StudioPages.WaitForInteractiveAsync(page, "proposals");
        await Assertions.Expect(page.Locator($"[data-proposal=\"{proposalId}\"]")).ToContainTextAsync("proposal-owner");
        await Screenshots.SaveAsync(page, "proposals-list");
        await page.Locator($"[data-proposal=\"{proposalId}\"]").ClickAsync();
        await StudioPages.WaitForInteractiveAsync(page, "proposals");

        var review = page.Locator($"[data-section=proposal-review][data-proposal=\"{proposalId}\"]");
        await Assertions.Expect(review.Locator(".studio-diff-added", new() { HasText = "Hello from the accepted proposal" })).ToBeVisibleAsync();
        await Assertions.Expect(review.Locator(".studio-diff-removed", new() { HasText = "Hello from the first draft" })).ToBeVisibleAsync();
        await review.Locator("[data-action=diff-split]").ClickAsync();
        await Assertions.Expect(review.Locator("[data-action=diff-split]")).ToHaveAttributeAsync("data-selected", "yes");
        await page.Mouse.MoveAsync(0, 0); // no hover highlight in the picture
        await Assertions.Expect(review.Locator("[data-diff-side=new].studio-diff-added", new() { HasText = "Hello from the accepted proposal" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "proposal-review");

        await review.Locator("[data-action=accept-proposal]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(review).ToHaveAttributeAsync("data-proposal-status", "applied");

        await page.GotoAsync(workspacePath);
        await StudioPages.WaitForInteractiveAsync(page, "workspace");
        await Assertions.Expect(page.Locator("[data-panel-card=greeting]")).ToContainTextAsync("Hello from the accepted proposal");
        await Assertions.Expect(page.Locator("[data-pending-proposals]")).ToHaveAttributeAsync("data-pending-proposals", "0");
    }

    /// <summary>Adds a panel from pasted NXML and waits until its view runs interactively.</summary>
    private static async Task<ILocator> AddPastedPanelAsync(IPage page, string source, string panelId)
    {
        await page.Locator("[data-action=toggle-add-panel]").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Paste NXML" }).ClickAsync();
        await page.Locator("[data-section=add-panel] textarea").FillAsync(source);
        await page.Locator("[data-action=add-source]").ClickAsync();
        var card = page.Locator($"[data-panel-card={panelId}]");
        await card.Locator(".nx-panel[data-interactive=yes]").WaitForAsync();
        return card;
    }

    /// <summary>A bearer token for the same account, from the API's sign-in (<c>POST /api/auth/login</c>).</summary>
    private static async Task<string> SignInAsync(HttpClient api)
    {
        using var response = await api.PostAsync("/api/auth/login", Json(new { email = Email, password = StudioPages.Password }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Proposes a new source for the greeting panel; answers the proposal's id.</summary>
    private static async Task<string> ProposeAsync(HttpClient api, string token, string workspaceId, string source)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspaces/{workspaceId}/proposals")
        {
            Content = Json(new
            {
                title = "Greet from the accepted proposal",
                description = "A warmer greeting.",
                changes = new[] { new { path = "panels/greeting.nxml", content = source } },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
