using System.Text;
using Jint;
using Jint.Native;
using Nexus.Reactor.State;

namespace Nexus.Reactor;

public enum LogLevel
{
    Info,
    Warning,
    Error,
}

/// <summary>A line of a panel's log.</summary>
public sealed record LogEntry(DateTimeOffset Time, LogLevel Level, string Message);

/// <summary>The panel's log (<c>$log</c>, errors, state repairs): a bounded ring buffer, oldest lines dropped first.</summary>
public sealed class PanelLog
{
    private readonly LogEntry[] _entries;
    private readonly int _maxLineLength;
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    public PanelLog(int capacity, int maxLineLength)
    {
        _entries = new LogEntry[capacity];
        _maxLineLength = maxLineLength;
    }

    public event Action<LogEntry>? Written;

    public void Write(LogLevel level, string message)
    {
        var entry = new LogEntry(DateTimeOffset.UtcNow, level, message.Length > _maxLineLength ? message[.._maxLineLength] + "…" : message);
        lock (_gate)
        {
            _entries[_next] = entry;
            _next = (_next + 1) % _entries.Length;
            _count = Math.Min(_count + 1, _entries.Length);
        }

        Written?.Invoke(entry);
    }

    /// <summary>The most recent lines, oldest first.</summary>
    public IReadOnlyList<LogEntry> Recent(int limit = int.MaxValue)
    {
        lock (_gate)
        {
            var take = Math.Min(limit, _count);
            var result = new LogEntry[take];
            for (var i = 0; i < take; i++)
            {
                result[i] = _entries[(_next - take + i + _entries.Length) % _entries.Length];
            }

            return result;
        }
    }
}

/// <summary>How <c>$log(...values)</c> writes values: strings as they are, everything else as JSON, separated by spaces.</summary>
internal static class LogFormat
{
    public static string Join(JsValue[] values, long budget)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(value.IsString() ? value.ToString()
                : value.IsUndefined() ? "undefined"
                : JsonValues.TryToJson(value, budget, out var json, out _) ? json?.ToJsonString() ?? "null"
                : "[" + StateTypes.Describe(value) + "]");
        }

        return builder.ToString();
    }
}
