namespace Nexus.Server.Api.Realtime;

/// <summary>
/// Counts the notifications a socket's pump has forwarded, so a RESULT can wait for the ones its call produced. The
/// panel queues a call's PROGRESS, EVENT and VIEW notifications before the call returns (see
/// <see cref="Nexus.Workspace.Hosting.PanelSubscription.Delivered"/>), but the pump forwards them on its own task: a
/// RESULT sent at once could overtake them, and a client would hear the answer before what led to it.
/// </summary>
internal sealed class ForwardedNotifications
{
    private long _forwarded;
    private Waiter? _waiter;

    /// <summary>The pump forwarded (or filtered out) one more notification.</summary>
    public void Forwarded()
    {
        var forwarded = Interlocked.Increment(ref _forwarded);
        if (Volatile.Read(ref _waiter) is { } waiter && forwarded >= waiter.Target)
        {
            waiter.Done.TrySetResult();
        }
    }

    /// <summary>The pump stopped (the session ends, or the panel went away): nothing is left to wait for.</summary>
    public void Stopped()
    {
        Volatile.Write(ref _forwarded, long.MaxValue);
        Volatile.Read(ref _waiter)?.Done.TrySetResult();
    }

    /// <summary>Completes once <paramref name="target"/> notifications were forwarded. One waiter at a time (a socket's messages are handled in order).</summary>
    public Task WaitForAsync(long target, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _forwarded) >= target)
        {
            return Task.CompletedTask;
        }

        var waiter = new Waiter(target);
        Volatile.Write(ref _waiter, waiter);

        // The pump may have caught up between the check and the registration, and then it may not run again.
        if (Volatile.Read(ref _forwarded) >= target)
        {
            waiter.Done.TrySetResult();
        }

        return waiter.Done.Task.WaitAsync(cancellationToken);
    }

    private sealed class Waiter(long target)
    {
        public long Target { get; } = target;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
