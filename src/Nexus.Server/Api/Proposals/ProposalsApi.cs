using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Nexus.Graph.Json;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Server.Identity;
using Nexus.Workspace.Git;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Api.Proposals;

/// <summary>The proposal endpoints under <c>/api/workspaces/{ws}</c> (<c>api.md</c> "Proposals (Explicit Sync)").</summary>
public static class ProposalsApi
{
    /// <summary>Sync needs an LLM and none is configured (503).</summary>
    public const string AiNotConfigured = ErrorCodes.AiNotConfigured;

    /// <summary>
    /// Maps create, list, review, accept, reject and sync. Viewers read; editors propose and sync; who accepts and
    /// rejects is <see cref="ProposalDecisions"/>'s rule. Every route checks access first (<see cref="WorkspaceAccess"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder endpoints)
    {
        // Resolved now so that a bad setting stops the server at start-up, naming the setting.
        _ = endpoints.ServiceProvider.GetRequiredService<ProposalsApiOptions>();
        var workspace = endpoints.MapGroup("/api/workspaces/{ws}").RequireAuthorization().WithTags("Proposals");
        workspace.MapPost("/proposals", CreateAsync);
        workspace.MapGet("/proposals", ListAsync);
        workspace.MapGet("/proposals/{id}", GetAsync);
        workspace.MapPost("/proposals/{id}/accept", AcceptAsync);
        workspace.MapPost("/proposals/{id}/reject", RejectAsync);
        workspace.MapPost("/sync", SyncAsync);
        return endpoints;
    }

    /// <summary>A changed panel that does not check clean is 400 <c>INVALID_NXML</c> with per-file <c>diagnostics</c> (global handler).</summary>
    private static async Task<Created<JsonObject>> CreateAsync(string ws, CreateProposalRequest request, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireWithRoomAsync(user, ws, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
        var patches = request.GraphPatches is { ValueKind: not JsonValueKind.Null } json ? PatchSetJson.Read(json) : null;
        var changes = (request.Changes ?? []).Select(ToFileChange).ToList();
        var proposal = await context.Live.ProposeAsync(
            new ProposalRequest
            {
                Title = request.Title ?? "",
                Description = request.Description,
                Author = ProposalAuthors.ForUser(context.UserId),
                Changes = changes,
            },
            patches).ConfigureAwait(false);
        return TypedResults.Created(ProposalJsonViews.Location(ws, proposal.Id), ProposalJsonViews.Created(proposal));
    }

    private static async Task<Ok<JsonObject>> ListAsync(string ws, string? status, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        ProposalStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            filter = ProposalStatusNames.TryParse(status, out var parsed)
                ? parsed
                : throw new ApiException(ErrorCodes.BadRequest, $"unknown status '{status}' (one of {string.Join(", ", Enum.GetValues<ProposalStatus>().Select(s => s.ToName()))})");
        }

        var list = context.Live.Proposals.List(filter);
        return TypedResults.Ok(new JsonObject { ["proposals"] = new JsonArray([.. list.Select(p => (JsonNode)ProposalJsonViews.Summary(p))]) });
    }

    private static async Task<Ok<JsonObject>> GetAsync(string ws, string id, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        var review = context.Live.Review(id) ?? throw ProposalDecisions.NotFound(id);
        return TypedResults.Ok(ProposalJsonViews.Detail(review));
    }

    /// <summary>Merges into main and reloads the changed panels; 409 <c>CONFLICT</c> when it no longer merges cleanly.</summary>
    private static async Task<Ok<JsonObject>> AcceptAsync(string ws, string id, ClaimsPrincipal user, ProposalDecisions decisions, CancellationToken cancellationToken)
    {
        var acceptance = await decisions.AcceptAsync(user.GetUserId(), ws, id, cancellationToken).ConfigureAwait(false);
        var json = ProposalJsonViews.Summary(acceptance.Proposal);
        json["mergeKind"] = JsonNamingPolicy.CamelCase.ConvertName(acceptance.Kind.ToString());
        json["mainSha"] = acceptance.MainSha;
        return TypedResults.Ok(json);
    }

    private static async Task<Ok<JsonObject>> RejectAsync(string ws, string id, ClaimsPrincipal user, ProposalDecisions decisions, CancellationToken cancellationToken) =>
        TypedResults.Ok(ProposalJsonViews.Summary(await decisions.RejectAsync(user.GetUserId(), ws, id, cancellationToken).ConfigureAwait(false)));

    /// <summary>Sync asks an LLM what a panel's change means for the others; this server has none configured.</summary>
    private static async Task<ProblemHttpResult> SyncAsync(string ws, SyncRequest? request, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        _ = request;
        await access.RequireAsync(user, ws, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
        throw new ApiException(ErrorCodes.AiNotConfigured, "sync needs an AI provider, and none is configured on this server");
    }

    private static FileChange ToFileChange(ProposalChangeRequest? change, int index)
    {
        if (change?.Path is not { Length: > 0 } path)
        {
            throw new ApiException(ErrorCodes.BadRequest, $"changes[{index}] needs a 'path'");
        }

        return (change.Content, change.Delete) switch
        {
            (not null, null or false) => FileChange.Write(path, change.Content),
            (null, true) => FileChange.Delete(path),
            _ => throw new ApiException(ErrorCodes.BadRequest, $"changes[{index}] needs either 'content' or 'delete: true'"),
        };
    }
}
