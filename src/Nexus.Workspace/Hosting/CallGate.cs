namespace Nexus.Workspace.Hosting;

/// <summary>
/// Lets calls run concurrently until someone pauses them: a pause waits for the calls in progress to finish, and
/// calls arriving meanwhile wait until the pause ends. A call looks for a pause and counts itself in under one
/// lock, so no call can slip past a pause.
/// </summary>
internal sealed class CallGate
{
    private readonly Lock _gate = new();
    private int _running;
    private TaskCompletionSource? _paused;
    private TaskCompletionSource? _drained;

    public async Task EnterAsync()
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_paused is null)
                {
                    _running++;
                    return;
                }

                wait = _paused.Task;
            }

            await wait.ConfigureAwait(false);
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            if (--_running == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Waits until no call runs and holds new ones back; only one pause at a time (the workspace's structure lock).</summary>
    public async Task<IDisposable> PauseAsync()
    {
        Task drained;
        lock (_gate)
        {
            _paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_running == 0)
            {
                _drained.TrySetResult();
            }

            drained = _drained.Task;
        }

        await drained.ConfigureAwait(false);
        return new Resume(this);
    }

    private void End()
    {
        TaskCompletionSource? paused;
        lock (_gate)
        {
            paused = _paused;
            _paused = null;
            _drained = null;
        }

        paused?.TrySetResult();
    }

    private sealed class Resume(CallGate gate) : IDisposable
    {
        private CallGate? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.End();
    }
}
