namespace Nexus.Workspace.Persistence;

/// <summary>
/// Runs an action once per burst: the first <see cref="Signal"/> schedules it after the delay, further signals
/// until then join the same run. Runs never overlap; a signal during a run schedules the next one. A failed run
/// is reported and retried on the next signal.
/// </summary>
internal sealed class Debouncer(Func<Task> action, TimeSpan delay, TimeProvider time, Action<Exception> onFailure) : IAsyncDisposable
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private int _scheduled;

    public void Signal()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0 && !_disposed.IsCancellationRequested)
        {
            _ = RunLaterAsync();
        }
    }

    /// <summary>Runs the action now (after any run in progress), whether or not something was signalled.</summary>
    public async Task RunNowAsync()
    {
        await _running.WaitAsync().ConfigureAwait(false);
        try
        {
            Interlocked.Exchange(ref _scheduled, 0);
            await action().ConfigureAwait(false);
        }
        finally
        {
            _running.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        await _running.WaitAsync().ConfigureAwait(false);
        _running.Release();
        _disposed.Dispose();
    }

    private async Task RunLaterAsync()
    {
        try
        {
            await Task.Delay(delay, time, _disposed.Token).ConfigureAwait(false);
            await RunNowAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // Background work: the failure is reported, and the next signal tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            onFailure(ex);
        }
    }
}
