using System.Text.Json.Nodes;
using Nexus.Reactor.Execution;

namespace Nexus.Reactor.Tests.Hostile;

/// <summary>
/// One hostile handler and what must come of it. The handler is the <c>attack</c> tool of a
/// <see cref="HostilePanel"/>; <see cref="Code"/> is the error it must fail with, or null when the call must
/// succeed because the attack has no effect (then <see cref="Returns"/>, when set, is its exact return value).
/// A failed call changes no state unless <see cref="Commits"/> names what a commit point before the failure
/// committed (§5 "Atomicity").
/// </summary>
public sealed record HostileCase(string Name, string Attack, string? Code)
{
    /// <summary>More <c>State</c>/<c>Computed</c> elements for the panel.</summary>
    public string Data { get; init; } = "";

    /// <summary>More <c>Tool</c> elements for the panel (helpers the attack calls through <c>$tools</c>).</summary>
    public string Logic { get; init; } = "";

    /// <summary><c>Capability</c> elements declared on the attack tool (none: inferred from its code).</summary>
    public string? Capabilities { get; init; }

    /// <summary><c>Arg</c> elements of the attack tool, and what the call passes.</summary>
    public string ArgDeclarations { get; init; } = "";

    public JsonNode? Args { get; init; }

    public ReactorOptions Limits { get; init; } = HostileLimits.Default;

    /// <summary>The exact return value of a call that must succeed (checked when set, null included).</summary>
    public JsonNode? Returns
    {
        get;
        init
        {
            field = value;
            ChecksReturn = true;
        }
    }

    public bool ChecksReturn { get; private init; }

    /// <summary>The mutations the call must report (key → final value); null: none.</summary>
    public JsonObject? Commits { get; init; }

    /// <summary>More to check once the attack ran: its result and the extension calls the host saw.</summary>
    public Action<ToolResult, EchoExtensions>? Check { get; init; }

    public override string ToString() => Name;
}

/// <summary>The limits hostile panels run with: small, so that the suite stays fast.</summary>
public static class HostileLimits
{
    /// <summary>
    /// For attacks that are stopped by anything but the clock: the clock only bounds a hang, so it is generous (an
    /// attack that must fill its memory limit across awaits takes seconds when CI runs every test project at once).
    /// </summary>
    public static readonly ReactorOptions Default = new() { Timeout = TimeSpan.FromSeconds(10), RegexTimeout = TimeSpan.FromMilliseconds(200) };

    /// <summary>
    /// For attacks the clock must stop. Memory is generous so that a loop that allocates as it spins is stopped
    /// by the clock, as it must be, and not by the allocation counter first.
    /// </summary>
    public static readonly ReactorOptions Clock = new() { Timeout = TimeSpan.FromMilliseconds(300), MemoryBytes = 512L * 1024 * 1024, RegexTimeout = TimeSpan.FromMilliseconds(200) };
}
