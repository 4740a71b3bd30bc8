using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nexus.Graph;

/// <summary>
/// The free-form <c>properties</c> JSON object of an entity or relationship: immutable, keys sorted ordinally,
/// values detached <see cref="JsonElement"/>s. Equality is deep (<see cref="JsonElement.DeepEquals"/>), so two
/// bags built from the same JSON are equal whatever the key order of their source.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "It is the properties of an entity, named after its JSON field.")]
public sealed class NogProperties : IReadOnlyDictionary<string, JsonElement>, IEquatable<NogProperties>
{
    /// <summary>No properties (<c>{}</c>).</summary>
    public static readonly NogProperties Empty = new(ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, JsonElement> _values;

    private NogProperties(ImmutableSortedDictionary<string, JsonElement> values) => _values = values;

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<JsonElement> Values => _values.Values;

    public JsonElement this[string key] => _values[key];

    /// <summary>The properties of a JSON object (its values are cloned: the bag never shares a document).</summary>
    public static NogProperties From(JsonElement jsonObject)
    {
        if (jsonObject.ValueKind != JsonValueKind.Object)
        {
            throw new GraphException(GraphErrorCodes.InvalidEntity, $"properties must be a JSON object, not {jsonObject.ValueKind}");
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in jsonObject.EnumerateObject())
        {
            builder[property.Name] = property.Value.Clone();
        }

        return builder.Count == 0 ? Empty : new NogProperties(builder.ToImmutable());
    }

    /// <summary>The properties of a <see cref="JsonObject"/> (null is <see cref="Empty"/>).</summary>
    public static NogProperties From(JsonObject? jsonObject) =>
        jsonObject is null ? Empty : From(JsonSerializer.SerializeToElement(jsonObject, NogJsonContext.Default.JsonObject));

    /// <summary>A copy with <paramref name="key"/> set to a JSON value (a string, number, bool or any JSON).</summary>
    public NogProperties With(string key, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new NogProperties(_values.SetItem(key, value.Clone()));
    }

    /// <summary>A copy with <paramref name="key"/> set to a string.</summary>
    public NogProperties With(string key, string value) =>
        With(key, JsonSerializer.SerializeToElement(value, NogJsonContext.Default.String));

    /// <summary>A copy with every key of <paramref name="overlay"/> set to its value there (the overlay wins).</summary>
    public NogProperties Overlay(NogProperties overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        return overlay.Count == 0 ? this : Count == 0 ? overlay : new NogProperties(_values.SetItems(overlay._values));
    }

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out JsonElement value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(NogProperties? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _values)
        {
            if (!other._values.TryGetValue(key, out var otherValue) || !JsonElement.DeepEquals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as NogProperties);

    /// <summary>Hashes the keys only: deep value hashing is not worth it for bags compared field by field.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var key in _values.Keys)
        {
            hash.Add(key, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
