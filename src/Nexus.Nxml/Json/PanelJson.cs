using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Nxml.Json;

/// <summary>
/// The JSON AST of a panel (§8): <c>{ kind: "NexusPanel", meta, data?, logic?, view? }</c>. Beyond §8 the
/// panel carries <c>trailingComments</c> (comments after the root element) so that JSON keeps every comment.
/// </summary>
public sealed record PanelJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public MetaJson? Meta { get; init; }

    public DataJson? Data { get; init; }

    public LogicJson? Logic { get; init; }

    public ViewJson? View { get; init; }

    [JsonPropertyOrder(103)]
    public IReadOnlyList<string?>? TrailingComments { get; init; }
}

/// <summary>The panel meta: the root attributes, with <c>tags</c> split (omitted when there are none).</summary>
public sealed record MetaJson
{
    public string? Title { get; init; }

    public string? Id { get; init; }

    public string? Description { get; init; }

    public string? Version { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string?>? Tags { get; init; }
}

/// <summary><c>{ kind: "Data", states, computed }</c>; both lists are always written, possibly empty.</summary>
public sealed record DataJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public IReadOnlyList<StateJson?>? States { get; init; }

    public IReadOnlyList<ComputedJson?>? Computed { get; init; }
}

/// <summary>
/// <c>{ kind: "State", name, type, default? }</c>. <c>default</c> is the typed value (a number, an array, ...)
/// when it parses for the declared type, else the text as written.
/// </summary>
public sealed record StateJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public JsonElement? Default { get; init; }
}

/// <summary><c>{ kind: "Computed", name, value }</c>; <c>value</c> is the expression as written.</summary>
public sealed record ComputedJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Value { get; init; }
}
