using System.Text.Json.Serialization;

namespace Nexus.Nxml.Json;

/// <summary><c>{ kind: "View", root? }</c>; <c>root</c> is absent for an empty view.</summary>
public sealed record ViewJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public ComponentJson? Root { get; init; }
}

/// <summary>
/// A component (no <c>kind</c>, as in §8): <c>{ type, props, children, text?, layout?, implicit? }</c>.
/// <c>props</c> keeps every attribute's text as written, in source order (a JSON object of strings);
/// <c>children</c> is always written; <c>implicit</c> is written (true) only on the Layout that wraps
/// several top-level elements. Read and written by <see cref="ComponentJsonConverter"/>, without recursion.
/// </summary>
[JsonConverter(typeof(ComponentJsonConverter))]
public sealed record ComponentJson : NodeJson
{
    public string? Type { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>>? Props { get; init; }

    public IReadOnlyList<ComponentJson?>? Children { get; init; }

    public string? Text { get; init; }

    public LayoutJson? Layout { get; init; }

    public bool? Implicit { get; init; }
}

/// <summary>A child's place on the 12-column grid of an <c>auto</c> layout (§6.4).</summary>
public sealed record LayoutJson(int ColSpan, bool NewRow);
