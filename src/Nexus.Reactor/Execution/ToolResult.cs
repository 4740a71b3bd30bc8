using System.Text.Json.Nodes;

namespace Nexus.Reactor.Execution;

/// <summary>A committed write of one state key: its final value (§5 "Results").</summary>
public sealed record StateMutation(string Key, JsonNode? Value)
{
    /// <summary>Always <c>set</c>: a mutation carries the key's whole new value.</summary>
#pragma warning disable CA1822 // Part of the result's shape (§5), read by serializers.
    public string Operation => "set";
#pragma warning restore CA1822
}

/// <summary>A computed whose value changed with a commit.</summary>
public sealed record ComputedChange(string Key, JsonNode? Value);

/// <summary>An event a handler emitted with <c>$emit(name, payload)</c>.</summary>
public sealed record PanelEvent(string Name, JsonNode? Payload);

/// <summary>A transient view change made with <c>$view.getElementById(id).setProp(...)</c> or <c>.call(...)</c>.</summary>
public sealed record ViewUpdate(string Id, string Kind, string Name, JsonNode? Value);

/// <summary>Why a tool failed: a code from <see cref="RuntimeErrorCodes"/>, a message, and where in the NXML file when known.</summary>
public sealed record ToolError(string Code, string Message, int? Line = null, int? Column = null);

/// <summary>What executing a tool yields (§5 "Results").</summary>
public sealed record ToolResult(
    string Tool,
    bool Succeeded,
    JsonNode? ReturnValue,
    IReadOnlyList<StateMutation> Mutations,
    IReadOnlyList<ComputedChange> Computed,
    IReadOnlyList<PanelEvent> Events,
    IReadOnlyList<ViewUpdate> ViewUpdates,
    ToolError? Error,
    long Version)
{
    public string Status => Succeeded ? "success" : "error";
}
