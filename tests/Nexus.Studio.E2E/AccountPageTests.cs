using System.Text.Json;
using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>
/// The account page in the browser against the real server: the free plan's usage, a personal access token created
/// in the UI that the API and the workspace's MCP endpoint (at the address and with the header the page shows) accept
/// until it is revoked in the UI.
/// </summary>
public sealed class AccountPageTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task A_token_created_on_the_account_page_is_shown_once_works_against_the_API_and_stops_when_revoked()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        await StudioPages.SignUpAsync(page, "tokens@example.com");
        var workspacePath = await StudioPages.CreateWorkspaceAsync(page, "MCP lab");

        await page.Locator("[data-action=show-account]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account");
        await StudioPages.WaitForInteractiveAsync(page, "account");

        await Assertions.Expect(page.Locator("[data-section=usage][data-plan=free] [data-plan-name]")).ToHaveTextAsync("Free");
        await Assertions.Expect(page.Locator("[data-usage=workspaces]")).ToHaveAttributeAsync("data-used", "1");
        await Assertions.Expect(page.Locator("[data-usage=workspaces]")).ToHaveAttributeAsync("data-limit", "3");
        await Assertions.Expect(page.Locator("[data-usage=workspaces]")).ToHaveAttributeAsync("data-level", "ok");
        await Assertions.Expect(page.Locator("[data-usage-text=storage]")).ToContainTextAsync("of 100 MB");
        await Assertions.Expect(page.Locator("[data-usage=tokens]")).ToHaveAttributeAsync("data-limit", "100000");
        var workspaceId = workspacePath["/w/".Length..];
        await Assertions.Expect(page.Locator("[data-mcp-url]")).ToHaveTextAsync($"{studio.Server.Address.ToString().TrimEnd('/')}/api/workspaces/{workspaceId}/mcp");

        await page.Locator("[data-field=token-name] input, input[data-field=token-name]").First.FillAsync("e2e client");
        await page.Locator("[data-action=create-token]").ClickAsync();
        var shown = page.Locator("[data-token-value]");
        await Assertions.Expect(shown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^nxp_"));
        var token = (await shown.TextContentAsync())!.Trim();
        await Assertions.Expect(page.Locator("[data-mcp-config]")).ToContainTextAsync(token);

        var mcp = await McpInitializeAsync(context, (await page.Locator("[data-mcp-url]").TextContentAsync())!.Trim(), (await page.Locator("[data-mcp-header]").TextContentAsync())!.Trim());
        Assert.Equal(200, mcp.Status);
        Assert.Contains("protocolVersion", await mcp.TextAsync(), StringComparison.Ordinal);

        var me = await MeAsync(context, token);
        Assert.Equal(200, me.Status);
        Assert.Equal("tokens@example.com", JsonDocument.Parse(await me.TextAsync()).RootElement.GetProperty("email").GetString());

        await page.Locator("[data-action=dismiss-token]").ClickAsync();
        await Assertions.Expect(shown).ToHaveCountAsync(0);
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-token=\"e2e client\"]")).ToHaveAttributeAsync("data-token-status", "active");
        await Assertions.Expect(page.Locator("[data-token=\"e2e client\"]")).Not.ToContainTextAsync("not yet"); // the API call above was recorded
        await Screenshots.SaveAsync(page, "account");

        await page.Locator("[data-token=\"e2e client\"] [data-action=revoke-token]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-token=\"e2e client\"]")).ToHaveAttributeAsync("data-token-status", "revoked");

        var refused = await MeAsync(context, token);
        Assert.Equal(401, refused.Status);
        Assert.Contains("UNAUTHORIZED", await refused.TextAsync(), StringComparison.Ordinal);
    }

    /// <summary><c>GET /api/auth/me</c> with the token as bearer (the context's cookie rides along and is ignored by the API).</summary>
    private static Task<IAPIResponse> MeAsync(IBrowserContext context, string token) =>
        context.APIRequest.GetAsync("/api/auth/me", new() { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } });

    /// <summary>An MCP <c>initialize</c> sent exactly as the page says: to its URL, with its header line (<c>Name: value</c>).</summary>
    private static Task<IAPIResponse> McpInitializeAsync(IBrowserContext context, string url, string headerLine)
    {
        var colon = headerLine.IndexOf(':', StringComparison.Ordinal);
        return context.APIRequest.PostAsync(url, new()
        {
            Headers = new Dictionary<string, string>
            {
                [headerLine[..colon].Trim()] = headerLine[(colon + 1)..].Trim(),
                ["Accept"] = "application/json, text/event-stream",
            },
            DataObject = new
            {
                jsonrpc = "2.0",
                id = 1,
                method = "initialize",
                @params = new { protocolVersion = "2025-11-25", capabilities = new { }, clientInfo = new { name = "account-page-test", version = "1" } },
            },
        });
    }
}
