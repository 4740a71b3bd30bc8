using System.Text.Json.Nodes;
using Nexus.Graph;
using Nexus.Graph.Json;
using Nexus.Graph.Patches;

namespace Nexus.Server.Api.Graph;

/// <summary>
/// How the NOG API shows entities and relationships: exactly the objects of <c>graph/nog.json</c> (the graph
/// library's canonical writer makes them, so the API and the file never disagree on a field).
/// </summary>
internal static class GraphJsonViews
{
    /// <summary>The entities and relationships as the two arrays of <c>graph/nog.json</c>.</summary>
    public static (JsonArray Entities, JsonArray Relationships) Arrays(IEnumerable<NogEntity> entities, IEnumerable<NogRelationship> relationships)
    {
        var json = JsonNode.Parse(NogJson.Serialize(new NogDocument(entities, relationships)))!.AsObject();
        return ((JsonArray)json["entities"]!.DeepClone(), (JsonArray)json["relationships"]!.DeepClone());
    }

    public static JsonArray Entities(IEnumerable<NogEntity> entities) => Arrays(entities, []).Entities;

    public static JsonArray Relationships(IEnumerable<NogRelationship> relationships) => Arrays([], relationships).Relationships;

    public static JsonObject Entity(NogEntity entity) => (JsonObject)Entities([entity])[0]!.DeepClone();

    /// <summary>The whole graph with the live NOG's version (one more with every change).</summary>
    public static JsonObject Graph(NogGraph graph, long version)
    {
        var (entities, relationships) = Arrays(graph.Entities, graph.Relationships);
        return new JsonObject { ["entities"] = entities, ["relationships"] = relationships, ["version"] = version };
    }

    /// <summary>One entity with the relationships that end at it and start from it.</summary>
    public static JsonObject EntityDetail(NogGraph graph, string id)
    {
        var entity = Entity(graph.GetEntity(id));
        entity["incoming"] = Relationships(graph.Incoming(id));
        entity["outgoing"] = Relationships(graph.Outgoing(id));
        return entity;
    }

    public static JsonObject Neighbors(string id, int depth, IReadOnlyList<Neighbor> neighbors)
    {
        var entities = Entities(neighbors.Select(n => n.Entity));
        var byId = entities.Select(e => e!.AsObject()).ToDictionary(e => (string)e["id"]!, StringComparer.Ordinal);
        return new JsonObject
        {
            ["id"] = id,
            ["depth"] = depth,
            ["neighbors"] = new JsonArray([.. neighbors.Select(n => (JsonNode)new JsonObject
            {
                ["entity"] = byId[n.Entity.Id].DeepClone(),
                ["depth"] = n.Depth,
                ["via"] = n.Via.Id,
            })]),
        };
    }

    public static JsonObject Path(GraphPath path)
    {
        // The path's order matters, and the canonical writer sorts by id: keep the path's order.
        var entities = Entities(path.Entities).Select(e => e!.AsObject()).ToDictionary(e => (string)e["id"]!, StringComparer.Ordinal);
        var relationships = Relationships(path.Relationships).Select(r => r!.AsObject()).ToDictionary(r => (string)r["id"]!, StringComparer.Ordinal);
        return new JsonObject
        {
            ["entities"] = new JsonArray([.. path.Entities.Select(e => entities[e.Id].DeepClone())]),
            ["relationships"] = new JsonArray([.. path.Relationships.Select(r => relationships[r.Id].DeepClone())]),
            ["length"] = path.Length,
        };
    }

    public static JsonObject PatchResult(PatchSetResult result) => new()
    {
        ["patchSetId"] = result.PatchSet.Id,
        ["succeeded"] = result.Succeeded,
        ["appliedCount"] = result.AppliedCount,
        ["failedPatchId"] = result.FailedPatchId,
        ["errorCode"] = result.ErrorCode,
        ["errorMessage"] = result.ErrorMessage,
    };
}
