using System.Globalization;
using System.Text.Json;
using Nexus.Graph.Patches;

namespace Nexus.Graph.Json;

/// <summary>
/// Patch sets as JSON (what <c>POST /graph/patches</c> and proposals take):
/// <c>{"id"?, "title"?, "reasoning"?, "confidence"?, "source"?: "user"|"ai"|"system", "patches": [{"id"?, "kind":
/// "entity"|"relationship"|"view", "operation": "create"|"update"|"delete", "targetId"?, "entity"? | "relationship"? |
/// "view"?, "confidence"?, "reasoning"?}]}</c>. Entities and relationships have the shape of <c>graph/nog.json</c>;
/// <c>targetId</c> defaults to their id (it is required for deletes and views). Missing ids are made up
/// (<c>set-…</c>, <c>p1</c>, <c>p2</c>, …). Every patch read is pending. Errors are <see cref="GraphException"/>
/// (<c>INVALID_JSON</c>, <c>INVALID_ENTITY</c>, <c>INVALID_RELATIONSHIP</c>, <c>INVALID_PATCH</c>) naming the JSON path.
/// </summary>
public static class PatchSetJson
{
    /// <summary>At most this many patches in one set (default for <see cref="Parse"/>).</summary>
    public const int DefaultMaxPatches = 1_000;

    public static PatchSet Parse(string json, NogJsonOptions? options = null, int maxPatches = DefaultMaxPatches)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= NogJsonOptions.Default;
        using var document = NogJsonReader.ParseDocument(json, options);
        return Read(document.RootElement, options, maxPatches);
    }

    public static PatchSet Read(JsonElement element, NogJsonOptions? options = null, int maxPatches = DefaultMaxPatches)
    {
        options ??= NogJsonOptions.Default;
        var fields = new JsonObjectReader(element, "$", "id", "title", "reasoning", "confidence", "source", "patches");
        var items = fields.Array("patches").ToList();
        if (items.Count == 0 || items.Count > maxPatches)
        {
            throw JsonObjectReader.Error("$.patches", $"expected 1 to {maxPatches} patches, found {items.Count}");
        }

        return new PatchSet
        {
            Id = fields.OptionalString("id") ?? "set-" + Guid.NewGuid().ToString("N")[..12],
            Title = fields.OptionalString("title"),
            Reasoning = fields.OptionalString("reasoning"),
            Confidence = fields.Number("confidence"),
            Source = fields.Enum("source", RelationshipSource.User),
            Patches = [.. items.Select((item, index) => ReadPatch(item.Item, item.Path, index, options))],
        };
    }

    private static GraphPatch ReadPatch(JsonElement element, string path, int index, NogJsonOptions options)
    {
        var fields = new JsonObjectReader(element, path, "id", "kind", "operation", "targetId", "entity", "relationship", "view", "confidence", "reasoning");
        var kind = Required<PatchKind>(fields, "kind");
        var operation = Required<PatchOperation>(fields, "operation");
        var entity = Present(fields, "entity") is { } e ? NogJsonReader.ReadEntity(e, path + ".entity", options) : null;
        var relationship = Present(fields, "relationship") is { } r ? NogJsonReader.ReadRelationship(r, path + ".relationship", options) : null;
        var view = Present(fields, "view") is not null ? fields.Properties("view") : null;
        var target = fields.OptionalString("targetId") ?? entity?.Id ?? relationship?.Id
            ?? throw JsonObjectReader.Error(path, "missing field 'targetId'");
        return new GraphPatch
        {
            Id = fields.OptionalString("id") ?? "p" + (index + 1).ToString(CultureInfo.InvariantCulture),
            Kind = kind,
            Operation = operation,
            TargetId = target,
            Entity = entity,
            Relationship = relationship,
            View = view,
            Confidence = fields.Number("confidence"),
            Reasoning = fields.OptionalString("reasoning"),
        };
    }

    private static JsonElement? Present(JsonObjectReader fields, string name) =>
        fields.Has(name) && fields.Get(name).ValueKind != JsonValueKind.Null ? fields.Get(name) : null;

    private static T Required<T>(JsonObjectReader fields, string name)
        where T : struct, Enum =>
        fields.OptionalString(name) is null
            ? throw JsonObjectReader.Error($"{fields.Path}.{name}", $"missing field '{name}' (one of {string.Join(", ", NogNames.All<T>())})")
            : fields.Enum(name, default(T));
}
