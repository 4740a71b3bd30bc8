using System.Collections.Concurrent;

namespace Nexus.Server.Quotas;

/// <summary>
/// One lock per user around the count-then-create of their workspaces: the workspace limit is counted in the platform
/// database and the workspace created afterwards, so two creates at the limit could otherwise both pass. The
/// workspaces live in this server's data directory, so one server process owns them and an in-process lock is
/// enough. A lock stays for the life of the process (one small object per user who created a workspace).
/// </summary>
public sealed class OwnerLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    /// <summary>Waits for the user's lock; disposing the answer releases it.</summary>
    public async Task<IDisposable> AcquireAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(userId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
