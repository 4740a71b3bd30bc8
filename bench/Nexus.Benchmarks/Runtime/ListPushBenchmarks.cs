using BenchmarkDotNet.Attributes;
using Nexus.Reactor;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// counter.nxml's <c>record</c> (<c>$state.items.push($state.count)</c>) on one panel, each call awaited. The
/// list grows by one item per call, so a call's cost depends on the list's length: every
/// <see cref="ListLength"/> pushes the panel's own <c>reset</c> tool empties it again, and the list holds
/// 0 to <see cref="ListLength"/> − 1 items when pushed to. One operation is one push; an invocation makes
/// 1,000 pushes and the 1,000 / <see cref="ListLength"/> resets between them (included in the time:
/// 10 or 1 resets per 1,000 pushes).
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class ListPushBenchmarks
{
    public const int Pushes = 1_000;

    private PanelInstance _panel = null!;

    [Params(100, 1_000)]
    public int ListLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _panel = RuntimePanels.Mount(RuntimePanels.Document(RuntimePanels.Counter)).GetAwaiter().GetResult();
        RuntimePanels.Succeeded(_panel.CallAsync("reset").GetAwaiter().GetResult());
    }

    [Benchmark(OperationsPerInvoke = Pushes)]
    public async Task Record_Sequential()
    {
        for (var i = 0; i < Pushes; i++)
        {
            RuntimePanels.Succeeded(await _panel.CallAsync("record"));
            if ((i + 1) % ListLength == 0)
            {
                RuntimePanels.Succeeded(await _panel.CallAsync("reset"));
            }
        }
    }
}
