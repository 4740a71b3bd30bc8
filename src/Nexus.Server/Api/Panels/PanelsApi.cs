using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Nexus.Reactor.Execution;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Server.Quotas;

namespace Nexus.Server.Api.Panels;

/// <summary>The panel endpoints under <c>/api/workspaces/{ws}/panels</c> (<c>api.md</c> "Panels").</summary>
public static class PanelsApi
{
    /// <summary>The code of a tool call naming a tool the panel does not have (404).</summary>
    public const string ToolNotFound = ErrorCodes.ToolNotFound;

    /// <summary>
    /// Maps list, create, read, edit source, delete, state, tool call, log and history. Viewers read; editors create,
    /// edit, delete and call tools. Every route checks access first (<see cref="WorkspaceAccess"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapPanelsApi(this IEndpointRouteBuilder endpoints)
    {
        var options = PanelsApiOptions.Read(endpoints.ServiceProvider.GetRequiredService<IConfiguration>());
        var panels = endpoints.MapGroup("/api/workspaces/{ws}/panels").RequireAuthorization().WithTags("Panels");
        panels.MapGet("", ListAsync);
        panels.MapPost("", CreateAsync);
        panels.MapGet("/{p}", GetAsync);
        panels.MapPut("/{p}/source", ReplaceSourceAsync);
        panels.MapDelete("/{p}", DeleteAsync);
        panels.MapGet("/{p}/state", GetStateAsync);
        panels.MapPost("/{p}/tools/{tool}", CallToolAsync);
        panels.MapGet("/{p}/log", (string ws, string p, int? limit, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken) =>
            GetLog(ws, p, options.Log, limit, user, access, cancellationToken));
        panels.MapGet("/{p}/history", (string ws, string p, int? limit, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken) =>
            GetHistory(ws, p, options.History, limit, user, access, cancellationToken));
        return endpoints;
    }

    /// <summary>The relative URL of a panel's WebSocket.</summary>
    public static string WebSocketPath(string workspaceId, string panelId) => $"/api/workspaces/{workspaceId}/panels/{panelId}/ws";

    private static async Task<Ok<JsonObject>> ListAsync(string ws, ClaimsPrincipal user, WorkspaceAccess access, PanelQuota quota, TimeProvider time, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var list = context.Live.Panels;
        return TypedResults.Ok(new JsonObject
        {
            ["panels"] = new JsonArray([.. list.Select(p => (JsonNode)PanelJsonViews.Summary(p, now))]),
            ["totalPanels"] = list.Count,
            ["maxPanels"] = await quota.MaxPanelsAsync(context, cancellationToken).ConfigureAwait(false),
        });
    }

    private static async Task<Created<JsonObject>> CreateAsync(string ws, CreatePanelRequest request, ClaimsPrincipal user, WorkspaceAccess access, PanelQuota quota, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
        if (request.Source is null == request.TemplateId is null)
        {
            throw new ApiException(ErrorCodes.BadRequest, "give either 'source' or 'templateId'");
        }

        var maxPanels = await quota.EnsureRoomForAnotherAsync(context, cancellationToken).ConfigureAwait(false);
        var panel = request.Source is not null
            ? await context.Live.AddPanelAsync(request.Source, request.PanelId, maxPanels: maxPanels).ConfigureAwait(false)
            : await context.Live.AddPanelFromTemplateAsync(request.TemplateId!, request.PanelId, maxPanels).ConfigureAwait(false);
        var path = $"/api/workspaces/{ws}/panels/{panel.PanelId}";
        return TypedResults.Created(path, new JsonObject
        {
            ["panelId"] = panel.PanelId,
            ["websocket"] = WebSocketPath(ws, panel.PanelId),
            ["initialState"] = await panel.GetStateAsync().ConfigureAwait(false),
            ["diagnostics"] = PanelJsonViews.Diagnostics(panel.Diagnostics),
        });
    }

    private static async Task<Ok<JsonObject>> GetAsync(string ws, string p, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(PanelJsonViews.Detail(context.Live.GetPanel(p)));
    }

    private static async Task<Ok<JsonObject>> ReplaceSourceAsync(string ws, string p, ReplaceSourceRequest request, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireWithRoomAsync(user, ws, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
        var source = request.Source ?? throw new ApiException(ErrorCodes.BadRequest, "'source' is required");
        var panel = await context.Live.ReplaceSourceAsync(p, source).ConfigureAwait(false);
        return TypedResults.Ok(PanelJsonViews.Detail(panel));
    }

    private static async Task<NoContent> DeleteAsync(string ws, string p, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
        await context.Live.RemovePanelAsync(p).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<JsonObject>> GetStateAsync(string ws, string p, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await PanelJsonViews.StateAsync(context.Live.GetPanel(p)).ConfigureAwait(false));
    }

    /// <summary>A failed handler is still 200 (its result says <c>status: "error"</c>); only an unknown tool is refused.</summary>
    private static async Task<Ok<JsonObject>> CallToolAsync(string ws, string p, string tool, CallToolRequest? request, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireWithRoomAsync(user, ws, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
        var result = await PanelToolCalls.CallAsync(context.Live, p, tool, request?.Args).ConfigureAwait(false);
        return TypedResults.Ok(result.ToJson());
    }

    private static async Task<Ok<JsonObject>> GetLog(string ws, string p, QueryLimit limits, int? limit, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        var take = limits.Take(limit);
        var panel = context.Live.GetPanel(p);
        return TypedResults.Ok(PanelJsonViews.Log(panel.PanelId, panel.Instance?.Log.Recent(take) ?? []));
    }

    private static async Task<Ok<JsonObject>> GetHistory(string ws, string p, QueryLimit limits, int? limit, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        var take = limits.Take(limit);
        var panel = context.Live.GetPanel(p);
        return TypedResults.Ok(PanelJsonViews.History(panel.PanelId, context.Live.PanelHistory(panel.PanelId, take)));
    }
}
