using System.Collections.Immutable;
using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Checking;

internal sealed partial class PanelChecker
{
    private void CheckView()
    {
        if (_panel.View?.Root is { } root)
        {
            CheckComponent(root, ScopeChain.None, new ViewIdScope(null), SyntaxPath.Of("view", "root"));
        }
    }

    private void CheckComponent(ComponentNode component, ScopeChain scopes, ViewIdScope ids, SyntaxPath path)
    {
        StackGuard.Ensure();
        path = path.Shared();
        var spec = ComponentCatalog.Find(component.Type);
        if (spec is null && !_options.KnownComponents.Contains(component.Type))
        {
            Report(
                DiagnosticCodes.UnknownComponent,
                $"<{component.Type}> is not a Standard Component Library component; it renders only where the host provides it",
                TagSpan(component, component.Type),
                path);
        }

        CheckElementText(component, spec, scopes, path);
        if (spec is not null)
        {
            CheckRequiredProps(component, spec, path);
        }

        var childScopes = scopes;
        foreach (var attribute in component.IsImplicit ? [] : component.Attributes)
        {
            var propPath = path.Add("props", attribute.Name);
            switch (attribute.Name)
            {
                case "id":
                    ids.Declare(attribute, this, propPath);
                    break;
                case "trigger":
                    CheckTrigger(attribute, propPath);
                    break;
                case "as" when component.Type == "Iterate":
                    if (ValidIdentifier(component, "as", attribute.Value, "Iterate variable", propPath))
                    {
                        childScopes = scopes.Push(attribute.Value);
                    }

                    break;
                case "key":
                    break;
                case "colSpan":
                    CheckColSpan(attribute, propPath);
                    break;
                case "bind":
                    CheckBindPath(attribute, scopes, propPath);
                    break;
                default:
                    if (ComponentCatalog.IsExpressionProp(component.Type, attribute.Name))
                    {
                        CheckExpressionProp(attribute, scopes, propPath);
                    }
                    else
                    {
                        CheckValueProp(component, attribute, spec, scopes, propPath);
                    }

                    break;
            }
        }

        var childIds = component.Type == "Iterate" ? new ViewIdScope(ids) : ids;
        for (var i = 0; i < component.Children.Length; i++)
        {
            CheckComponent(component.Children[i], childScopes, childIds, path.Add("children", i));
        }
    }

    private void CheckElementText(ComponentNode component, ComponentSpec? spec, ScopeChain scopes, SyntaxPath path)
    {
        if (component.Text is not { } text)
        {
            return;
        }

        if (spec is not null && !spec.TakesText)
        {
            Report(DiagnosticCodes.UnknownElement, $"text is not allowed directly inside <{component.Type}>: wrap it in <Text>", text.Span, path);
            return;
        }

        if (spec?.TextProp is { } textProp && component.Attribute(textProp) is not null)
        {
            Report(DiagnosticCodes.InvalidPropValue, $"<{component.Type}> has both a {textProp} attribute and element text: keep one", text.Span, path);
            return;
        }

        CheckInterpolated(text.Value, text.Span, scopes, path.Add("text"));
    }

    private void CheckRequiredProps(ComponentNode component, ComponentSpec spec, SyntaxPath path)
    {
        for (var i = 0; i < spec.Required.Count; i++)
        {
            var required = spec.Required[i];
            var present = component.Attribute(required) is not null
                || (required == spec.TextProp && component.Text is not null)
                || (component.Type == "Iterate" && required == "items" && component.Attribute("over") is not null);
            if (!present)
            {
                var alternative = required == spec.TextProp ? " (or element text)" : string.Empty;
                Report(DiagnosticCodes.MissingAttribute, $"<{component.Type}> needs a {required} attribute{alternative}", TagSpan(component, component.Type), path);
            }
        }

        if (component.Type == "Iterate" && component.Attribute("items") is not null && component.Attribute("over") is { } over)
        {
            Report(DiagnosticCodes.InvalidPropValue, "<Iterate> has both items and over (an alias of items): keep one", over.NameSpan, path);
        }
    }

    private void CheckTrigger(NxmlAttribute attribute, SyntaxPath path)
    {
        if (_tools.ContainsKey(attribute.Value))
        {
            _usedTools.Add(attribute.Value);
        }
        else
        {
            Report(DiagnosticCodes.UndefinedToolReference, $"trigger=\"{attribute.Value}\": there is no tool '{attribute.Value}'", attribute.ValueSpan, path);
        }
    }

    private void CheckColSpan(NxmlAttribute attribute, SyntaxPath path)
    {
        if (!int.TryParse(attribute.Value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var span) || span is < 1 or > 12)
        {
            Report(DiagnosticCodes.InvalidPropValue, $"colSpan=\"{attribute.Value}\" must be a whole number from 1 to 12", attribute.ValueSpan, path);
        }
    }

