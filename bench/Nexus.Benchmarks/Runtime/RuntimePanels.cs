using System.Reflection;
using Nexus.Nxml;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Reactor.Execution;

namespace Nexus.Benchmarks.Runtime;

/// <summary>
/// What the runtime benchmarks share: checked corpus documents (checked once per process; checking is the
/// language library's cost, measured elsewhere), the tool each file's "first call" runs, the view elements the
/// binding benchmarks evaluate, and a way to forget the compiled programs so that a benchmark can measure the
/// first instance of a source.
/// </summary>
internal static class RuntimePanels
{
    /// <summary>The small panel of the targets.</summary>
    public const string Counter = "counter.nxml";

    /// <summary>The large panel (200 states, 12 computeds, 100 tools, 500 view nodes).</summary>
    public const string Large = "large-generated.nxml";

    /// <summary>
    /// counter.nxml has no interpolation with text around its expressions (no corpus file has one), so the
    /// interpolation benchmark uses counter.nxml with this one element added to its view (in memory; the corpus
    /// is not changed).
    /// </summary>
    public const string InterpolatedText = """<Text content="Count: {$state.count}, doubled: {$state.count * 2}" />""";

    private static readonly Dictionary<string, NxmlDocument> Documents = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>A checked corpus document (it must be valid: the runtime refuses documents with errors).</summary>
    public static NxmlDocument Document(string file)
    {
        lock (Gate)
        {
            if (!Documents.TryGetValue(file, out var document))
            {
                document = Valid(NxmlDocument.Check(Corpus.Shared[file].Text), file);
                Documents[file] = document;
            }

            return document;
        }
    }

    /// <summary>counter.nxml with <see cref="InterpolatedText"/> as the first element of its view's root layout.</summary>
    public static NxmlDocument CounterWithInterpolation()
    {
        var text = Corpus.Shared[Counter].Text;
        const string anchor = "<Layout strategy=\"stack\" gap=\"md\">";
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"{Counter} no longer has the root layout the interpolation benchmark extends");
        }

        at += anchor.Length;
        return Valid(NxmlDocument.Check(text[..at] + "\n      " + InterpolatedText + text[at..]), Counter + " + interpolation");
    }

    /// <summary>
    /// A what-if: counter.nxml without its two computeds (the view's references to them replaced by state
    /// reads), so that a commit has no computed to re-evaluate. Compared with counter.nxml it shows what the
    /// computeds cost each call.
    /// </summary>
    public static NxmlDocument CounterWithoutComputeds()
    {
        var text = Corpus.Shared[Counter].Text;
        var lines = text.Split('\n').Where(l => !l.TrimStart().StartsWith("<Computed ", StringComparison.Ordinal));
        var stripped = string.Join('\n', lines)
            .Replace("$state.doubled", "$state.count", StringComparison.Ordinal)
            .Replace("$state.isPositive", "$state.count > 0", StringComparison.Ordinal);
        return stripped.Length == text.Length
            ? throw new InvalidOperationException($"{Counter} no longer has the computeds the what-if removes")
            : Valid(NxmlDocument.Check(stripped), Counter + " without computeds");
    }

    /// <summary>The tool a "first call" runs: a one-line handler without arguments.</summary>
    public static string FirstTool(string file) => file switch
    {
        Counter => "inc",
        Large => "toggle_api",
        _ => throw new ArgumentException($"no first tool chosen for {file}", nameof(file)),
    };

    /// <summary>A freshly created and mounted instance.</summary>
    public static Task<PanelInstance> Mount(NxmlDocument document) => PanelInstance.CreateAsync(document);

    /// <summary>Throws unless the call succeeded: a benchmark must not measure the error path.</summary>
    public static ToolResult Succeeded(ToolResult result) => result.Succeeded
        ? result
        : throw new InvalidOperationException($"{result.Tool} failed: {result.Error?.Code}: {result.Error?.Message}");

    /// <summary>The first component of a view (depth first) that satisfies <paramref name="match"/>.</summary>
    public static ComponentNode Find(NxmlDocument document, Func<ComponentNode, bool> match)
    {
        var root = document.Panel?.View?.Root ?? throw new InvalidOperationException("the panel has no view");
        return Walk(root).FirstOrDefault(match) ?? throw new InvalidOperationException("no such component in the view");

        static IEnumerable<ComponentNode> Walk(ComponentNode node)
        {
            yield return node;
            foreach (var child in node.Children)
            {
                foreach (var inner in Walk(child))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>
    /// Forgets every compiled panel program (the runtime keeps one per source, shared by its instances), so that
    /// the next instance compiles its program again, as the first instance of a source does. Reflection: the
    /// cache is private to the runtime.
    /// </summary>
    public static void ForgetPrograms() => ProgramCache.Value.Clear();

    private static readonly Lazy<System.Collections.IDictionary> ProgramCache = new(() =>
    {
        var type = typeof(PanelInstance).Assembly.GetType("Nexus.Reactor.Program.PanelProgram", throwOnError: true)!;
        var field = type.GetField("Cache", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("PanelProgram.Cache is gone: update RuntimePanels.ForgetPrograms");
        return field.GetValue(null) as System.Collections.IDictionary
            ?? throw new InvalidOperationException("PanelProgram.Cache is not a dictionary any more: update RuntimePanels.ForgetPrograms");
    });

    private static NxmlDocument Valid(NxmlDocument document, string name) => document.IsValid
        ? document
        : throw new InvalidOperationException($"{name} has errors, and the runtime refuses it: "
            + string.Join("; ", document.Errors.Select(e => e.Format(name))));
}
