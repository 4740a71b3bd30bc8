using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Nexus.Graph;
using Nexus.Graph.Json;
using Nexus.Graph.Patches;
using Nexus.Server.Api.Proposals;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Api.Graph;

/// <summary>The NOG endpoints under <c>/api/workspaces/{ws}/graph</c> (<c>api.md</c> "NOG").</summary>
public static class GraphApi
{
    /// <summary>No relationship path joins the two entities (404).</summary>
    public const string PathNotFound = ErrorCodes.PathNotFound;

    /// <summary>The depth of a neighbour query without <c>?depth=</c>.</summary>
    public const int DefaultNeighborDepth = 1;

    /// <summary>The body field that turns a patch set into a proposal instead of applying it.</summary>
    public const string ProposeField = "propose";

    /// <summary>
    /// Maps the graph, entity search, one entity, neighbours, shortest path (viewers) and patches (editors). Every
    /// route checks access first (<see cref="WorkspaceAccess"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapGraphApi(this IEndpointRouteBuilder endpoints)
    {
        var graph = endpoints.MapGroup("/api/workspaces/{ws}/graph").RequireAuthorization().WithTags("NOG");
        graph.MapGet("", GetGraphAsync);
        graph.MapGet("/entities", FindEntitiesAsync);
        graph.MapGet("/entities/{id}", GetEntityAsync);
        graph.MapGet("/neighbors/{id}", GetNeighborsAsync);
        graph.MapGet("/path", GetPathAsync);
        graph.MapPost("/patches", PostPatchesAsync);
        return endpoints;
    }

    private static async Task<Ok<JsonObject>> GetGraphAsync(string ws, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        var version = context.Live.Nog.Version;
        return TypedResults.Ok(GraphJsonViews.Graph(context.Live.Nog.Current.Graph, version));
    }

    private static async Task<Ok<JsonObject>> FindEntitiesAsync(string ws, string? category, string? tag, string? panel, string? q, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        EntityCategory? parsed = null;
        if (!string.IsNullOrEmpty(category))
        {
            parsed = NogNames.TryParse<EntityCategory>(category, out var value)
                ? value
                : throw new GraphException(GraphErrorCodes.InvalidQuery, $"unknown category '{category}' (one of {string.Join(", ", NogNames.All<EntityCategory>())})");
        }

        var query = new EntityQuery { Category = parsed, Tag = Blank(tag), Panel = Blank(panel), Text = Blank(q) };
        return TypedResults.Ok(new JsonObject { ["entities"] = GraphJsonViews.Entities(context.Live.Nog.Current.Graph.Find(query)) });
    }

    private static async Task<Ok<JsonObject>> GetEntityAsync(string ws, string id, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(GraphJsonViews.EntityDetail(context.Live.Nog.Current.Graph, id));
    }

    /// <summary>The depth is bounded by the graph's <see cref="NogGraphOptions.MaxNeighborDepth"/> (400 <c>INVALID_QUERY</c> beyond it).</summary>
    private static async Task<Ok<JsonObject>> GetNeighborsAsync(string ws, string id, int? depth, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        var levels = depth ?? DefaultNeighborDepth;
        return TypedResults.Ok(GraphJsonViews.Neighbors(id, levels, context.Live.Nog.Current.Graph.Neighbors(id, levels)));
    }

    private static async Task<Ok<JsonObject>> GetPathAsync(string ws, string? from, string? to, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireAsync(user, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            throw new GraphException(GraphErrorCodes.InvalidQuery, "both 'from' and 'to' are required");
        }

        return context.Live.Nog.Current.Graph.ShortestPath(from, to) is { } path
            ? TypedResults.Ok(GraphJsonViews.Path(path))
            : throw new ApiException(ErrorCodes.PathNotFound, $"no relationship path joins '{from}' and '{to}'");
    }

    /// <summary>
    /// Applies a patch set directly (200 with the result), or with <c>"propose": true</c> makes it a proposal (201).
    /// A set that does not apply is 400 with the result's fields (<c>succeeded: false</c>, <c>appliedCount</c>,
    /// <c>failedPatchId</c>, <c>errorCode</c>, <c>errorMessage</c>) and the failing patch's code; nothing changes then.
    /// </summary>
    private static async Task<Results<Ok<JsonObject>, Created<JsonObject>, ProblemHttpResult>> PostPatchesAsync(string ws, JsonElement body, ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var context = await access.RequireWithRoomAsync(user, ws, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
        var (patches, propose) = ReadBody(body);
        if (propose)
        {
            var proposal = await context.Live.ProposeAsync(ProposalFromPatches(patches, context.UserId), patches).ConfigureAwait(false);
            return TypedResults.Created(ProposalJsonViews.Location(ws, proposal.Id), ProposalJsonViews.Created(proposal));
        }

        var result = await context.Live.ApplyGraphPatchesAsync(patches).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return TypedResults.Ok(GraphJsonViews.PatchResult(result));
        }

        var fields = GraphJsonViews.PatchResult(result).ToDictionary(p => p.Key, p => (object?)p.Value);
        return CodedProblem.Create(StatusCodes.Status400BadRequest, result.ErrorCode ?? GraphErrorCodes.InvalidPatch, $"patch {result.FailedPatchId ?? "?"} does not apply: {result.ErrorMessage}", fields);
    }

    private static (PatchSet Patches, bool Propose) ReadBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new GraphException(GraphErrorCodes.InvalidJson, "the body must be a patch set object");
        }

        var propose = false;
        if (body.TryGetProperty(ProposeField, out var flag))
        {
            propose = flag.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False or JsonValueKind.Null => false,
                _ => throw new GraphException(GraphErrorCodes.InvalidJson, "'propose' must be true or false"),
            };
        }

        // The patch set reader refuses unknown fields, so the flag is taken out before it reads the rest.
        var set = JsonObject.Create(body)!;
        set.Remove(ProposeField);
        return (PatchSetJson.Parse(set.ToJsonString()), propose);
    }

    private static ProposalRequest ProposalFromPatches(PatchSet patches, Guid userId) => new()
    {
        Title = patches.Title ?? $"Graph patches {patches.Id}",
        Author = userId.ToString("D"),
        Source = patches.Source == RelationshipSource.Ai ? ProposalSources.Ai : ProposalSources.User,
        Reasoning = patches.Reasoning,
        Confidence = patches.Confidence,
        Changes = [],
    };

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
