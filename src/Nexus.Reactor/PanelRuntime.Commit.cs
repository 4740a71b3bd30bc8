using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;
using Nexus.Reactor.Execution;
using Nexus.Reactor.Extensions;
using Nexus.Reactor.Program;
using Nexus.Reactor.State;

namespace Nexus.Reactor;

internal sealed partial class PanelRuntime
{
    // Reused by every commit (commits never nest; made by the first, so an idle panel does not hold them): the
    // changed keys with their JSON and sandbox values, and the keys.
    private List<(string Key, JsonNode? Json, JsValue Value)>? _commitChanges;
    private List<string>? _commitKeys;

    /// <summary>
    /// Commits what an execution staged: the copies handed to handlers that may not write their key must be
    /// unchanged, and every changed key is checked (JSON, type) before any is applied, so a commit is all or
    /// nothing. Then computeds are refreshed, the version moves on, and subscribers hear of it (as progress at
    /// a commit point, as a patch at the end).
    /// </summary>
    private void Commit(ToolExecution execution, bool final)
    {
        foreach (var view in execution.ReadOnlyViews)
        {
            if (!JsGraph.SameJson(view.Copy, view.Basis))
            {
                throw SandboxAbort.PermissionDenied("state:write:" + view.Key + " (the handler changed it in place)");
            }
        }

        var changes = _commitChanges ??= [];
        changes.Clear();
        foreach (var (key, staged) in execution.Staged)
        {
            var committed = Store.Get(key);
            if (JsGraph.SameJson(staged.Value, committed))
            {
                continue;
            }

            var type = Program.States[key].Type;
            if (!JsonValues.TryToJson(staged.Value, Options.MemoryBytes, out var json, out var error))
            {
                throw new SandboxAbort(RuntimeErrorCodes.TypeMismatch, $"state '{key}' would not be JSON: {error}");
            }

            if (!StateTypes.Fits(type, json))
            {
                throw new SandboxAbort(RuntimeErrorCodes.TypeMismatch, $"state '{key}' is a {type}; the handler left {StateTypes.Describe(staged.Value)} in it");
            }

            changes.Add((key, json, staged.Value.IsObject() ? JsonValues.ToJs(json, Sandbox.Engine, freeze: true, Sandbox.Freeze) : staged.Value));
        }

        execution.ForgetCommittedPrimitives();
        var (events, views) = execution.TakePublished();
        if (changes.Count > 0)
        {
            var keys = _commitKeys ??= [];
            keys.Clear();
            var mutations = HasSubscribers ? new StateMutation[changes.Count] : null;
            for (var i = 0; i < changes.Count; i++)
            {
                var (key, json, value) = changes[i];
                Store.Set(key, value, json);
                execution.RecordMutation(key, json);
                keys.Add(key);
                mutations?[i] = new StateMutation(key, json);
            }

            changes.Clear();
            Store.NextVersion();
            var computed = Computeds.Invalidate(keys);
            for (var i = 0; i < computed.Count; i++)
            {
                execution.RecordComputed(computed[i]);
            }

            if (mutations is not null)
            {
                Notify(new StateCommitted(Store.Version, execution.Tool, InProgress: !final, mutations, [.. computed]));
            }
        }

        if (views.Count > 0)
        {
            View.Apply(views);
            foreach (var update in views)
            {
                Notify(new ViewChanged(Store.Version, update));
            }
        }

        foreach (var panelEvent in events)
        {
            Notify(new EventEmitted(Store.Version, panelEvent));
        }
    }

    /// <summary>
    /// <c>$ext.alias.method(...)</c>: a commit point (what is staged is committed and published first), then the
    /// host call; the returned promise settles on the panel's actor when the host answers.
    /// </summary>
    public JsValue CallExtension(ToolExecution execution, string extension, string method, JsValue[] arguments)
    {
        var json = new JsonNode?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!JsonValues.TryToJson(arguments[i], Options.MemoryBytes, out json[i], out var error))
            {
                throw new JavaScriptException(Sandbox.Engine.Intrinsics.TypeError, $"argument {i + 1} of {extension}.{method} is not JSON: {error}");
            }
        }

        Commit(execution, final: false);
        var promise = Sandbox.Engine.Advanced.RegisterPromise();
        execution.PendingHostCalls++;
        Task<JsonNode?> call;
        try
        {
            call = _extensions.InvokeAsync(new ExtensionCall(PanelId, extension, method, json), execution.Cancellation);
        }
