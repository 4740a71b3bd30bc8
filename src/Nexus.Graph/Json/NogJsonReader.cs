using System.Text.Json;

namespace Nexus.Graph.Json;

/// <summary>Reads NOG JSON into model objects, field by field, with a JSON path in every error.</summary>
internal static class NogJsonReader
{
    public static JsonDocument ParseDocument(string json, NogJsonOptions options)
    {
        if (json.Length > options.MaxDocumentChars)
        {
            throw new GraphException(GraphErrorCodes.InvalidJson, $"the JSON has {json.Length:N0} characters; the limit is {options.MaxDocumentChars:N0}");
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" at line {line + 1}, column {error.BytePositionInLine + 1}" : string.Empty;
            throw new GraphException(GraphErrorCodes.InvalidJson, $"not valid JSON{where}: {FirstSentence(error.Message)}", error);
        }
    }

    public static NogDocument ReadDocument(JsonElement root, NogJsonOptions options)
    {
        var fields = new JsonObjectReader(root, "$", "entities", "relationships", "views");
        var entities = fields.Array("entities").Select(item => ReadEntity(item.Item, item.Path, options)).ToList();
        var relationships = fields.Array("relationships").Select(item => ReadRelationship(item.Item, item.Path, options)).ToList();
        Unique(entities.Select(e => e.Id), "$.entities", "entity");
        Unique(relationships.Select(r => r.Id), "$.relationships", "relationship");

        var views = new List<KeyValuePair<string, NogProperties>>();
        if (fields.Has("views"))
        {
            var value = fields.Get("views");
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw JsonObjectReader.Error("$.views", $"expected an object, found {JsonObjectReader.Describe(value)}");
            }

            foreach (var hint in value.EnumerateObject())
            {
                if (hint.Value.ValueKind != JsonValueKind.Object)
                {
                    throw JsonObjectReader.Error($"$.views.{hint.Name}", $"expected an object, found {JsonObjectReader.Describe(hint.Value)}");
                }

                views.Add(new(hint.Name, NogProperties.From(hint.Value)));
            }
        }

        return new NogDocument(entities, relationships, views);
    }

    public static NogEntity ReadEntity(JsonElement element, string path, NogJsonOptions options)
    {
        var fields = new JsonObjectReader(
            element, path, "id", "name", "category", "status", "description", "sourcePanel", "tags", "properties", "createdAt", "updatedAt", "version");
        var entity = new NogEntity
        {
            Id = fields.String("id"),
            Name = fields.String("name"),
            Category = fields.Enum("category", EntityCategory.Concept),
            Status = fields.Enum("status", EntityStatus.Draft),
            Description = fields.OptionalString("description"),
            SourcePanel = fields.OptionalString("sourcePanel"),
            Tags = [.. fields.Array("tags").Select(Tag)],
            Properties = fields.Properties("properties"),
            CreatedAt = fields.Timestamp("createdAt"),
            UpdatedAt = fields.Timestamp("updatedAt"),
            Version = fields.Integer("version") ?? 1,
        };
        return Validated(() => entity.Validate(options.Graph), entity, path);
    }

    public static NogRelationship ReadRelationship(JsonElement element, string path, NogJsonOptions options)
    {
        var fields = new JsonObjectReader(
            element, path, "id", "from", "to", "type", "label", "meta", "properties", "createdAt", "updatedAt");
        var meta = RelationshipMeta.Default;
        if (fields.Has("meta") && fields.Get("meta").ValueKind != JsonValueKind.Null)
        {
            var metaFields = new JsonObjectReader(fields.Get("meta"), $"{path}.meta", "strength", "confidence", "source", "notes");
            meta = new RelationshipMeta
            {
                Strength = metaFields.Number("strength") ?? 1,
                Confidence = metaFields.Number("confidence") ?? 1,
                Source = metaFields.Enum("source", RelationshipSource.User),
                Notes = metaFields.OptionalString("notes"),
            };
        }

        var relationship = new NogRelationship
        {
            Id = fields.String("id"),
            From = fields.String("from"),
            To = fields.String("to"),
            Type = fields.Enum("type", RelationshipType.RelatedTo),
            Label = fields.OptionalString("label"),
            Meta = meta,
            Properties = fields.Properties("properties"),
            CreatedAt = fields.Timestamp("createdAt"),
            UpdatedAt = fields.Timestamp("updatedAt"),
        };
        return Validated(() => relationship.Validate(options.Graph), relationship, path);
    }

    private static string Tag((JsonElement Item, string Path) tag) =>
        tag.Item.ValueKind == JsonValueKind.String
            ? tag.Item.GetString()!
            : throw JsonObjectReader.Error(tag.Path, $"expected a string, found {JsonObjectReader.Describe(tag.Item)}");

    private static T Validated<T>(Action validate, T value, string path)
    {
        try
        {
            validate();
            return value;
        }
        catch (GraphException error)
        {
            throw new GraphException(error.Code, $"{path}: {error.Message}", error);
        }
    }

    private static void Unique(IEnumerable<string> ids, string path, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new GraphException(GraphErrorCodes.DuplicateId, $"{path}: two {what} objects have id '{id}'");
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
