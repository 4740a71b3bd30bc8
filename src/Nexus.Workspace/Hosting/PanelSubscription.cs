using System.Threading.Channels;
using Nexus.Reactor;

namespace Nexus.Workspace.Hosting;

/// <summary>
/// What one subscriber (a WebSocket, a UI component, an MCP session) hears about one panel: PATCH, PROGRESS,
/// EVENT, VIEW and RELOADED notifications, each with the panel's version, in order. The queue is bounded: a
/// subscriber that does not keep up is dropped (its reader completes after a <see cref="SubscriberDropped"/>)
/// without slowing the panel or the other subscribers.
/// </summary>
public sealed class PanelSubscription : IDisposable
{
    private readonly Channel<PanelNotification> _queue;
    private readonly Action<PanelSubscription> _detach;
    private int _closed;
    private long _delivered;

    internal PanelSubscription(string panelId, int capacity, Action<PanelSubscription> detach)
    {
        PanelId = panelId;
        _detach = detach;
        // One slot more than the capacity keeps room for the SubscriberDropped that tells the reader why it ends.
        _queue = Channel.CreateBounded<PanelNotification>(new BoundedChannelOptions(capacity + 1)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Capacity = capacity;
    }

    public string PanelId { get; }

    public int Capacity { get; }

    /// <summary>True once the subscriber was dropped for falling behind.</summary>
    public bool Dropped { get; private set; }

    public ChannelReader<PanelNotification> Reader => _queue.Reader;

    /// <summary>
    /// How many notifications were queued for this subscriber so far. Notifications are queued on the thread that
    /// produces them, before the call that produced them returns, so a reader that has taken this many has heard
    /// everything such a call did (a WebSocket answers the call only then).
    /// </summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>
    /// Which notifications this subscriber wants (null: all). Asked on the committing thread before queueing, so a
    /// notification nobody wants costs no queue write and no wake-up of the reader: with many subscribers that
    /// listen to a few keys, most commits concern few of them. Keep it cheap and thread-safe.
    /// </summary>
    public Func<PanelNotification, bool>? Wants { get; set; }

    /// <summary>Never blocks: a full queue drops this subscriber.</summary>
    internal void Deliver(PanelNotification notification)
    {
        if (Volatile.Read(ref _closed) != 0 || Wants is { } wants && !wants(notification))
        {
            return;
        }

        if (_queue.Reader.Count < Capacity && _queue.Writer.TryWrite(notification))
        {
            Interlocked.Increment(ref _delivered);
        }
        else
        {
            Dropped = true;
            _queue.Writer.TryWrite(new SubscriberDropped(notification.Version, $"more than {Capacity} notifications were waiting"));
            Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _queue.Writer.TryComplete();
            _detach(this);
        }
    }
}
