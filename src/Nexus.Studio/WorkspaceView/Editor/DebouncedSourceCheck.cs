namespace Nexus.Studio.WorkspaceView.Editor;

/// <summary>
/// Checks a source a moment after the last edit: each request waits <see cref="Delay"/>, and a newer request
/// cancels the one before, so typing costs one check per pause, not one per key. The check runs off the caller's
/// thread; its result is handed to the callback only if no newer request came meanwhile.
/// </summary>
public sealed class DebouncedSourceCheck(Func<SourceCheck, Task> whenChecked, TimeSpan? delay = null, TimeProvider? time = null) : IDisposable
{
    /// <summary>How long the editor waits after a key before it checks: about one pause between words.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(400);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private CancellationTokenSource? _pending;

    public TimeSpan Delay { get; } = delay ?? DefaultDelay;

    /// <summary>Checks <paramref name="text"/> after the delay unless another request comes first; the task ends when this request is done or cancelled.</summary>
    public Task RequestAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var next = new CancellationTokenSource();
        lock (_gate)
        {
            _pending?.Cancel();
            _pending = next;
        }

        return RunAsync(text, next.Token);
    }

    /// <summary>Checks now (before a save), cancelling any pending request.</summary>
    public SourceCheck CheckNow(string text)
    {
        Cancel();
        return SourceCheck.Of(text);
    }

    /// <summary>Drops a pending request: its result will not arrive.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _pending?.Cancel();
            _pending = null;
        }
    }

    public void Dispose() => Cancel();

    private async Task RunAsync(string text, CancellationToken cancellation)
    {
        try
        {
            await Task.Delay(Delay, _time, cancellation).ConfigureAwait(false);
            var check = await Task.Run(() => SourceCheck.Of(text), cancellation).ConfigureAwait(false);
            if (!cancellation.IsCancellationRequested)
            {
                await whenChecked(check).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // A newer edit replaced this request.
        }
    }
}
