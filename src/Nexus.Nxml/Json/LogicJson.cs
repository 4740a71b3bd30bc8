using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Nxml.Json;

/// <summary>
/// <c>{ kind: "Logic", extensions, tools, handlers, lifecycles }</c>; every list is always written. Beyond §8,
/// <c>handlers</c> holds the named Logic-level handlers that tools and lifecycles reference by name.
/// </summary>
public sealed record LogicJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public IReadOnlyList<ExtensionJson?>? Extensions { get; init; }

    public IReadOnlyList<ToolJson?>? Tools { get; init; }

    public IReadOnlyList<HandlerJson?>? Handlers { get; init; }

    public IReadOnlyList<LifecycleJson?>? Lifecycles { get; init; }
}

/// <summary><c>{ kind: "Extension", name, alias?, source? }</c>; <c>alias</c> is as written (absent when defaulted).</summary>
public sealed record ExtensionJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Alias { get; init; }

    public string? Source { get; init; }
}

/// <summary>
/// <c>{ kind: "Tool", name, description?, handlerRef?, args, capabilities?, handler? }</c>. <c>handlerRef</c>
/// is the <c>handler="h"</c> attribute (the name of a Logic-level handler); <c>handler</c> is the inline
/// handler. <c>capabilities</c> is absent when none are declared (they are inferred) and <c>[]</c> when
/// declared empty.
/// </summary>
public sealed record ToolJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? HandlerRef { get; init; }

    public IReadOnlyList<ArgJson?>? Args { get; init; }

    public IReadOnlyList<CapabilityJson?>? Capabilities { get; init; }

    public HandlerJson? Handler { get; init; }
}

/// <summary>
/// <c>{ kind: "Arg", name, type, required, default?, description? }</c>. <c>required</c> is the effective
/// value (false with <c>required="false"</c> or a default); <c>default</c> is typed as for a State.
/// </summary>
public sealed record ArgJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public bool? Required { get; init; }

    public JsonElement? Default { get; init; }

    public string? Description { get; init; }
}

/// <summary><c>{ type, scope? }</c> as in §8 (no <c>kind</c>); a missing scope means <c>*</c>.</summary>
public sealed record CapabilityJson : NodeJson
{
    public string? Type { get; init; }

    public string? Scope { get; init; }
}

/// <summary><c>{ kind: "Handler", name?, code, isAsync }</c>; <c>isAsync</c> is true when the code uses <c>await</c>.</summary>
public sealed record HandlerJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Code { get; init; }

    public bool? IsAsync { get; init; }
}

/// <summary><c>{ kind: "Lifecycle", on, handlerRef?, capabilities?, handler? }</c>, as a Tool for the shared parts.</summary>
public sealed record LifecycleJson : NodeJson
{
    [JsonPropertyOrder(-10)]
    public string? Kind { get; init; }

    public string? On { get; init; }

    public string? HandlerRef { get; init; }

    public IReadOnlyList<CapabilityJson?>? Capabilities { get; init; }

    public HandlerJson? Handler { get; init; }
}
