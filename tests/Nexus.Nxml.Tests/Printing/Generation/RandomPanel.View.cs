namespace Nexus.Nxml.Tests.Printing.Generation;

/// <summary>The view of the random panel: a tree of components whose props are literals, bindings, interpolations and expressions.</summary>
internal sealed partial class RandomPanel
{
    private const int MaxDepth = 3;

    /// <summary>Literal text for view props: interpolated values, so a brace is always doubled.</summary>
    private static readonly string[] LiteralFragments =
    [
        "Save", "a & b", "x < y > z", "say \"hi\"", "it's", "&lt;", "{{braces}}", "line1\nline2", "50%", "é ✓", "a&&b", "&amp;",
    ];

    private static readonly string[] Alignments = ["start", "center", "end", "stretch", "between", "space-between"];

    private void WriteView()
    {
        var count = _choose.Chance(85) ? 1 + _choose.Count(3) : 0;
        if (count == 0 && _choose.Chance(50))
        {
            _out.Empty("View", []);
            return;
        }

        _out.Open("View", []);
        for (var i = 0; i < count; i++)
        {
            _out.MaybeComment();
            WriteComponent(0, []);
        }

        _out.Close("View");
    }

    private void WriteComponent(int depth, List<string> scopes)
    {
        // Containers are likelier near the root, so that views grow into trees rather than lists.
        var container = depth < MaxDepth && _choose.Chance(60 - (15 * depth));
        var kind = container ? 10 + _choose.Next(4) : _choose.Next(10);
        switch (kind)
        {
            case 0:
                Leaf("Metric", ("label", LiteralProp()), ("value", ValueProp(scopes)), ("unit", Maybe(20, "ms")), ("trend", Maybe(30, () => _choose.Pick("up", "down", "neutral"))));
                break;
            case 1:
                Leaf("StatusBadge", ("label", LiteralProp()), ("status", Maybe(50, () => _choose.Chance(20) ? Binding(scopes) : _choose.Pick("success", "warn", "error", "info"))), ("value", Maybe(30, () => ValueProp(scopes))));
                break;
            case 2:
                WithText("Text", "content", scopes, ("variant", Maybe(40, () => _choose.Pick("h1", "h2", "h3", "h4", "body", "code", "caption"))));
                break;
            case 3:
                WithText("Button", "label", scopes, [.. ActionProps(scopes, triggerRequired: false), ("variant", Maybe(30, () => _choose.Pick("primary", "secondary", "danger", "ghost"))), ("disabled", Maybe(20, () => Binding(scopes)))]);
                break;
            case 4 when _tools.Count > 0:
                WithText("Action", "label", scopes, ActionProps(scopes, triggerRequired: true));
                break;
            case 5:
                Leaf("Input", ("bind", BindPath(scopes)), ("placeholder", Maybe(50, LiteralProp)), ("inputType", Maybe(30, () => _choose.Pick("text", "number", "password", "email"))), ("disabled", Maybe(10, () => Binding(scopes))));
                break;
            case 6:
                Leaf("Switch", ("bind", BindPath(scopes)), ("label", Maybe(60, LiteralProp)));
                break;
            case 7:
                Leaf("Chart", ("type", _choose.Pick("line", "bar", "pie", "area")), ("data", Binding(scopes)), ("xKey", Maybe(50, "k")), ("yKey", Maybe(50, "v")), ("height", Maybe(20, "200")));
                break;
            case 8:
                Leaf("LogStream", ("data", Binding(scopes)), ("height", Maybe(30, "120")), ("autoScroll", Maybe(30, () => _choose.Pick("true", "false"))));
                break;
            case 9:
                Container(_choose.Pick("Sparkline", "my-widget"), depth, scopes, ("className", Maybe(60, LiteralProp)), ("data-x", Maybe(40, () => ValueProp(scopes))), ("trigger", Maybe(20, () => _tools.Count > 0 ? _choose.PickFrom(_tools) : null)));
                break;
            case 10:
                Container("Layout", depth, scopes, ("strategy", Maybe(70, () => _choose.Pick("auto", "stack", "row", "flex"))), ("direction", Maybe(10, () => _choose.Pick("row", "column"))), ("gap", Maybe(30, () => _choose.Pick("xs", "sm", "md", "lg", "xl"))), ("align", Maybe(20, () => _choose.Pick(Alignments))), ("justify", Maybe(20, () => _choose.Pick(Alignments))));
                break;
            case 11:
                Container("Container", depth, scopes, ("title", Maybe(60, () => ValueProp(scopes))), ("variant", Maybe(40, () => _choose.Pick("card", "panel", "section", "transparent"))));
                break;
            case 12:
                Container("If", depth, scopes, ("condition", Expression(scopes)));
                break;
            case 13:
                var name = "item" + depth;
                var items = ListExpression(scopes);
                Container("Iterate", depth, [.. scopes, name], (_choose.Chance(20) ? "over" : "items", items), ("as", name), ("key", Maybe(40, "id")));
                break;
            default:
                Leaf("Metric", ("label", LiteralProp()), ("value", Binding(scopes)));
                break;
        }
    }

