using Nexus.Reactor;

namespace Nexus.Studio.Rendering.Session;

/// <summary>How a live panel session keeps its activity and follows progress.</summary>
public sealed record PanelSessionOptions
{
    public static readonly PanelSessionOptions Default = new();

    /// <summary>How many activity entries (log lines and events) are kept. Default 200.</summary>
    public int ActivityCapacity { get; init; } = 200;

    /// <summary>How many notifications may wait before the subscription is dropped (and re-established); null: the workspace's default.</summary>
    public int? SubscriberCapacity { get; init; }

    /// <summary>The longest a handler can run (the runtime's time limit): progress older than this has ended.</summary>
    public TimeSpan ExecutionLimit { get; init; } = ReactorOptions.Default.Timeout;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
