namespace Nexus.Studio.Rendering.Session;

/// <summary>A bounded, thread-safe list of the panel's recent activity; the oldest entries go first.</summary>
internal sealed class ActivityFeed(int capacity)
{
    private readonly Queue<ActivityEntry> _entries = new();
    private readonly Lock _gate = new();

    public void Add(ActivityEntry entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    public IReadOnlyList<ActivityEntry> Recent(int limit)
    {
        lock (_gate)
        {
            return [.. _entries.Skip(Math.Max(0, _entries.Count - limit))];
        }
    }
}
