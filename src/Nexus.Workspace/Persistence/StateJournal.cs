using System.Globalization;
using System.Threading.Channels;
using Nexus.Reactor.Execution;

namespace Nexus.Workspace.Persistence;

/// <summary>
/// The write-ahead journal: every committed state change is appended here, and its tool result is only returned
/// once the append is durable. Appends from concurrent calls are written and flushed together (group commit),
/// so one flush serves many calls. The journal lives in numbered segment files; <see cref="RotateAsync"/> starts a
/// new one so that the segments before it can be deleted once a snapshot taken after the rotation is committed.
/// </summary>
internal sealed class StateJournal : IAsyncDisposable
{
    private const string Extension = ".wal";

    private readonly string _directory;
    private readonly JournalDurability _durability;
    private readonly Channel<Operation> _operations = Channel.CreateUnbounded<Operation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Task _writer;
    private FileStream _segment;
    private long _segmentNumber;
    private long _appended;
    private long _durable;
    private Exception? _failure;
    private TaskCompletionSource _nextFlush = NewFlush();

    public StateJournal(string directory, JournalDurability durability)
    {
        _directory = directory;
        _durability = durability;
        Directory.CreateDirectory(directory);
        _segmentNumber = Segments(directory).Select(s => s.Number).DefaultIfEmpty(0).Max() + 1;
        _segment = OpenSegment(_segmentNumber);
        _writer = Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>The segment files of a journal folder, oldest first.</summary>
    public static IReadOnlyList<(long Number, string Path)> Segments(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var segments = new List<(long, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                segments.Add((number, path));
            }
        }

        segments.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return segments;
    }

    /// <summary>Queues a panel's committed mutations; returns the sequence number to wait for. Never blocks.</summary>
    public long Append(string panelId, long version, IReadOnlyList<StateMutation> mutations)
    {
        var line = JournalRecord.Encode(panelId, version, mutations);
        lock (_gate)
        {
            var sequence = ++_appended;
            _operations.Writer.TryWrite(new Operation(sequence, line, null));
            return sequence;
        }
    }

    /// <summary>Completes when every append up to <paramref name="sequence"/> is durable; fails if the journal cannot write.</summary>
    public async Task WhenDurableAsync(long sequence)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_failure is not null)
                {
                    throw new WorkspaceException(WorkspaceErrorCodes.NotDurable, "the change could not be written to the journal: " + _failure.Message);
                }

                if (sequence <= _durable)
                {
                    return;
                }

                next = _nextFlush.Task;
            }

            await next.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts a new segment after everything queued so far; returns its number. Segments numbered below it hold
    /// only changes made before this call returned.
    /// </summary>
    public async Task<long> RotateAsync()
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _operations.Writer.TryWrite(new Operation(0, null, done));
        }

        return await done.Task.ConfigureAwait(false);
    }

    /// <summary>Deletes the segments numbered below <paramref name="segmentNumber"/> (their changes are committed).</summary>
    public void DeleteSegmentsBefore(long segmentNumber)
    {
        foreach (var (number, path) in Segments(_directory))
        {
            if (number < segmentNumber)
            {
                File.Delete(path);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _operations.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _segment.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _operations.Reader;
        var batch = new List<Operation>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < 4_096 && reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            try
            {
                WriteBatch(batch);
            }
#pragma warning disable CA1031 // A write failure fails the waiting calls (NOT_DURABLE); the loop must not die silently.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Fail(ex, batch);
            }
        }
    }

    private void WriteBatch(List<Operation> batch)
    {
        long last = 0;
        foreach (var operation in batch)
        {
            if (operation.Line is { } line)
            {
                _segment.Write(line);
                last = operation.Sequence;
            }
            else
            {
                FlushSegment();
                _segment.Dispose();
                _segmentNumber++;
                _segment = OpenSegment(_segmentNumber);
                operation.Rotated!.TrySetResult(_segmentNumber);
            }
        }

        FlushSegment();
        if (last > 0)
        {
            WakeWaiters(() => _durable = last);
        }
    }

    /// <summary>Records the outcome of a flush under the lock and wakes whoever waits for the flush (they re-check).</summary>
    private void WakeWaiters(Action record)
    {
        TaskCompletionSource flushed;
        lock (_gate)
        {
            record();
            flushed = _nextFlush;
            _nextFlush = NewFlush();
        }

        flushed.TrySetResult();
    }

    private void FlushSegment() => _segment.Flush(flushToDisk: _durability == JournalDurability.Fsync);

    private void Fail(Exception failure, List<Operation> batch)
    {
        WakeWaiters(() => _failure = failure);
        foreach (var operation in batch)
        {
            operation.Rotated?.TrySetException(failure);
        }
    }

    private FileStream OpenSegment(long number) =>
        new(Path.Combine(_directory, number.ToString("D12", CultureInfo.InvariantCulture) + Extension),
            FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);

    private static TaskCompletionSource NewFlush() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Operation(long Sequence, byte[]? Line, TaskCompletionSource<long>? Rotated);
}
