using Jint;
using System.Text.Json.Nodes;
using Jint.Native;
using Jint.Runtime;
using Nexus.Reactor.Execution;
using Nexus.Reactor.State;

namespace Nexus.Reactor.Computeds;

/// <summary>
/// Computed values (§3): evaluated lazily, cached, and recomputed only when a key they actually read (states
/// or other computeds, tracked while they run) changes. A chain deeper than the reactive depth limit is cut;
/// a computed that throws or returns something that is not JSON is <c>null</c> and logged, and nothing else
/// breaks. Inside a handler a computed sees the handler's uncommitted writes (and is not cached then).
/// </summary>
internal sealed class ComputedCache(PanelRuntime runtime)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Stack<HashSet<string>> _frames = new();

    // Reused by every Invalidate (a commit's hot path): the keys found dirty, the computeds invalidated, and those
    // that changed. Made by the first commit that has computeds to refresh.
    private HashSet<string>? _dirty;
    private List<(string Name, JsonNode? Old)>? _invalidated;
    private List<ComputedChange>? _changes;

    /// <summary>How many times computeds were evaluated (tests assert that unrelated changes cost nothing).</summary>
    public long Evaluations { get; private set; }

    public JsValue Read(string name, ToolExecution? execution)
    {
        var entry = EntryOf(name);
        if (execution is not null && execution.Staged.Count > 0 && (!entry.Valid || entry.Dependencies.Overlaps(execution.Staged.Keys)))
        {
            var (value, _, dependencies, _) = Evaluate(name, execution, new HashSet<string>(StringComparer.Ordinal));
            Track(name, dependencies);
            return value;
        }

        if (!entry.Valid)
        {
            bool cut;
            entry.Dependencies.Clear();
            (entry.Value, entry.Json, entry.Dependencies, cut) = Evaluate(name, overlay: null, entry.Dependencies);

            // A chain cut at the depth limit is not cached: read again from a shorter chain it can succeed.
            entry.Valid = !cut;
        }

        Track(name, entry.Dependencies);
        return entry.Value;
    }

    /// <summary>
    /// Invalidates the computeds that read any of <paramref name="changed"/> (transitively) and returns those whose
    /// value changed, in a list that the next call reuses: copy what must be kept.
    /// </summary>
    public IReadOnlyList<ComputedChange> Invalidate(IReadOnlyList<string> changed)
    {
        if (_entries.Count == 0)
        {
            return [];
        }

        var dirty = _dirty ??= new HashSet<string>(StringComparer.Ordinal);
        var invalidated = _invalidated ??= [];
        var changes = _changes ??= [];
        dirty.Clear();
        for (var i = 0; i < changed.Count; i++)
        {
            dirty.Add(changed[i]);
        }

        invalidated.Clear();
        bool grew;
        do
        {
            grew = false;
            foreach (var (name, entry) in _entries)
            {
                if (entry.Valid && ReadsAny(entry.Dependencies, dirty))
                {
                    entry.Valid = false;
                    invalidated.Add((name, entry.Json));
                    grew |= dirty.Add(name);
                }
            }
        }
        while (grew);

        if (invalidated.Count == 0)
        {
            return [];
        }

        changes.Clear();
        foreach (var (name, old) in invalidated)
        {
            JsonNode? now;
            try
            {
                Read(name, execution: null);
                now = _entries[name].Json;
            }
#pragma warning disable CA1031 // The change is committed already: a computed that cannot be refreshed must not fail it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // Out of time, memory or stack (a JavaScript error is already null in Evaluate). It stays
                // invalid, so the next read evaluates it again.
                runtime.Log.Write(LogLevel.Warning, $"computed '{name}' could not be refreshed and reads as null: {ex.Message}");
                now = null;
            }

            if (!JsonNode.DeepEquals(old, now))
            {
                changes.Add(new ComputedChange(name, now is JsonValue ? now : now?.DeepClone()));
            }
        }

        invalidated.Clear();
        _frames.Clear();
        return changes;
    }

    /// <summary>The current value of a computed as JSON (null when it failed).</summary>
    public JsonNode? Json(string name)
    {
        Read(name, execution: null);
        _frames.Clear();
        return _entries[name].Json?.DeepClone();
    }

    private (JsValue Value, JsonNode? Json, HashSet<string> Dependencies, bool Cut) Evaluate(string name, ToolExecution? overlay, HashSet<string> frame)
    {
        if (_frames.Count >= runtime.Options.ReactiveDepthLimit)
        {
            throw new ReactiveDepthExceeded(name);
        }

        // Read here, not in the catch filter below: a filter runs before the finally blocks of the evaluations
        // nested in this one have popped their frames, so the stack is as deep as where the chain was cut.
        var outermost = _frames.Count == 0;
        _frames.Push(frame);
        var previousOverlay = runtime.ExpressionOverlay;
        runtime.ExpressionOverlay = overlay;
        Evaluations++;
        try
        {
            var spec = runtime.Program.Computeds[name];
            var result = runtime.Sandbox.Engine.Call(runtime.Sandbox.FunctionOf(spec.Script), JsValue.Undefined, [runtime.ExpressionState, JsValue.Undefined]);
            if (!JsonValues.TryToJson(result, runtime.Options.MemoryBytes, out var json, out var error))
            {
                runtime.Log.Write(LogLevel.Warning, $"computed '{name}' is not JSON and reads as null: {error}");
                return (JsValue.Null, null, frame, false);
            }

            var value = result.IsObject() ? JsonValues.ToJs(json, runtime.Sandbox.Engine, freeze: true, runtime.Sandbox.Freeze) : result;
            return (value, json, frame, false);
        }
        catch (ReactiveDepthExceeded cut) when (outermost)
        {
            runtime.Log.Write(LogLevel.Warning, $"computed '{name}' was cut: its chain of computeds is deeper than {runtime.Options.ReactiveDepthLimit} (at '{cut.Computed}')");
            return (JsValue.Null, null, frame, true);
        }
        catch (JavaScriptException ex)
        {
            runtime.Log.Write(LogLevel.Warning, $"computed '{name}' failed and reads as null: {ex.Message}");
            return (JsValue.Null, null, frame, false);
        }
        finally
        {
            runtime.ExpressionOverlay = previousOverlay;
            _frames.Pop();
        }
    }

    /// <summary>Whether a computed read any of <paramref name="keys"/> (enumerated without boxing, unlike <c>Overlaps</c>).</summary>
    private static bool ReadsAny(HashSet<string> dependencies, HashSet<string> keys)
    {
        foreach (var key in keys)
        {
            if (dependencies.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the computed being evaluated (if any) read: this computed and everything it depends on.</summary>
    private void Track(string name, HashSet<string> dependencies)
    {
        if (_frames.TryPeek(out var frame))
        {
            frame.Add(name);
            frame.UnionWith(dependencies);
        }
    }

    /// <summary>Records a state key read by the computed being evaluated.</summary>
    public void TrackState(string key)
    {
        if (_frames.TryPeek(out var frame))
        {
            frame.Add(key);
        }
    }

    private Entry EntryOf(string name)
    {
        if (!_entries.TryGetValue(name, out var entry))
        {
            entry = new Entry();
            _entries[name] = entry;
        }

        return entry;
    }

    private sealed class Entry
    {
        public JsValue Value = JsValue.Null;
        public JsonNode? Json;
        public HashSet<string> Dependencies = new(StringComparer.Ordinal);
        public bool Valid;
    }

    private sealed class ReactiveDepthExceeded(string computed) : Exception("reactive depth exceeded")
    {
        public string Computed { get; } = computed;
    }
}
