using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Studio.Account;
using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Account;

/// <summary>The account page: usage bars from the port's numbers, tokens shown once, revoked after a confirmation, MCP help.</summary>
public sealed class AccountPageTests : IAsyncDisposable
{
    private readonly OneAccount _account = new();
    private readonly WorkspaceSummary _lab = new(Guid.NewGuid(), "Lab notes", null, StudioRole.Owner, DateTimeOffset.UtcNow);
    private readonly WorkspaceSummary _other = new(Guid.NewGuid(), "Other", null, StudioRole.Viewer, DateTimeOffset.UtcNow);
    private readonly BunitContext _bunit = new();

    public AccountPageTests()
    {
        _bunit.Services.AddNexusStudio();
        _bunit.Services.AddSingleton<IStudioAccountSettings>(_account);
        _bunit.Services.AddSingleton<IStudioWorkspaces>(new ListedWorkspaces(_lab, _other));
        var auth = _bunit.AddAuthorization();
        auth.SetAuthorized("ada");
        auth.SetClaims(new Claim(StudioAuthentication.UserIdClaim, _account.UserId.ToString("D")));
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public ValueTask DisposeAsync() => _bunit.DisposeAsync();

    [Fact]
    public void Usage_bars_show_the_ports_numbers_and_warn_near_and_at_the_limit()
    {
        _account.Usage = new AccountUsageSummary("free", "Free",
            new UsageAmount(1, 3), new UsageAmount(17, 20), new UsageAmount(100L * 1024 * 1024, 100L * 1024 * 1024), new UsageAmount(1_500, 100_000));

        var page = RenderPage();

        Assert.Equal("Free", page.Find("[data-plan-name]").TextContent.Trim());
        Assert.Equal("1 of 3", Text(page, "[data-usage-text=workspaces]"));
        Assert.Equal("17 of 20", Text(page, "[data-usage-text=panels]"));
        Assert.Equal("100 MB of 100 MB", Text(page, "[data-usage-text=storage]"));
        Assert.Equal("1,500 of 100,000", Text(page, "[data-usage-text=tokens]"));
        Assert.Equal("ok", Level(page, "workspaces"));
        Assert.Equal("near", Level(page, "panels"));
        Assert.Equal("full", Level(page, "storage"));
        Assert.Equal("ok", Level(page, "tokens"));
        Assert.Contains("mud-progress-linear-color-warning", page.Find("[data-usage=panels] .mud-progress-linear").ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-progress-linear-color-error", page.Find("[data-usage=storage] .mud-progress-linear").ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-progress-linear-color-success", page.Find("[data-usage=workspaces] .mud-progress-linear").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_token_is_shown_once_and_is_gone_after_dismissing_it_or_leaving_the_page()
    {
        var page = RenderPage();
        TypeTokenName(page, "laptop");
        page.Find("[data-action=create-token]").Click();

        page.Until(() => Assert.NotNull(page.Find("[data-token-value]")));
        var token = page.Find("[data-token-value]").TextContent.Trim();
        Assert.StartsWith("nxp_secret", token, StringComparison.Ordinal);
        Assert.Equal([("laptop", (int?)30)], _account.Created);
        Assert.Contains("won't see it again", page.Find("[data-created-token]").TextContent, StringComparison.Ordinal);
        Assert.Equal("active", page.Find("[data-token=laptop]").GetAttribute("data-token-status"));
        Assert.Contains(token, page.Find("[data-mcp-config]").TextContent, StringComparison.Ordinal);

        page.Find("[data-action=dismiss-token]").Click();

        page.Until(() => Assert.Empty(page.FindAll("[data-token-value]")));
        Assert.DoesNotContain(token, page.Markup, StringComparison.Ordinal);
        Assert.Contains(McpPlaceholder, page.Find("[data-mcp-config]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-token=laptop]"));

        TypeTokenName(page, "second");
        page.Find("[data-action=create-token]").Click();
        page.Until(() => Assert.NotNull(page.Find("[data-token-value]")));
        var second = page.Find("[data-token-value]").TextContent.Trim();
        await _bunit.DisposeComponentsAsync();
        var revisited = RenderPage();
        Assert.DoesNotContain(second, revisited.Markup, StringComparison.Ordinal);
        Assert.Equal(2, revisited.FindAll("[data-token]").Count);
    }

    [Fact]
    public async Task Revoking_asks_first_and_a_confirmed_revoke_marks_the_token_revoked()
    {
        await _account.CreateTokenAsync(_account.UserId, "ci", 7, Xunit.TestContext.Current.CancellationToken);
        var page = RenderPage();

        Click(page, "[data-token=ci] [data-action=revoke-token]");
        ClickDialogButton(page, "Cancel");
        Assert.Equal("active", page.Find("[data-token=ci]").GetAttribute("data-token-status"));

        Click(page, "[data-token=ci] [data-action=revoke-token]");
        ClickDialogButton(page, "Revoke");

        page.Until(() => Assert.Equal("revoked", page.Find("[data-token=ci]").GetAttribute("data-token-status")));
        Assert.Empty(page.FindAll("[data-token=ci] [data-action=revoke-token]"));
        Assert.NotNull(Assert.Single(await _account.ListTokensAsync(_account.UserId, Xunit.TestContext.Current.CancellationToken)).RevokedAt);
    }

    [Fact]
    public async Task Refusals_are_shown_with_their_codes_and_nothing_is_shown_as_created()
    {
        var token = await _account.CreateTokenAsync(_account.UserId, "old", null, Xunit.TestContext.Current.CancellationToken);
        var page = RenderPage();

        TypeTokenName(page, "refuse me");
        page.Find("[data-action=create-token]").Click();
        page.Until(() => Assert.Contains("Name is required", page.Find("[data-section=tokens] [data-refusal=INVALID_INPUT]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-token-value]"));

        await _account.RevokeTokenAsync(_account.UserId, token.Summary.Id, Xunit.TestContext.Current.CancellationToken);
        Click(page, "[data-token=old] [data-action=revoke-token]");
        ClickDialogButton(page, "Revoke");
        page.Until(() => Assert.NotNull(page.Find("[data-section=tokens] [data-refusal=TOKEN_NOT_FOUND]")));
        Assert.Equal("revoked", page.Find("[data-token=old]").GetAttribute("data-token-status"));

        _account.UsageRefusal = new PlatformRefusalException("USER_NOT_FOUND", "The account no longer exists.");
        await _bunit.DisposeComponentsAsync();
        var refused = RenderPage(waitForUsage: false);
        refused.Until(() => Assert.Contains("no longer exists", refused.Find("[data-page=account] [data-refusal=USER_NOT_FOUND]").TextContent, StringComparison.Ordinal));
        Assert.Empty(refused.FindAll("[data-section=usage]"));
    }

    [Fact]
    public void The_MCP_help_builds_the_url_from_the_base_address_for_the_chosen_workspace_and_offers_a_token_for_it()
    {
        var page = RenderPage();

        var expected = $"http://localhost/api/workspaces/{_lab.Id:D}/mcp";
        Assert.Equal(expected, page.Find("[data-mcp-url]").TextContent.Trim());
        Assert.Equal($"Authorization: Bearer {McpPlaceholder}", page.Find("[data-mcp-header]").TextContent.Trim());
        var config = System.Text.Json.JsonDocument.Parse(page.Find("[data-mcp-config]").TextContent).RootElement;
        var server = config.GetProperty("mcpServers").GetProperty("nexus-lab-notes");
        Assert.Equal(expected, server.GetProperty("url").GetString());
        Assert.Equal("http", server.GetProperty("type").GetString());

        Click(page, "[data-action=mcp-create-token]");

        page.Until(() => Assert.Equal("MCP · Lab notes", TokenNameField(page).GetAttribute("value")));

        page.Act(() => page.Find("[data-section=mcp] .mud-input-control").MouseDown());
        page.Until(() => Assert.NotEmpty(page.FindAll(".mud-popover-open [role=option]")));
        page.Act(() => page.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == "Other").Click());

        page.Until(() => Assert.Equal($"http://localhost/api/workspaces/{_other.Id:D}/mcp", page.Find("[data-mcp-url]").TextContent.Trim()));
        Assert.Contains("\"nexus-other\"", page.Find("[data-mcp-config]").TextContent, StringComparison.Ordinal);
    }

    private const string McpPlaceholder = "<your token>";

    private IRenderedComponent<AccountPageHost> RenderPage(bool waitForUsage = true)
    {
        var page = _bunit.Render<AccountPageHost>();
        page.Until(() => Assert.NotNull(page.Find(waitForUsage ? "[data-section=tokens] table, [data-empty=tokens]" : "[data-page=account]")));
        return page;
    }

    private static AngleSharp.Dom.IElement TokenNameField(IRenderedComponent<AccountPageHost> page) =>
        page.Find("input[data-field=token-name], [data-field=token-name] input");

    private static void TypeTokenName(IRenderedComponent<AccountPageHost> page, string name) =>
        page.Act(() => TokenNameField(page).Input(name));

    private static void Click(IRenderedComponent<AccountPageHost> page, string selector) => page.Act(() => page.Find(selector).Click());

    private static void ClickDialogButton(IRenderedComponent<AccountPageHost> page, string text)
    {
        page.Until(() => Assert.NotNull(page.Find(".mud-dialog")));
        page.Act(() => page.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text).Click());
        page.Until(() => Assert.Empty(page.FindAll(".mud-dialog")));
    }

    private static string Text(IRenderedComponent<AccountPageHost> page, string selector) => page.Find(selector).TextContent.Trim();

    private static string? Level(IRenderedComponent<AccountPageHost> page, string key) => page.Find($"[data-usage={key}]").GetAttribute("data-level");
}