    /// <summary><c>bind</c> is a writable path: <c>$state.key(.field)*</c> or <c>$scope.&lt;as&gt;.field(.field)*</c>.</summary>
    private void CheckBindPath(NxmlAttribute attribute, ScopeChain scopes, SyntaxPath path)
    {
        var value = attribute.Value.AsSpan();
        var firstDot = value.IndexOf('.');
        var root = firstDot < 0 ? value : value[..firstDot];
        var segmentCount = value.Count('.') + 1;
        var valid = (root is "$state" && segmentCount >= 2) || (root is "$scope" && segmentCount >= 3);
        if (!valid || !AreIdentifiers(value[(firstDot + 1)..]))
        {
            Report(
                DiagnosticCodes.InvalidBindingPath,
                $"bind=\"{attribute.Value}\" is not a writable path: write $state.key(.field)* or $scope.<as>.field(.field)*, without braces",
                attribute.ValueSpan,
                path);
            return;
        }

        var rest = value[(firstDot + 1)..];
        var key = (rest.IndexOf('.') is var keyEnd and >= 0 ? rest[..keyEnd] : rest).ToString();
        if (root is "$scope")
        {
            if (!scopes.Contains(key))
            {
                Report(DiagnosticCodes.InvalidScopeReference, ScopeMessage(key, scopes), attribute.ValueSpan, path);
            }

            return;
        }

        if (!IsState(key))
        {
            Report(DiagnosticCodes.UndefinedStateReference, $"bind=\"{attribute.Value}\": no State is named '{key}'", attribute.ValueSpan, path);
        }
        else if (_computeds.ContainsKey(key))
        {
            Report(DiagnosticCodes.ComputedNotWritable, $"bind=\"{attribute.Value}\": '{key}' is a computed and cannot be written", attribute.ValueSpan, path);
        }
        else
        {
            MarkStateUsed(key);
        }
    }

    /// <summary>Whether every dot-separated segment is an identifier.</summary>
    private static bool AreIdentifiers(ReadOnlySpan<char> path)
    {
        foreach (var segment in path.Split('.'))
        {
            if (!Identifiers.IsValid(path[segment]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An expression prop is always JavaScript, braces optional. When the braces wrap something that is not an
    /// expression but the whole value is an object literal (<c>{ id: $scope.note.id }</c>), it is that object.
    /// </summary>
    private void CheckExpressionProp(NxmlAttribute attribute, ScopeChain scopes, SyntaxPath path)
    {
        var value = attribute.Value;
        JsCode Code(ExpressionPart part) => JsCode.ForValue(_source, value, attribute.ValueSpan, part.Start, part.Length, attribute.ValueSpan);
        var (first, fallback) = ExpressionText.ExpressionPropCode(value);
        if (fallback is not { } whole)
        {
            CheckExpression(Code(first), scopes, path, attribute.Name);
            return;
        }

        var firstFacts = AnalyzeExpression(Code(first));
        if (firstFacts.SyntaxError is null)
        {
            ReportExpression(firstFacts, Code(first), scopes, path, attribute.Name);
            return;
        }

        // Neither parses: the inside's error is the one that helps (the braces were meant as optional).
        var wholeFacts = AnalyzeExpression(Code(whole));
        if (wholeFacts.SyntaxError is null)
        {
            ReportExpression(wholeFacts, Code(whole), scopes, path, attribute.Name);
        }
        else
        {
            ReportExpression(firstFacts, Code(first), scopes, path, attribute.Name);
        }
    }

    private void CheckValueProp(ComponentNode component, NxmlAttribute attribute, ComponentSpec? spec, ScopeChain scopes, SyntaxPath path)
    {
        // Most props are plain literals: they need no expression scan at all.
        var literal = attribute.Value.Contains('{', StringComparison.Ordinal)
            ? CheckInterpolated(attribute.Value, attribute.ValueSpan, scopes, path) is { IsLiteral: true } text ? text.LiteralText : null
            : attribute.Value.Replace("}}", "}", StringComparison.Ordinal);
        if (literal is not null && spec is not null && spec.Enums.Count > 0 && spec.Enums.TryGetValue(attribute.Name, out var allowed) && !allowed.Contains(literal))
        {
            Report(
                DiagnosticCodes.InvalidPropValue,
                $"{attribute.Name}=\"{attribute.Value}\" is not valid for <{component.Type}>: use one of {string.Join(", ", allowed)}",
                attribute.ValueSpan,
                path);
        }
    }

    /// <summary>Checks a value that may hold <c>{expression}</c> parts (a binding or an interpolation).</summary>
    private ExpressionText CheckInterpolated(string value, SourceSpan valueSpan, ScopeChain scopes, SyntaxPath path)
    {
        var text = ExpressionText.Parse(value);
        if (text.UnclosedAt is { } unclosed)
        {
            var code = JsCode.ForValue(_source, value, valueSpan, unclosed, 1, valueSpan);
            Report(DiagnosticCodes.InvalidExpression, "'{' starts an expression that is never closed with '}' (write {{ for a literal brace)", Locate(code, 0, 1), path);
        }

        // By index: a foreach over the IReadOnlyList would box its enumerator for every value checked.
        var parts = text.Expressions;
        for (var i = 0; i < parts.Count; i++)
        {
            CheckExpression(JsCode.ForValue(_source, value, valueSpan, parts[i].Start, parts[i].Length, valueSpan), scopes, path, text.IsBinding ? "binding" : "interpolation");
        }

        return text;
    }

    /// <summary>View ids: unique in the view; an Iterate body is a scope of its own (ids there are per item) that cannot reuse an outer id.</summary>
    private sealed class ViewIdScope(ViewIdScope? parent)
    {
        private readonly Dictionary<string, NxmlAttribute> _ids = new(StringComparer.Ordinal);

        public void Declare(NxmlAttribute id, PanelChecker checker, SyntaxPath path)
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (scope._ids.TryGetValue(id.Value, out var first))
                {
                    checker.Report(DiagnosticCodes.DuplicateViewId, $"id \"{id.Value}\" is used twice in the view (first at {first.ValueSpan.Start})", id.ValueSpan, path);
                    return;
                }
            }

            _ids[id.Value] = id;
        }

        private ViewIdScope? Parent => parent;
    }
}
