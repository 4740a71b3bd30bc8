using System.Text.Json;
using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>
/// The NOG view: a panel's derived entities and an authored concept (a graph patch through the HTTP API) on the
/// canvas, live; selecting one shows its properties and neighbours; the legend filters by category.
/// </summary>
public sealed class GraphViewTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    private const string Email = "graph-owner@example.com";

    [Fact]
    public async Task The_graph_shows_the_workspaces_entities_live_and_selecting_and_filtering_work()
    {
        await using var context = await studio.NewContextAsync();
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, message) =>
        {
            // The app has no favicon yet; the browser's request for one is not the page's doing.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                scriptErrors.Add(message.Text + " @ " + message.Location);
            }
        };
        await StudioPages.SignUpAsync(page, Email);
        var workspacePath = await StudioPages.CreateWorkspaceAsync(page, "Launch plan");
        await StudioPages.AddTemplatePanelAsync(page, "tasks");

        await page.Locator("[data-action=show-graph]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == workspacePath + "/graph");
        await StudioPages.WaitForInteractiveAsync(page, "graph");
        await Assertions.Expect(page.Locator("[data-entity-node='panel:tasks']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-entity-node='tool:tasks/add']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-legend-category=data]")).ToBeVisibleAsync();
        await AssertDiagramAssetsServedAsync(page);

        // A patch through the API while the page is open: the new concept shows without a reload.
        await ApplyLaunchConceptAsync(context, workspacePath);
        var concept = page.Locator("[data-entity-node='concept:launch']");
        await Assertions.Expect(concept).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diagram-link", new() { HasText = "implements" })).ToHaveCountAsync(1);

        await concept.ClickAsync();
        var details = page.Locator("[data-section=entity-details]");
        await Assertions.Expect(details).ToHaveAttributeAsync("data-entity", "concept:launch");
        await Assertions.Expect(details.Locator("[data-property-value=owner]")).ToHaveTextAsync("ada");
        await Assertions.Expect(details.Locator("[data-field=category]")).ToHaveTextAsync("concept");
        var neighbor = details.Locator("[data-neighbor='panel:tasks']");
        await Assertions.Expect(neighbor).ToContainTextAsync("implements");
        await Screenshots.SaveAsync(page, "graph");

        await neighbor.ClickAsync();
        await Assertions.Expect(details).ToHaveAttributeAsync("data-entity", "panel:tasks");
        await Assertions.Expect(details.Locator("[data-field=panel]")).ToHaveTextAsync("tasks");
        await Assertions.Expect(details.Locator("[data-neighbor='state:tasks/tasks']")).ToBeVisibleAsync();

        // Only actions: every other category's chip is switched off.
        foreach (var category in new[] { "concept", "component", "data" })
        {
            await page.Locator($"[data-legend-category={category}]").ClickAsync();
            await Assertions.Expect(page.Locator($"[data-legend-category={category}]")).ToHaveAttributeAsync("data-shown", "no");
        }

        await Assertions.Expect(page.Locator("[data-entity-node]:not([data-category=action])")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-entity-node][data-category=action]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(0);
        Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));
    }

    /// <summary>The diagram library's stylesheet and script the page links are served by the server.</summary>
    private static async Task AssertDiagramAssetsServedAsync(IPage page)
    {
        var assets = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('link[href*=\"Z.Blazor.Diagrams\"], script[src*=\"Z.Blazor.Diagrams\"]')].map(e => e.href || e.src)");
        Assert.Equal(2, assets.Length);
        foreach (var asset in assets)
        {
            var response = await page.APIRequest.GetAsync(asset);
            Assert.True(response.Ok, $"{asset}: {response.Status}");
            Assert.True((await response.BodyAsync()).Length > 100, $"{asset} has content");
        }
    }

    /// <summary>Signs in to the HTTP API and applies a patch set adding a concept the tasks panel implements.</summary>
    private static async Task ApplyLaunchConceptAsync(IBrowserContext context, string workspacePath)
    {
        var login = await context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { email = Email, password = StudioPages.Password } });
        Assert.True(login.Ok, $"login: {login.Status} {await login.TextAsync()}");
        var token = (await login.JsonAsync())!.Value.GetProperty("accessToken").GetString();
        var workspaceId = workspacePath["/w/".Length..];
        var patches = new
        {
            title = "The launch",
            patches = new object[]
            {
                new { kind = "entity", operation = "create", entity = new { id = "concept:launch", name = "Launch", category = "concept", properties = new { owner = "ada", week = 12 } } },
                new { kind = "relationship", operation = "create", relationship = new { id = "implements:launch", from = "panel:tasks", to = "concept:launch", type = "implements" } },
            },
        };
        var applied = await context.APIRequest.PostAsync($"/api/workspaces/{workspaceId}/graph/patches", new()
        {
            DataObject = patches,
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        var body = await applied.TextAsync();
        Assert.True(applied.Ok, $"patches: {applied.Status} {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("succeeded").GetBoolean());
    }
}
