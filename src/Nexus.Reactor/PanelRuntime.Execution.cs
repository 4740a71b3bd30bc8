using System.Text.Json.Nodes;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Interop;
using Nexus.Reactor.Execution;
using Nexus.Reactor.State;

namespace Nexus.Reactor;

/// <summary>
/// A call waiting for its turn: a tool (with JSON arguments), a lifecycle, or a host write such as a
/// two-way binding (<see cref="Body"/> stages its writes instead of a handler).
/// </summary>
internal sealed record PendingCall(string Name, JsonNode? Args, bool IsLifecycle, TaskCompletionSource<ToolResult> Completion) : Scheduling.IActorWork
{
    public Func<ToolExecution, JsValue>? Body { get; init; }

    /// <summary>The runtime the call is for, when it is posted to the panel's actor as its own work item.</summary>
    public PanelRuntime? Runtime { get; init; }

    void Scheduling.IActorWork.Run() => Runtime!.Enqueue(this);
}

internal sealed partial class PanelRuntime
{
    /// <summary>Runs the call now when the panel is idle, else after the calls before it (arrival order).</summary>
    public void Enqueue(PendingCall call)
    {
        if (_current is null)
        {
            Start(call);
        }
        else
        {
            _pending.Enqueue(call);
        }
    }

    private void StartNext()
    {
        while (_current is null && _pending.TryDequeue(out var next))
        {
            Start(next);
        }
    }

    private void Start(PendingCall call)
    {
        if (call.Body is { } body)
        {
            StartBody(call, body);
            return;
        }

        var specs = call.IsLifecycle ? Program.Lifecycles : Program.Tools;
        if (!specs.TryGetValue(call.Name, out var spec))
        {
            call.Completion.TrySetResult(Refuse(call.Name, new ToolError(RuntimeErrorCodes.ToolNotFound, $"the panel has no tool '{call.Name}'")));
            return;
        }

        if (!ArgumentBinder.TryBind(spec.Args, call.Args, call.Name, out var bound, out var argsError))
        {
            call.Completion.TrySetResult(Refuse(call.Name, new ToolError(RuntimeErrorCodes.InvalidArgs, argsError!)));
            return;
        }

        DiscardLeftoverJobs();
        var execution = new ToolExecution(this, call.Name, Environment.TickCount64 + (long)Options.Timeout.TotalMilliseconds) { Completion = call.Completion };
        _current = execution;
        RunGuarded(execution, () =>
        {
            var args = bound.Count == 0 ? Sandbox.EmptyArgs : JsonValues.ToJs(bound, Sandbox.Engine, freeze: true, Sandbox.Freeze);
            var result = Sandbox.Engine.Call(Sandbox.FunctionOf(spec.Script), JsValue.Undefined, GlobalsOf(spec).Arguments(args));
            Settle(execution, result);
        });
        AfterEntry(execution);
    }

    private void StartBody(PendingCall call, Func<ToolExecution, JsValue> body)
    {
        DiscardLeftoverJobs();
        var execution = new ToolExecution(this, call.Name, Environment.TickCount64 + (long)Options.Timeout.TotalMilliseconds) { Completion = call.Completion };
        _current = execution;
        RunGuarded(execution, () => SucceedOutsideJobs(execution, body(execution)));
        AfterEntry(execution);
    }

    /// <summary>
    /// Promise jobs a failed run left queued would run inside the next execution, with the failed handler's
    /// <c>$state</c> and <c>$emit</c>: they are dropped before anything else runs (this also creates the engine).
    /// </summary>
    private void DiscardLeftoverJobs()
    {
        if (_jobsMayRemain)
        {
            Sandbox.DiscardPendingJobs();
            _jobsMayRemain = false;
        }
        else
        {
            _ = Sandbox;
        }
    }

    /// <summary>Completes an execution from a handler's return value, or waits for it when it is a promise.</summary>
    private void Settle(ToolExecution execution, JsValue result)
    {
        if (result is ObjectInstance promise && IsPromise(promise))
        {
            var then = promise.Get("then");
            var onFulfilled = new ClrFunction(Sandbox.Engine, string.Empty, (_, a) => { Succeed(execution, a.Length > 0 ? a[0] : JsValue.Undefined); return JsValue.Undefined; });
            var onRejected = new ClrFunction(Sandbox.Engine, string.Empty, (_, a) => { Fail(execution, Errors.FromRejection(a.Length > 0 ? a[0] : JsValue.Undefined, Sandbox.PlainData, Options.MaxLogLineLength)); return JsValue.Undefined; });
            Sandbox.Engine.Call(then, promise, [onFulfilled, onRejected]);
            Sandbox.Engine.Advanced.ProcessTasks();
        }
        else
        {
            // A handler without await runs as a plain function, but the jobs it queued still belong to its call,
            // as they would before an async function's result settles.
            Sandbox.Engine.Advanced.ProcessTasks();
            SucceedOutsideJobs(execution, result);
        }
    }

