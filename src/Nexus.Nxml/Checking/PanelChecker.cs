using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Parsing;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Checking;

/// <summary>
/// The semantic checker (§7): every rule on meta, data, logic and view, cross-references included, and the
/// usage warnings. It reports into a shared list and returns what it learned about handlers.
/// </summary>
internal sealed partial class PanelChecker
{
    private readonly string _source;
    private readonly PanelNode _panel;
    private readonly CheckOptions _options;
    private readonly List<Diagnostic> _diagnostics;
    private LineMap? _lineMap;

    // Sized from the panel: generated panels declare hundreds of states and tools.
    private readonly Dictionary<string, StateNode> _states;
    private readonly Dictionary<string, ComputedNode> _computeds;
    private readonly Dictionary<string, ToolNode> _tools;
    private readonly HashSet<string> _extensionAliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsFacts> _expressionFacts = new(StringComparer.Ordinal);

    private readonly HashSet<string> _usedStates;
    private readonly HashSet<string> _usedTools;
    private bool _everyStateMayBeUsed;
    private bool _everyToolMayBeUsed;

    private PanelChecker(string source, PanelNode panel, CheckOptions options, List<Diagnostic> diagnostics)
    {
        _source = source;
        _panel = panel;
        _options = options;
        _diagnostics = diagnostics;
        var toolCount = panel.Logic?.Tools.Length ?? 0;
        var stateCount = panel.Data?.States.Length ?? 0;
        var computedCount = panel.Data?.Computed.Length ?? 0;
        _states = new(stateCount, StringComparer.Ordinal);
        _computeds = new(computedCount, StringComparer.Ordinal);
        _tools = new(toolCount, StringComparer.Ordinal);
        _usedStates = new(stateCount + computedCount, StringComparer.Ordinal);
        _usedTools = new(toolCount, StringComparer.Ordinal);
    }

    public static PanelAnalysis Check(string source, PanelNode panel, CheckOptions options, List<Diagnostic> diagnostics)
    {
        var checker = new PanelChecker(source, panel, options, diagnostics);
        checker.CheckMeta();
        checker.DeclareData();
        checker.DeclareLogic();
        var computedDependencies = checker.CheckComputeds();
        var handlers = checker.CheckLogic();
        checker.CheckView();
        checker.ReportUnused();
        return handlers.ToAnalysis(computedDependencies);
    }

    private void CheckMeta()
    {
        if (_panel.Meta.Title is null)
        {
            Report(DiagnosticCodes.MissingAttribute, "<NexusPanel> needs a title attribute", TagSpan(_panel, "NexusPanel"), SyntaxPath.Root);
        }
    }

    private void Report(string code, string message, SourceSpan span, SyntaxPath path) =>
        _diagnostics.Add(Diagnostic.At(code, message, span, path.ToImmutable()));

    /// <summary>Reports a missing attribute, or returns false when it is there.</summary>
    private bool Missing(SyntaxNode node, string element, string attribute, string? value, SyntaxPath path)
    {
        if (value is not null)
        {
            return false;
        }

        Report(DiagnosticCodes.MissingAttribute, $"<{element}> needs a {attribute} attribute", TagSpan(node, element), path);
        return true;
    }

    /// <summary>Checks an identifier attribute; returns true when it is valid.</summary>
    private bool ValidIdentifier(SyntaxNode node, string attribute, string name, string what, SyntaxPath path)
    {
        if (Identifiers.IsValid(name))
        {
            return true;
        }

        Report(
            DiagnosticCodes.InvalidIdentifier,
            $"'{name}' is not a valid {what} name: use letters, digits, _ and $, not starting with a digit, at most {Identifiers.MaxLength} characters",
            node.SpanOf(attribute),
            path);
        return false;
    }

    /// <summary>The span of an element's start tag name (where a whole-element diagnostic points).</summary>
    private static SourceSpan TagSpan(SyntaxNode node, string element)
    {
        if (node.Span.IsEmpty)
        {
            return node.Span;
        }

        var start = node.Span.Start;
        var end = new SourcePosition(start.Offset + element.Length + 1, start.Line, start.Column + element.Length + 1);
        return new SourceSpan(start, end);
    }

    private LineMap Lines => _lineMap ??= LineMap.Build(_source);

    private bool IsState(string key) => _states.ContainsKey(key) || _computeds.ContainsKey(key);

    private void MarkStateUsed(string key) => _usedStates.Add(key);
}
