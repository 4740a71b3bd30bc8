using System.Collections.Concurrent;

namespace Nexus.Reactor.Scheduling;

/// <summary>
/// Runs a panel's work one item at a time, in arrival order, on whichever thread finds the panel idle (a
/// trampoline: no thread is parked per panel, and a call to an idle panel runs at once on its caller's
/// thread). Different panels run in parallel. Script code stays safe on any thread: the engine's stack
/// guard and recursion limit stop deep recursion long before the thread's stack ends.
/// </summary>
internal sealed class PanelActor
{
    private readonly ConcurrentQueue<Action> _mailbox = new();
    private int _running;

    /// <summary>Reports a work item that threw (work items are expected to handle their own failures).</summary>
    public Action<Exception>? OnError { get; set; }

    public void Post(Action work)
    {
        _mailbox.Enqueue(work);
        Drain();
    }

    private void Drain()
    {
        while (!_mailbox.IsEmpty)
        {
            if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                return;
            }

            try
            {
                while (_mailbox.TryDequeue(out var work))
                {
                    try
                    {
                        work();
                    }
#pragma warning disable CA1031 // One failing item must not stop the panel's queue.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        OnError?.Invoke(ex);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
        }
    }
}
