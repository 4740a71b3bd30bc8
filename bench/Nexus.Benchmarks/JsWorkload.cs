using System.Reflection;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Syntax;

namespace Nexus.Benchmarks;

/// <summary>One piece of JavaScript exactly as the checker hands it to <see cref="JsAnalyzer"/>.</summary>
internal readonly record struct JsSnippet(string Text, int Start, int Length);

/// <summary>
/// The JavaScript the checker analyses in a panel, collected the way PanelChecker walks it (handlers once each;
/// computed values; view props that are expressions; <c>{...}</c> parts of other props and of element text).
/// Expressions are split into those JsAnalyzer answers on its fast path (plain <c>$state.a.b</c> /
/// <c>$scope.a.b</c>) and those it parses (the subset parser, or Acornima).
/// </summary>
internal sealed class JsWorkload
{
    private static readonly MethodInfo? SimplePath = typeof(JsAnalyzer).GetMethod("TryAnalyzeSimplePath", BindingFlags.NonPublic | BindingFlags.Static);

    public List<JsSnippet> Handlers { get; } = [];

    public List<JsSnippet> SimpleExpressions { get; } = [];

    public List<JsSnippet> ParsedExpressions { get; } = [];

    /// <summary>The parsed expressions that do not parse: the checker then tries the whole value.</summary>
    public List<JsSnippet> FailingExpressions { get; } = [];

    /// <summary>Whether the fast-path split is exact (found JsAnalyzer's private fast path by reflection).</summary>
    public static bool SplitIsExact => SimplePath is not null;

    public long SnippetChars => Handlers.Concat(SimpleExpressions).Concat(ParsedExpressions).Sum(s => (long)s.Length);

    public void Add(string source, PanelNode panel)
    {
        if (panel.Logic is { } logic)
        {
            var seen = new HashSet<HandlerNode>(ReferenceEqualityComparer.Instance);
            var handlers = logic.Handlers
                .Concat(logic.Tools.Select(t => t.Handler))
                .Concat(logic.Lifecycles.Select(l => l.Handler))
                .OfType<HandlerNode>();
            foreach (var handler in handlers)
            {
                var code = JsCode.ForHandler(source, handler);
                if (seen.Add(handler) && code.Length > 0)
                {
                    Handlers.Add(new JsSnippet(code.Text, code.Start, code.Length));
                }
            }
        }

        foreach (var computed in panel.Computeds)
        {
            if (computed.Value is { } value && computed.Attribute("value") is { } attribute)
            {
                AddExpression(JsCode.ForValue(source, value, attribute.ValueSpan, 0, value.Length, computed.Span));
            }
        }

        if (panel.View?.Root is { } root)
        {
            AddComponent(source, root);
        }
    }

    private void AddComponent(string source, ComponentNode component)
    {
        var spec = ComponentCatalog.Find(component.Type);
        if (component.Text is { } text && (spec is null || spec.TakesText) && !(spec?.TextProp is { } prop && component.Attribute(prop) is not null))
        {
            AddInterpolated(source, text.Value, text.Span);
        }

        foreach (var attribute in component.IsImplicit ? [] : component.Attributes)
        {
            switch (attribute.Name)
            {
                case "id" or "trigger" or "key" or "colSpan" or "bind":
                case "as" when component.Type == "Iterate":
                    break;
                default:
                    if (ComponentCatalog.IsExpressionProp(component.Type, attribute.Name))
                    {
                        AddExpressionProp(source, attribute);
                    }
                    else
                    {
                        AddInterpolated(source, attribute.Value, attribute.ValueSpan);
                    }

                    break;
            }
        }

        foreach (var child in component.Children)
        {
            AddComponent(source, child);
        }
    }

    /// <summary>As the checker does: braces optional; when the inside does not parse, the whole value is tried.</summary>
    private void AddExpressionProp(string source, NxmlAttribute attribute)
    {
        var value = attribute.Value;
        JsCode Code(ExpressionPart part) => JsCode.ForValue(source, value, attribute.ValueSpan, part.Start, part.Length, attribute.ValueSpan);
        var (first, fallback) = ExpressionText.ExpressionPropCode(value);
        if (!AddExpression(Code(first)) && fallback is { } whole)
        {
            AddExpression(Code(whole));
        }
    }

    private void AddInterpolated(string source, string value, SourceSpan valueSpan)
    {
        foreach (var part in ExpressionText.Parse(value).Expressions)
        {
            AddExpression(JsCode.ForValue(source, value, valueSpan, part.Start, part.Length, valueSpan));
        }
    }

    /// <summary>Adds an expression the checker would analyse; returns whether it parses (false also for an empty one).</summary>
    private bool AddExpression(JsCode code)
    {
        if (code.Length == 0 || code.Text.AsSpan(code.Start, code.Length).IsWhiteSpace())
        {
            return false;
        }

        var snippet = new JsSnippet(code.Text, code.Start, code.Length);
        var simple = SimplePath?.Invoke(null, [code.Text, code.Start, code.Length]) is not null;
        (simple ? SimpleExpressions : ParsedExpressions).Add(snippet);
        var parses = JsAnalyzer.AnalyzeExpression(code).SyntaxError is null;
        if (!parses)
        {
            FailingExpressions.Add(snippet);
        }

        return parses;
    }
}
