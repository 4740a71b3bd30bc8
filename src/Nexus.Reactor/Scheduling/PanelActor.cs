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
    // Items are Actions or IActorWork: one reference per slot (an idle panel keeps the queue's first segment).
    private readonly ConcurrentQueue<object> _mailbox = new();
    private int _running;

    /// <summary>Reports a work item that threw (work items are expected to handle their own failures).</summary>
    public Action<Exception>? OnError { get; set; }

    public void Post(Action work) => PostItem(work);

    /// <summary>Posts an object that is its own work item (no closure and delegate per item).</summary>
    public void Post(IActorWork work) => PostItem(work);

    private void PostItem(object work)
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
                while (_mailbox.TryDequeue(out var item))
                {
                    try
                    {
                        if (item is IActorWork work)
                        {
                            work.Run();
                        }
                        else
                        {
                            ((Action)item)();
                        }
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

/// <summary>A work item that carries what it needs, for work posted often (a tool call).</summary>
internal interface IActorWork
{
    void Run();
}
