using Nexus.Reactor;

namespace Nexus.Workspace.Hosting;

/// <summary>The panel's source changed (an edit, a revert, an accepted proposal): a new instance now runs it.</summary>
public sealed record PanelReloaded(long Version, string Source) : PanelNotification(Version);

/// <summary>The subscriber fell too far behind and was dropped; it should reconnect and fetch the state again.</summary>
public sealed record SubscriberDropped(long Version, string Reason) : PanelNotification(Version);
