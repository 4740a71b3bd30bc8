using System.Text;

namespace Nexus.Nxml.Tests.Printing.Generation;

/// <summary>Values, expressions and handler code of the random panel.</summary>
internal sealed partial class RandomPanel
{
    /// <summary>Text with everything an attribute or element may hold: markup characters, entities, quotes, newlines, tabs.</summary>
    private static readonly string[] TextFragments =
    [
        "Save", "a & b", "x < y > z", "say \"hi\"", "it's", "&lt;", "&amp;amp;", "line1\nline2", "tab\there",
        "é ✓ 😀", "&#65;", "a&&b", "50%", "#;", "&", "]]>", "-->", "</Tool>",
    ];

    private int _locals;

    /// <summary>Free text, for values that are never interpolated (meta, descriptions, string defaults).</summary>
    private string Text()
    {
        var parts = 1 + _choose.Count(2);
        var text = new StringBuilder(_choose.Pick(TextFragments));
        for (var i = 1; i < parts; i++)
        {
            text.Append(_choose.Pick(" ", string.Empty, "\n")).Append(_choose.Pick(TextFragments));
        }

        return text.ToString();
    }

    private string DefaultValue(string type) => type switch
    {
        "string" => _choose.Chance(20) ? string.Empty : Text(),
        "number" => _choose.Pick("0", "1", "-2.5", "1e3", "42", "3.14"),
        "boolean" => _choose.Pick("false", "true"),
        "list" => _choose.Pick("[]", "[1,2]", "[\"a\", \"b&c\"]", "[{\"id\":1,\"name\":\"<x>\"}]"),
        _ => _choose.Pick("{}", "{\"a\":1}", "{\"k\": \"<v> & 'w'\"}"),
    };

    private string ComputedExpression(List<string> readable)
    {
        var (a, b) = (_choose.PickFrom(readable), _choose.PickFrom(readable));
        return _choose.Next(7) switch
        {
            0 => $"$state.{a} * 2",
            1 => $"$state.{a} + $state.{b}",
            2 => $"$state.{a} < 5 && !$state.{b}",
            3 => $"`${{$state.{a}}}<b>` + \"&\"",
            4 => $"($state.{a} || []).length",
            5 => $"$state.{a} ? 'a<b' : \"c&amp;d\"",
            _ => $"JSON.stringify($state.{a})",
        };
    }

    /// <summary>Handler code: a few statements, some of them several lines long with their own indentation.</summary>
    private string HandlerBody(List<string> args)
    {
        if (_choose.Chance(4))
        {
            return string.Empty;
        }

        var statements = new List<string>();
        var count = 1 + _choose.Count(4);
        for (var i = 0; i < count; i++)
        {
            statements.Add(Statement(args));
        }

        if (_choose.Chance(40))
        {
            statements.Add($"return $state.{_choose.PickFrom(Readable.ToList())};");
        }

        // Code that mentions </Handler> must be written in CDATA, which cannot hold "]]>".
        if (statements.Any(s => s.Contains("</Handler", StringComparison.Ordinal)))
        {
            statements.RemoveAll(s => s.Contains("]]>", StringComparison.Ordinal));
        }

        return string.Join("\n", statements.Select(s => s.Replace("\n", "\n" + (_choose.Chance(30) ? "\n" : string.Empty), StringComparison.Ordinal)));
    }

    private string Statement(List<string> args)
    {
        var state = _choose.PickFrom(_states).Name;
        var read = _choose.PickFrom(Readable.ToList());
        var local = ++_locals;
        return _choose.Next(17) switch
        {
            0 => $"$state.{state} = {_choose.Pick("1", "'a<b'", "\"x & y\"", "[]", "{ k: 1 }", "true")};",
            1 when args.Count > 0 => $"$state.{state} = $args.{_choose.PickFrom(args)};",
            2 => $"if ($state.{read} < 3 && $state.{state}) {{\n  $emit('toast', 'a < b & c');\n}}",
            3 => $"const msg{local} = `<b>${{$state.{read}}}</b> & done`;\n$log(msg{local});",
            4 => "$log(\"</Tool> is not the end\", '</Handler>');",
            5 when _tools.Count > 0 => $"const r{local} = await $tools.{_choose.PickFrom(_tools)}();",
            6 => "// a comment with <tags> && stuff",
            7 => "$view.getElementById('w1').setProp('label', \"x\");",
            8 when _extensions.Count > 0 => $"const res{local} = await $ext.{_choose.PickFrom(_extensions).EffectiveAlias}.get('https://example.com/?a=1&b=2');",
            9 => "for (let i = 0; i < 3; i++) {\n\t$log(i, '&amp;');\n\tif (i > 1) {\n\t  $log('mixed tab and spaces');\n\t}\n}",
            10 => "/* block\n   comment */",
            11 => $"const odd{local} = 'x]]>y';",
            12 => $"$state.{state} = $state.{state} + 1;",
            13 => "    $log('deeper than the rest');",
            14 when _tools.Count > 0 => $"await $tools.{_choose.PickFrom(_tools)}({{ a0: 1 }});",
            15 => $"$emit(\"evt\" + 1, {{ ok: $state.{read} <= 2 }});",
            _ => $"$log($state.{read});",
        };
    }

    /// <summary>A handler in a random layout: inline, starting on the tag line, or on lines of its own; raw or in CDATA.</summary>
    private void WriteHandler(string? name, string code)
    {
        var attributes = _out.Attributes([("name", name)]);
        if (code.Length == 0)
        {
            _out.Line(_choose.Pick($"<Handler{attributes}/>", $"<Handler{attributes}></Handler>", $"<Handler{attributes}>  </Handler>"));
            return;
        }

        var cdata = code.Contains("</Handler", StringComparison.Ordinal) || (!code.Contains("]]>", StringComparison.Ordinal) && _choose.Chance(15));
        var (open, close) = cdata ? ("<![CDATA[", "]]>") : (string.Empty, string.Empty);
        var lines = code.Split('\n');
        if (lines.Length == 1 && _choose.Chance(60))
        {
            _out.Line($"<Handler{attributes}>{open}{code}{close}</Handler>");
            return;
        }

        var newline = _out.Newline;
        var indentation = _out.Indentation + _choose.Pick("  ", "    ", "\t", "      ");
        string Indented(string line) => line.Length == 0 ? (_choose.Chance(20) ? "   " : string.Empty) : indentation + line;

        var text = new StringBuilder($"<Handler{attributes}>{open}");
        text.Append(_choose.Chance(30) ? lines[0] : newline + Indented(lines[0]));
        foreach (var line in lines.Skip(1))
        {
            text.Append(newline).Append(Indented(line));
        }

        text.Append(_choose.Chance(70) ? newline + _out.Indentation : string.Empty).Append(close).Append("</Handler>");
        _out.Line(text.ToString());
    }
}