    /// <summary>
    /// Completes an execution whose code ended outside the promise-job loop; the computeds its commit refreshed
    /// may have queued jobs, and those run now, within the call's limits (inside the loop, the loop runs them).
    /// </summary>
    private void SucceedOutsideJobs(ToolExecution execution, JsValue value)
    {
        Succeed(execution, value);
        Sandbox.Engine.Advanced.ProcessTasks();
    }

    private bool IsPromise(ObjectInstance value) => ReferenceEquals(value.Prototype, Sandbox.PromisePrototype);

    /// <summary>Runs script code for an execution within its deadline; whatever stops it fails the execution, never the panel.</summary>
    private void RunGuarded(ToolExecution execution, Action action)
    {
        Sandbox.Enter(execution.DeadlineTicks, Options.MemoryBytes - execution.MemoryUsed);
        try
        {
            action();
        }
#pragma warning disable CA1031 // Whatever a handler does, it must not take the panel or the process down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Whatever stopped the run also stopped the processing of its promise jobs: the rest are still
            // queued, and would run inside the next execution, with this handler's $state and $emit.
            _jobsMayRemain = true;
            var error = Errors.FromException(ex, Sandbox.PlainData, Options.MaxLogLineLength);
            if (execution.Finished)
            {
                // The jobs of the computeds its commit refreshed, stopped after the call had its result.
                Log.Write(LogLevel.Warning, $"{execution.Tool}: promise jobs left after the call were stopped: {error.Code}: {error.Message}");
            }

            Fail(execution, error);
        }
        finally
        {
            execution.MemoryUsed += Sandbox.Leave();
        }
    }

    /// <summary>After a run of script code: an unfinished execution either waits for its extension calls or can never finish.</summary>
    private void AfterEntry(ToolExecution execution)
    {
        if (!execution.Finished)
        {
            if (execution.PendingHostCalls == 0)
            {
                Fail(execution, new ToolError(RuntimeErrorCodes.Timeout, "the handler waits on a promise that nothing will ever settle"));
            }
            else
            {
                execution.ArmDeadline(() => Actor.Post(() => Expire(execution)));
            }
        }

        StartNext();
    }

    private void Expire(ToolExecution execution)
    {
        if (!execution.Finished)
        {
            Fail(execution, new ToolError(RuntimeErrorCodes.Timeout, $"the handler did not finish within {Options.Timeout.TotalSeconds:0.###} s"));
            StartNext();
        }
    }

    private void Succeed(ToolExecution execution, JsValue value)
    {
        if (execution.Finished)
        {
            return;
        }

        if (!JsonValues.TryToJson(value, Options.MemoryBytes, out var returnValue, out var error))
        {
            Fail(execution, new ToolError(RuntimeErrorCodes.TypeMismatch, "the return value is not JSON: " + error));
            return;
        }

        Commit(execution, final: true);
        Complete(execution, returnValue, error: null);
    }

    private void Fail(ToolExecution execution, ToolError error)
    {
        if (execution.Finished)
        {
            return;
        }

        execution.Discard();
        Log.Write(LogLevel.Error, $"{execution.Tool} failed: {error.Code}: {error.Message}" + (error.Line is { } line ? $" (line {line}, column {error.Column})" : string.Empty));
        var systemError = new PanelEvent("system:error", new JsonObject { ["tool"] = execution.Tool, ["code"] = error.Code, ["message"] = error.Message });
        Notify(new EventEmitted(Store.Version, systemError));
        Complete(execution, null, error);
    }

    private void Complete(ToolExecution execution, JsonNode? returnValue, ToolError? error)
    {
        execution.Finished = true;
        execution.DisarmDeadline();
        _current = ReferenceEquals(_current, execution) ? null : _current;
        execution.Completion?.TrySetResult(new ToolResult(
            execution.Tool,
            error is null,
            returnValue,
            execution.Mutations,
            execution.ComputedChanges,
            execution.Events,
            execution.ViewUpdates,
            error,
            Store.Version));
    }

    /// <summary>A call refused before any code ran (unknown tool, invalid arguments): logged, nothing changes.</summary>
    private ToolResult Refuse(string tool, ToolError error)
    {
        Log.Write(LogLevel.Error, $"{tool} refused: {error.Code}: {error.Message}");
        return new ToolResult(tool, false, null, [], [], [], [], error, Store.Version);
    }
}
