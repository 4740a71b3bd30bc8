using System.Text.Json;
using Microsoft.Playwright;

namespace Nexus.Studio.E2E;

/// <summary>Two people on one workspace in two browsers: what one does shows in the other's page without a reload.</summary>
public sealed class LiveAcrossBrowsersTests(StudioFixture studio) : IClassFixture<StudioFixture>
{
    [Fact]
    public async Task A_second_browser_sees_a_change_from_the_first_without_reloading()
    {
        await using var ownerContext = await studio.NewContextAsync();
        var owner = await ownerContext.NewPageAsync();
        await StudioPages.SignUpAsync(owner, "live-owner@example.com");
        var path = await StudioPages.CreateWorkspaceAsync(owner, "Shared board");
        var ownerTasks = await StudioPages.AddTemplatePanelAsync(owner, "tasks");

        await using var editorContext = await studio.NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await StudioPages.SignUpAsync(editor, "live-editor@example.com");
        await InviteAsync(owner, "live-owner@example.com", path, "live-editor@example.com", "editor");
        await editor.GotoAsync(path);
        await StudioPages.WaitForInteractiveAsync(editor, "workspace");
        var editorTasks = editor.Locator("[data-panel-card=tasks]");
        await editorTasks.Locator(".nx-panel[data-interactive=yes]").WaitForAsync();
        // Markers on both windows: gone if anything below reloads a page.
        foreach (var page in new[] { owner, editor })
        {
            await page.EvaluateAsync("() => { window.nexusNoReload = true; }");
        }

        // A tool call in the first browser shows in the second.
        var input = ownerTasks.Locator(".nx-input input");
        await input.FillAsync("Print the flyers");
        await input.PressAsync("Tab"); // the binding writes on change
        await ownerTasks.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(editorTasks.GetByText("Print the flyers", new() { Exact = true })).ToBeVisibleAsync();

        // A panel added in the first browser appears, running, in the second.
        await StudioPages.AddTemplatePanelAsync(owner, "counter");
        await editor.Locator("[data-panel-card=counter] .nx-panel[data-interactive=yes]").WaitForAsync();
        await ArrangeScenarioTests.ExpectOrderAsync(editor, "tasks", "counter");

        // And the other way round: the editor moves the counter first; the owner's grid follows.
        await ArrangeScenarioTests.ChooseFromMenuAsync(editor, "counter", "[data-action=arrange-move-left]");
        await ArrangeScenarioTests.ExpectOrderAsync(owner, "counter", "tasks");

        foreach (var page in new[] { owner, editor })
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.nexusNoReload === true"), "a page was reloaded");
        }
    }

    /// <summary>The owner adds a member through the HTTP API (signed in there with a token, as any API client).</summary>
    private static async Task InviteAsync(IPage owner, string ownerEmail, string workspacePath, string email, string role)
    {
        var api = owner.APIRequest;
        var login = await api.PostAsync("/api/auth/login", new() { DataObject = new { email = ownerEmail, password = StudioPages.Password } });
        Assert.True(login.Ok, $"login: {login.Status} {await login.TextAsync()}");
        using var session = JsonDocument.Parse(await login.TextAsync());
        var token = session.RootElement.GetProperty("accessToken").GetString();
        var workspaceId = workspacePath["/w/".Length..];
        var invited = await api.PutAsync($"/api/workspaces/{workspaceId}/members", new()
        {
            DataObject = new { email, role },
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        });
        Assert.True(invited.Ok, $"invite: {invited.Status} {await invited.TextAsync()}");
    }
}
