using Nexus.Reactor.Execution;

namespace Nexus.Reactor;

/// <summary>Something subscribers of a panel hear about, with the panel's state version at that moment.</summary>
public abstract record PanelNotification(long Version);

/// <summary>
/// State was committed: the mutations (one per key, final values), the computeds that changed, and the new
/// version (one more than before). <see cref="InProgress"/> marks a commit point inside a running handler.
/// </summary>
public sealed record StateCommitted(long Version, string? Tool, bool InProgress, IReadOnlyList<StateMutation> Mutations, IReadOnlyList<ComputedChange> Computed)
    : PanelNotification(Version);

/// <summary>A handler emitted an event (<c>system:error</c> when a handler failed).</summary>
public sealed record EventEmitted(long Version, PanelEvent Event) : PanelNotification(Version);

/// <summary>A handler changed a transient view prop or called a view method.</summary>
public sealed record ViewChanged(long Version, ViewUpdate Update) : PanelNotification(Version);
