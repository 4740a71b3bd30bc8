using Nexus.Reactor;

namespace Nexus.Studio.Rendering.Session;

/// <summary>
/// Which tools are running elsewhere: a tool is in progress from a commit point inside its handler until its
/// final commit or its failure. A handler that commits nothing at its end sends no final notice, so an entry
/// also ends once the runtime's time limit for one execution has passed (no handler can run longer).
/// </summary>
internal sealed class ProgressTracker(TimeSpan executionLimit, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _running = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Notes a commit; true when the set of running tools changed.</summary>
    public bool Apply(StateCommitted committed)
    {
        if (committed.Tool is not { } tool || tool.StartsWith("bind:", StringComparison.Ordinal))
        {
            return false;
        }

        return committed.InProgress ? Start(tool) : Stop(tool);
    }

    public bool Start(string tool)
    {
        lock (_gate)
        {
            var added = !_running.ContainsKey(tool);
            _running[tool] = time.GetUtcNow();
            return added;
        }
    }

    public bool Stop(string tool)
    {
        lock (_gate)
        {
            return _running.Remove(tool);
        }
    }

    public IReadOnlyCollection<string> Running
    {
        get
        {
            var now = time.GetUtcNow();
            lock (_gate)
            {
                foreach (var (tool, since) in _running.ToList())
                {
                    if (now - since > executionLimit)
                    {
                        _running.Remove(tool);
                    }
                }

                return [.. _running.Keys];
            }
        }
    }
}
