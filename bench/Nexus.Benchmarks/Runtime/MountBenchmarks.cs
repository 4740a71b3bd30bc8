using BenchmarkDotNet.Attributes;
using Nexus.Nxml;
using Nexus.Reactor;
using Nexus.Reactor.Execution;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// <c>PanelInstance.CreateAsync</c> of a checked document: state loaded from the defaults and the mount
/// lifecycle run (large-generated.nxml has one, so its engine is created at mount; counter.nxml has none, so
/// its engine is created by its first call). The runtime compiles one program per source and shares it; the
/// plain rows measure a further instance of a source (a program is kept alive by an instance made in the
/// setup), the <c>_NewProgram</c> rows the first instance of a source (the program cache is emptied before each
/// operation, so the program is compiled and its scripts prepared again). Checking the document is not
/// included (see <see cref="FileBenchmarks.Check"/>).
/// </summary>
[MemoryDiagnoser]
public class MountBenchmarks
{
    private NxmlDocument _document = null!;
    private PanelInstance _keeper = null!;
    private string _tool = string.Empty;

    [Params(RuntimePanels.Counter, RuntimePanels.Large)]
    public string File { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _document = RuntimePanels.Document(File);
        _tool = RuntimePanels.FirstTool(File);
        _keeper = RuntimePanels.Mount(_document).GetAwaiter().GetResult();
        RuntimePanels.Succeeded(_keeper.CallAsync(_tool).GetAwaiter().GetResult());
    }

    /// <summary>Create + mount.</summary>
    [Benchmark]
    public Task<PanelInstance> CreateMount() => RuntimePanels.Mount(_document);

    /// <summary>Create + mount + the first call (<c>inc</c>, <c>toggle_api</c>): creates the engine when mount did not.</summary>
    [Benchmark]
    public async Task<ToolResult> CreateMount_FirstCall()
    {
        var panel = await RuntimePanels.Mount(_document);
        return RuntimePanels.Succeeded(await panel.CallAsync(_tool));
    }

    /// <summary>Create + mount of the first instance of a source: the program is compiled too.</summary>
    [Benchmark]
    public Task<PanelInstance> CreateMount_NewProgram()
    {
        RuntimePanels.ForgetPrograms();
        return RuntimePanels.Mount(_document);
    }

    /// <summary>Create + mount + first call of the first instance of a source: the program is compiled and the scripts it runs are prepared.</summary>
    [Benchmark]
    public async Task<ToolResult> CreateMount_FirstCall_NewProgram()
    {
        RuntimePanels.ForgetPrograms();
        var panel = await RuntimePanels.Mount(_document);
        return RuntimePanels.Succeeded(await panel.CallAsync(_tool));
    }

    [GlobalCleanup]
    public void Cleanup() => GC.KeepAlive(_keeper);
}