#pragma warning disable CA1031 // An extension that throws synchronously is reported to the handler like an asynchronous failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            call = Task.FromException<JsonNode?>(ex);
        }

        call.ContinueWith(
            done => Actor.Post(() => ResumeAfterExtension(execution, promise, done, $"{extension}.{method}")),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return promise.Promise;
    }

    private void ResumeAfterExtension(ToolExecution execution, Jint.Native.Promise.ManualPromise promise, Task<JsonNode?> done, string what)
    {
        if (execution.Finished)
        {
            return;
        }

        execution.PendingHostCalls--;
        RunGuarded(execution, () =>
        {
            if (done.IsCompletedSuccessfully)
            {
                promise.Resolve(JsonValues.ToJs(done.Result, Sandbox.Engine, freeze: false));
            }
            else
            {
                var reason = done.Exception?.InnerException?.Message ?? "the call was cancelled";
                promise.Reject(ExtensionError($"{what} failed: {reason}"));
            }

            Sandbox.Engine.Advanced.ProcessTasks();
        });
        AfterEntry(execution);
    }

    /// <summary>A JavaScript error the handler can catch; uncaught, the tool fails with <c>EXTENSION_ERROR</c>.</summary>
    private JsError ExtensionError(string message)
    {
        var error = (JsError)Sandbox.Engine.Intrinsics.Error.Construct(message);
        error.FastSetDataProperty("name", "ExtensionError");
        return error;
    }

    /// <summary>
    /// <c>$tools.name(args)</c>: runs that tool inline in the same execution, with its own capabilities; returns a
    /// promise of its result. The result crosses as a tool's result does, as JSON: a copy, so that what a tool
    /// returns (its working copy of a state, say) is never shared with a caller that may not write it, and a
    /// value that is not JSON fails the call with <c>TYPE_MISMATCH</c> as it would at the top level.
    /// </summary>
    public JsValue CallToolInline(ToolExecution execution, HandlerSpec tool, JsValue args)
    {
        var engine = Sandbox.Engine;
        var promise = Sandbox.PromiseConstructor;
        if (!JsonValues.TryToJson(args, Options.MemoryBytes, out var json, out var error))
        {
            return PromiseCall(promise, "reject", engine.Intrinsics.TypeError.Construct($"the arguments of $tools.{tool.Name} are not JSON: {error}"));
        }

        if (!ArgumentBinder.TryBind(tool.Args, json, tool.Name, out var bound, out var argsError))
        {
            return PromiseCall(promise, "reject", engine.Intrinsics.TypeError.Construct($"{RuntimeErrorCodes.InvalidArgs}: {argsError}"));
        }

        JsValue result;
        try
        {
            result = engine.Call(Sandbox.FunctionOf(tool.Script), JsValue.Undefined, GlobalsOf(tool).Arguments(JsonValues.ToJs(bound, engine, freeze: true, Sandbox.Freeze)));
            result = result is Jint.Native.Object.ObjectInstance o && IsPromise(o) ? result : PromiseCall(promise, "resolve", result);
        }
        catch (JavaScriptException ex)
        {
            return PromiseCall(promise, "reject", ex.Error);
        }

        var asResult = new ClrFunction(engine, string.Empty, (_, a) => ResultOf(tool, a.Length > 0 ? a[0] : JsValue.Undefined));
        return engine.Call(((Jint.Native.Object.ObjectInstance)result).Get("then"), result, [asResult]);
    }

    private JsValue ResultOf(HandlerSpec tool, JsValue value)
    {
        if (value.IsUndefined())
        {
            return value;
        }

        return JsonValues.TryToJson(value, Options.MemoryBytes, out var json, out var error)
            ? JsonValues.ToJs(json, Sandbox.Engine, freeze: false)
            : throw new SandboxAbort(RuntimeErrorCodes.TypeMismatch, $"the return value of $tools.{tool.Name} is not JSON: {error}");
    }

    private JsValue PromiseCall(Jint.Native.Object.ObjectInstance promiseConstructor, string method, JsValue value) =>
        Sandbox.Engine.Call(promiseConstructor.Get(method), promiseConstructor, [value]);
}
