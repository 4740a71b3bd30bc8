using Acornima;
using Nexus.Nxml;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Syntax;

namespace Nexus.Reactor.Program;

/// <summary>How a prop value or element text evaluates (§6.1), compiled once per panel source.</summary>
internal abstract record CompiledValue;

/// <summary>Plain text (with <c>{{</c> and <c>}}</c> already unescaped).</summary>
internal sealed record LiteralValue(string Text) : CompiledValue;

/// <summary>One <c>{expr}</c> that is the whole value: the prop takes the expression's value with its JSON type.</summary>
internal sealed record BindingValue(ScriptSource Script) : CompiledValue;

/// <summary>Text with <c>{expr}</c> parts: always a string. Each part is a literal string or a <see cref="ScriptSource"/>.</summary>
internal sealed record InterpolatedValue(IReadOnlyList<object> Parts) : CompiledValue;

/// <summary>An expression prop (<c>condition</c>, <c>items</c>, <c>args</c>, <c>payload</c>): always an expression.</summary>
internal sealed record ExpressionValue(ScriptSource Script) : CompiledValue;

/// <summary>A <c>bind</c> path (<c>$state.draft</c>, <c>$scope.item.done</c>).</summary>
internal sealed record PathValue(string Path) : CompiledValue;

/// <summary>
/// Every value of a panel's view, compiled: each prop and each element text is a literal, a binding, an
/// interpolation, an expression or a path, and every expression has a prepared script. Values are found by
/// where the attribute or text stands in the source, so any document of the same source finds them (the
/// program is shared between documents with equal sources).
/// </summary>
internal sealed class ExpressionTable
{
    /// <summary>How many values compiled outside the view are kept (a host evaluating ever new texts must not grow memory without bound).</summary>
    private const int DetachedCacheSize = 256;

    private readonly Dictionary<NodeKey, CompiledValue> _values = [];
    private readonly List<ScriptSource> _scripts = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CompiledValue> _detached = new(StringComparer.Ordinal);

    public ExpressionTable(NxmlDocument document)
    {
        if (document.Panel?.View?.Root is { } root)
        {
            Compile(root);
        }
    }

    /// <summary>The scripts of the view's expressions (complete once the table is built; never changed after).</summary>
    public IReadOnlyList<ScriptSource> Scripts => _scripts;

    /// <summary>The compiled value of an attribute of the view, or null when it is not one.</summary>
    public CompiledValue? Of(NxmlAttribute attribute) => _values.GetValueOrDefault(Key(attribute));

    /// <summary>The compiled element text of a component, or null when it has none.</summary>
    public CompiledValue? Of(NxmlText text) => _values.GetValueOrDefault(Key(text));

    /// <summary>
    /// Compiles a value that is not part of the view (a host asking to evaluate a binding it holds). Its
    /// scripts are not added to <see cref="Scripts"/> (the table is shared by every instance of the source)
    /// and are not kept by engines; the last few hundred texts are cached.
    /// </summary>
    public CompiledValue CompileDetached(string value)
    {
        if (_detached.TryGetValue(value, out var compiled))
        {
            return compiled;
        }

        if (_detached.Count >= DetachedCacheSize)
        {
            _detached.Clear();
        }

        compiled = Interpolate(value, code => ScriptSource.ForExpression("detached", code, detached: true));
        _detached[value] = compiled;
        return compiled;
    }

    private void Compile(ComponentNode component)
    {
        foreach (var attribute in component.Attributes)
        {
            _values[Key(attribute)] = attribute.Name switch
            {
                "bind" => new PathValue(attribute.Value),
                "id" or "trigger" or "as" or "key" or "colSpan" => new LiteralValue(attribute.Value),
                _ when ComponentCatalog.IsExpressionProp(component.Type, attribute.Name) => ExpressionProp(attribute.Value),
                _ => Interpolate(attribute.Value, Add),
            };
        }

        if (component.Text is { } text)
        {
            _values[Key(text)] = Interpolate(text.Value, Add);
        }

        foreach (var child in component.Children)
        {
            Compile(child);
        }
    }

    /// <summary>Sourced values are found by position; values built in code (no position) by their text, which compiles alike.</summary>
    private static NodeKey Key(NxmlAttribute attribute) => attribute.ValueSpan.IsEmpty
        ? new NodeKey(-1, attribute.Name, attribute.Value)
        : new NodeKey(attribute.ValueSpan.Start.Offset, attribute.Name, null);

    private static NodeKey Key(NxmlText text) => text.Span.IsEmpty
        ? new NodeKey(-1, "#text", text.Value)
        : new NodeKey(text.Span.Start.Offset, "#text", null);

    private static CompiledValue Interpolate(string value, Func<string, ScriptSource> add)
    {
        var text = ExpressionText.Parse(value);
        if (text.IsLiteral || text.UnclosedAt is not null)
        {
            return new LiteralValue(text.LiteralText);
        }

        if (text.IsBinding)
        {
            var part = text.Expressions[0];
            return new BindingValue(add(value.Substring(part.Start, part.Length)));
        }

        var parts = new List<object>();
        var at = 0;
        foreach (var part in text.Expressions)
        {
            if (part.Start - 1 > at)
            {
                parts.Add(Unescape(value[at..(part.Start - 1)]));
            }

            parts.Add(add(value.Substring(part.Start, part.Length)));
            at = part.Start + part.Length + 1;
        }

        if (at < value.Length)
        {
            parts.Add(Unescape(value[at..]));
        }

        return new InterpolatedValue(parts);
    }

    /// <summary>Braces optional; when the inside of the braces is not an expression but the whole value is (an object literal), the whole value.</summary>
    private ExpressionValue ExpressionProp(string value)
    {
        var (first, fallback) = ExpressionText.ExpressionPropCode(value);
        var code = value.Substring(first.Start, first.Length);
        return new ExpressionValue(Add(fallback is { } whole && !Parses(code) ? value.Substring(whole.Start, whole.Length) : code));
    }

    private ScriptSource Add(string code)
    {
        var script = ScriptSource.ForExpression("view:" + _scripts.Count, code);
        _scripts.Add(script);
        return script;
    }

    private static bool Parses(string code)
    {
        try
        {
            new Parser().ParseExpression(code);
            return true;
        }
        catch (ParseErrorException)
        {
            return false;
        }
    }

    private static string Unescape(string literal) =>
        literal.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);

    private readonly record struct NodeKey(int Offset, string Name, string? Text);
}
