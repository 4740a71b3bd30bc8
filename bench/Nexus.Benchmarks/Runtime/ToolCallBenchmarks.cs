using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Jint;
using Jint.Native;
using Nexus.Reactor;
using Nexus.Reactor.Execution;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// Tool calls on one mounted counter.nxml panel (its engine created in the setup), in process, nothing
/// persisted. One operation is one call; each invocation makes <see cref="Calls"/> of them (1,024 for the
/// concurrent clients) so that the loop costs nothing measurable. Every call must succeed.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class ToolCallBenchmarks : IDisposable
{
    public const int Calls = 1_000;

    private const int Clients = 64;

    private static readonly JsonObject AddArgs = new() { ["amount"] = 1 };

    private readonly Task<ToolResult>[] _inFlight = new Task<ToolResult>[Calls];
    private readonly Task[] _clients = new Task[Clients];
    private PanelInstance _panel = null!;
    private PanelInstance _withoutComputeds = null!;
    private Engine _engine = null!;
    private JsValue _handler = null!;
    private JsValue[] _handlerArguments = [];

    [GlobalSetup]
    public void Setup()
    {
        _panel = RuntimePanels.Mount(RuntimePanels.Document(RuntimePanels.Counter)).GetAwaiter().GetResult();
        RuntimePanels.Succeeded(_panel.CallAsync("inc").GetAwaiter().GetResult());
        _withoutComputeds = RuntimePanels.Mount(RuntimePanels.CounterWithoutComputeds()).GetAwaiter().GetResult();
        RuntimePanels.Succeeded(_withoutComputeds.CallAsync("inc").GetAwaiter().GetResult());

        // The interpreter's floor: the same handler code on a plain object, in an engine with the sandbox's options.
        _engine = new Engine(o => o.Strict().DisableStringCompilation().LimitRecursion(256).LimitMemory(32 * 1024 * 1024)
            .MaxArraySize(10_000_000).Culture(CultureInfo.InvariantCulture).LocalTimeZone(TimeZoneInfo.Utc));
        _handler = _engine.Evaluate("(function ($args, $state) {\n$state.count = $state.count + 1\n})");
        _handlerArguments = [JsValue.Undefined, _engine.Evaluate("({ count: 0, step: 1, items: [] })")];
    }

    /// <summary><c>inc</c> (<c>$state.count = $state.count + 1</c>), each call awaited before the next.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task Inc_Sequential()
    {
        for (var i = 0; i < Calls; i++)
        {
            RuntimePanels.Succeeded(await _panel.CallAsync("inc"));
        }
    }

    /// <summary>What-if: <c>inc</c> on counter.nxml without its two computeds (<see cref="RuntimePanels.CounterWithoutComputeds"/>).</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task Inc_Sequential_NoComputeds()
    {
        for (var i = 0; i < Calls; i++)
        {
            RuntimePanels.Succeeded(await _withoutComputeds.CallAsync("inc"));
        }
    }

    /// <summary>
    /// The floor: the handler's code as a function called directly in a Jint engine (no runtime: no staging,
    /// commit, result, scheduling or capability checks), on a plain object with the state's keys.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public JsValue Jint_Floor()
    {
        var result = JsValue.Undefined;
        for (var i = 0; i < Calls; i++)
        {
            result = _engine.Call(_handler, JsValue.Undefined, _handlerArguments);
        }

        return result;
    }

    /// <summary><c>add</c> with <c>{"amount": 1}</c>: the same one-line write, plus argument binding.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task Add_Sequential()
    {
        for (var i = 0; i < Calls; i++)
        {
            RuntimePanels.Succeeded(await _panel.CallAsync("add", AddArgs));
        }
    }

    /// <summary>1,000 <c>inc</c> calls issued from one thread without awaiting, then awaited together.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task Inc_Burst()
    {
        for (var i = 0; i < Calls; i++)
        {
            _inFlight[i] = _panel.CallAsync("inc");
        }

        foreach (var result in await Task.WhenAll(_inFlight))
        {
            RuntimePanels.Succeeded(result);
        }
    }

    /// <summary>64 clients on the thread pool, each awaiting 16 <c>inc</c> calls one by one (1,024 calls per invocation).</summary>
    [Benchmark(OperationsPerInvoke = Clients * 16)]
    public async Task Inc_64Clients()
    {
        for (var c = 0; c < Clients; c++)
        {
            _clients[c] = Task.Run(async () =>
            {
                for (var i = 0; i < 16; i++)
                {
                    RuntimePanels.Succeeded(await _panel.CallAsync("inc"));
                }
            });
        }

        await Task.WhenAll(_clients);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _engine?.Dispose();
        }
    }
}