    private (string, string?)[] Common((string, string?)[] attributes) =>
        [("id", _choose.Chance(30) ? "w" + ++_viewIds : null), ("colSpan", _choose.Chance(10) ? (1 + _choose.Next(12)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null), .. attributes];

    private void Leaf(string type, params (string, string?)[] attributes) => _out.Empty(type, Common(attributes));

    private void Container(string type, int depth, List<string> scopes, params (string, string?)[] attributes)
    {
        var children = _choose.Count(4);
        if (children == 0)
        {
            _out.Empty(type, Common(attributes));
            return;
        }

        _out.Open(type, Common(attributes));
        for (var i = 0; i < children; i++)
        {
            _out.MaybeComment();
            WriteComponent(depth + 1, scopes);
        }

        _out.Close(type);
    }

    /// <summary>Text, Button and Action take their content or label from an attribute or from the element's text.</summary>
    private void WithText(string type, string textProp, List<string> scopes, params (string, string?)[] attributes)
    {
        if (_choose.Chance(50))
        {
            _out.Empty(type, Common([(textProp, InterpolatedText(scopes)), .. attributes]));
            return;
        }

        var start = $"<{type}{_out.Attributes(Common(attributes))}>";
        var text = _out.TextContent(InterpolatedText(scopes));
        var inner = _out.Indentation + "  ";
        _out.Line(_choose.Next(3) switch
        {
            1 => $"{start}{_out.Newline}{inner}{text}{_out.Newline}{_out.Indentation}</{type}>",
            2 => $"{start} {_out.Comment()}{text}{_out.Comment()} </{type}>",
            _ => $"{start}{text}</{type}>",
        });
    }

    private (string, string?)[] ActionProps(List<string> scopes, bool triggerRequired)
    {
        var trigger = _tools.Count > 0 && (triggerRequired || _choose.Chance(60)) ? _choose.PickFrom(_tools) : null;
        return
        [
            ("trigger", trigger),
            ("args", trigger is not null && _choose.Chance(50) ? ArgsExpression(scopes) : null),
            ("payload", trigger is not null && _choose.Chance(20) ? "{ ok: true, note: 'a<b' }" : null),
        ];
    }

    private string? Maybe(int percent, string value) => _choose.Chance(percent) ? value : null;

    private string? Maybe(int percent, Func<string?> value) => _choose.Chance(percent) ? value() : null;

    private string LiteralProp()
    {
        var text = _choose.Pick(LiteralFragments);
        return _choose.Chance(30) ? text + " " + _choose.Pick(LiteralFragments) : text;
    }

    private string ValueProp(List<string> scopes) => _choose.Next(4) switch
    {
        0 => Binding(scopes),
        1 => $"{{{Reference(scopes)}}}% of {{$state.{_choose.PickFrom(Readable.ToList())}}} {{{{literal}}}}",
        2 => $"{{$state.{_choose.PickFrom(Readable.ToList())} < 5 && $state.{_choose.PickFrom(Readable.ToList())} ? 'yes' : \"no\"}}",
        _ => LiteralProp(),
    };

    /// <summary>Element text (trimmed, never empty): literal parts and interpolations.</summary>
    private string InterpolatedText(List<string> scopes)
    {
        var text = _choose.Next(3) switch
        {
            0 => _choose.Pick(LiteralFragments),
            1 => $"Hello {{{Reference(scopes)}}}!",
            _ => $"{_choose.Pick(LiteralFragments)} {{{Reference(scopes)} > 1 ? 'a<b' : \"c&d\"}} {_choose.Pick(LiteralFragments)}",
        };
        return text.Trim();
    }

    private string Binding(List<string> scopes) => "{" + Reference(scopes) + "}";

    /// <summary>A state, or an Iterate variable's field when inside one.</summary>
    private string Reference(List<string> scopes) =>
        scopes.Count > 0 && _choose.Chance(50) ? $"$scope.{_choose.PickFrom(scopes)}.name" : $"$state.{_choose.PickFrom(Readable.ToList())}";

    private string Expression(List<string> scopes)
    {
        var expression = $"{Reference(scopes)} < 5 && !{Reference(scopes)}";
        return _choose.Chance(50) ? "{" + expression + "}" : expression;
    }

    private string ListExpression(List<string> scopes)
    {
        var lists = _states.Where(s => s.Type == "list").Select(s => "$state." + s.Name).ToList();
        var expression = _choose.Next(3) switch
        {
            0 when lists.Count > 0 => _choose.PickFrom(lists),
            1 when scopes.Count > 0 => $"$scope.{_choose.PickFrom(scopes)}.children",
            _ => "[{ id: 1, name: 'a<b' }, { id: 2, name: \"c & d\" }]",
        };
        return _choose.Chance(50) ? "{" + expression + "}" : expression;
    }

    private string ArgsExpression(List<string> scopes) => _choose.Next(4) switch
    {
        0 when scopes.Count > 0 => $"[$scope.{_choose.PickFrom(scopes)}.id]",
        1 => "{ id: 1, text: 'a & b' }",
        2 => "[1, \"two\"]",
        _ => "{" + Reference(scopes) + "}",
    };

    private string BindPath(List<string> scopes) =>
        scopes.Count > 0 && _choose.Chance(40) ? $"$scope.{_choose.PickFrom(scopes)}.name" : $"$state.{_choose.PickFrom(_states).Name}{(_choose.Chance(20) ? ".field" : string.Empty)}";
}
