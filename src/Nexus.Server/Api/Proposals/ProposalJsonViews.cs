using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Nexus.Graph.Diff;
using Nexus.Workspace;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Api.Proposals;

/// <summary>How the proposals API shows a proposal, its list row and its review (<c>api.md</c> "Proposals").</summary>
internal static class ProposalJsonViews
{
    public static string Location(string workspaceId, string proposalId) => $"/api/workspaces/{workspaceId}/proposals/{proposalId}";

    /// <summary>What creating a proposal answers: <c>{id, status, branch}</c>.</summary>
    public static JsonObject Created(Proposal proposal) => new()
    {
        ["id"] = proposal.Id,
        ["status"] = proposal.Status.ToName(),
        ["branch"] = proposal.Branch,
    };

    /// <summary>A proposal's record without its diffs (list rows and decisions).</summary>
    public static JsonObject Summary(Proposal proposal) => new()
    {
        ["id"] = proposal.Id,
        ["title"] = proposal.Title,
        ["description"] = proposal.Description,
        ["status"] = proposal.Status.ToName(),
        ["author"] = proposal.Author,
        ["source"] = proposal.Source,
        ["reasoning"] = proposal.Reasoning,
        ["confidence"] = proposal.Confidence,
        ["baseSha"] = proposal.BaseSha,
        ["branch"] = proposal.Branch,
        ["mergedSha"] = proposal.MergedSha,
        ["changedPaths"] = Strings(proposal.ChangedPaths),
        ["conflictingPaths"] = Strings(proposal.ConflictingPaths),
        ["error"] = proposal.Error,
        ["createdAt"] = proposal.CreatedAt,
        ["updatedAt"] = proposal.UpdatedAt,
    };

    /// <summary>The record with its unified diff per file and its NOG diff (ids and changed field names).</summary>
    public static JsonObject Detail(ProposalReview review)
    {
        var json = Summary(review.Proposal);
        json["files"] = new JsonArray([.. review.Files.Select(f => (JsonNode)new JsonObject
        {
            ["path"] = f.Path,
            ["status"] = f.Status,
            ["diff"] = f.Patch,
        })]);
        json["graphDiff"] = GraphDiff(review.GraphDiff);
        return json;
    }

    private static JsonObject GraphDiff(GraphDiff diff) => new()
    {
        ["addedEntities"] = Strings(diff.AddedEntities.Select(e => e.Id)),
        ["removedEntities"] = Strings(diff.RemovedEntities.Select(e => e.Id)),
        ["changedEntities"] = Changes(diff.ChangedEntities.Select(c => (c.After.Id, c.Fields))),
        ["addedRelationships"] = Strings(diff.AddedRelationships.Select(r => r.Id)),
        ["removedRelationships"] = Strings(diff.RemovedRelationships.Select(r => r.Id)),
        ["changedRelationships"] = Changes(diff.ChangedRelationships.Select(c => (c.After.Id, c.Fields))),
    };

    private static JsonArray Changes(IEnumerable<(string Id, ImmutableArray<string> Fields)> changes) =>
        new([.. changes.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["fields"] = Strings(c.Fields) })]);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
