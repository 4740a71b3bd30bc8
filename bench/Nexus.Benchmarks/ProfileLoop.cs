using System.Diagnostics;
using Nexus.Nxml;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Syntax;

namespace Nexus.Benchmarks;

/// <summary>
/// A target for an external sampling profiler (<c>perf</c>), not a benchmark: runs one operation over the corpus in
/// a loop, first for a warm-up (so that tiered JIT and PGO settle), then for the measured span, and prints when the
/// warm-up is over. It reports no timing: the figures come from BenchmarkDotNet.
/// </summary>
internal static class ProfileLoop
{
    public static int Run(string operation, double seconds)
    {
        var once = Operation(operation);
        Loop(once, 8);
        Console.WriteLine($"// profile loop: warm; process {Environment.ProcessId} now runs '{operation}' for {seconds:N0} s");
        Loop(once, seconds);
        Console.WriteLine("// profile loop: done");
        return 0;
    }

    /// <summary>One pass of an operation: parse, xmlreader (the baseline), check or checker over the corpus, or a runtime operation.</summary>
    internal static Action Operation(string operation)
    {
        var files = Corpus.Shared.Files.Select(f => f.Text).ToArray();
        var panels = files.Select(t => NxmlDocument.Parse(t).Panel!).ToArray();
        var readable = Corpus.Shared.XmlReadable.Select(f => f.Text).ToArray();
        return operation switch
        {
            "parse" => () => Array.ForEach(files, t => NxmlDocument.Parse(t)),
            "xmlreader" => () => Array.ForEach(readable, t => Corpus.ReadWithXmlReader(t)),
            "check" => () => Array.ForEach(files, t => NxmlDocument.Check(t)),
            "checker" => () => Checker(files, panels),
            "inc" or "record" or "mount" or "first-call" or "mount-large" => RuntimeOperation(operation),
            _ => throw new ArgumentException($"unknown operation '{operation}': use parse, xmlreader, check, checker, inc, record, mount, first-call or mount-large", nameof(operation)),
        };
    }

    private static void Checker(string[] files, PanelNode[] panels)
    {
        for (var i = 0; i < files.Length; i++)
        {
            PanelChecker.Check(files[i], panels[i], CheckOptions.Default, new List<Diagnostic>());
        }
    }

    /// <summary>
    /// The runtime's operations on counter.nxml: <c>inc</c> and <c>record</c> (the list emptied every
    /// <see cref="Runtime.LatencyRun.ListBatch"/> pushes) on one panel, <c>mount</c> (create + mount) and
    /// <c>first-call</c> (create + mount + first <c>inc</c>); <c>mount-large</c> is create + mount of large-generated.nxml.
    /// </summary>
    internal static Action RuntimeOperation(string operation)
    {
        if (operation == "mount-large")
        {
            var large = Runtime.RuntimePanels.Document(Runtime.RuntimePanels.Large);
            return () => Runtime.RuntimePanels.Mount(large).GetAwaiter().GetResult();
        }

        var document = Runtime.RuntimePanels.Document(Runtime.RuntimePanels.Counter);
        var panel = Runtime.RuntimePanels.Mount(document).GetAwaiter().GetResult();
        var pushes = 0;
        return operation switch
        {
            "inc" => () => Runtime.RuntimePanels.Succeeded(panel.CallAsync("inc").GetAwaiter().GetResult()),
            "record" => () =>
            {
                if (pushes++ % Runtime.LatencyRun.ListBatch == 0)
                {
                    Runtime.RuntimePanels.Succeeded(panel.CallAsync("reset").GetAwaiter().GetResult());
                }

                Runtime.RuntimePanels.Succeeded(panel.CallAsync("record").GetAwaiter().GetResult());
            },
            "mount" => () => Runtime.RuntimePanels.Mount(document).GetAwaiter().GetResult(),
            _ => () => Runtime.RuntimePanels.Succeeded(Runtime.RuntimePanels.Mount(document).GetAwaiter().GetResult().CallAsync("inc").GetAwaiter().GetResult()),
        };
    }

    private static void Loop(Action once, double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            once();
        }
    }
}
