using System.Text;

namespace Nexus.Nxml.Tests.Printing.Generation;

/// <summary>
/// Writes NXML source in a randomly chosen, non-canonical style: indentation, line ends, attribute order,
/// quotes, spacing, entity spelling, self-closing or explicitly closed empty elements, stray comments. Every
/// value is encoded so that the reader decodes exactly the intended string, independently of the printer.
/// </summary>
internal sealed class SourceWriter
{
    private static readonly string[] CommentTexts =
    [
        " note ", "", " a -- b ", "ends with a dash-", " several\n     lines ", " <b>not markup</b> &amp; && ", " ✓ unicode ", "-",
    ];

    private readonly Choices _choose;
    private readonly StringBuilder _text = new();
    private readonly string _indentUnit;
    private readonly string _newline;
    private int _depth;

    public SourceWriter(Choices choose)
    {
        _choose = choose;
        _indentUnit = choose.Pick("  ", "    ", "\t", " ");
        _newline = choose.Chance(5) ? "\r\n" : "\n";
    }

    public Choices Choose => _choose;

    public string Newline => _newline;

    public string Indentation => string.Concat(Enumerable.Repeat(_indentUnit, _depth));

    public void Raw(string text) => _text.Append(text);

    public void Line(string content)
    {
        _text.Append(Indentation).Append(content).Append(_newline);
        if (_choose.Chance(5))
        {
            _text.Append(_newline);
        }
    }

    /// <summary>Sometimes a comment on a line of its own (it attaches to whatever comes next, or ends its container).</summary>
    public void MaybeComment(int percent = 12)
    {
        while (_choose.Chance(percent))
        {
            Line(Comment());
        }
    }

    public string Comment()
    {
        var text = _choose.Pick(CommentTexts);
        return "<!--" + (_newline == "\n" ? text : text.Replace("\n", _newline, StringComparison.Ordinal)) + "-->";
    }

    /// <summary>An element without content: self-closing, or explicitly closed, perhaps with a comment inside.</summary>
    public void Empty(string name, IEnumerable<(string Name, string? Value)> attributes)
    {
        var start = $"<{name}{Attributes(attributes)}";
        switch (_choose.Next(4))
        {
            case 1:
                Line(start + "></" + name + ">");
                break;
            case 2 when _choose.Chance(50):
                Line(start + ">" + Comment() + "</" + name + ">");
                break;
            case 3:
                Line(start + "/>");
                break;
            default:
                Line(start + " />");
                break;
        }
    }

    public void Open(string name, IEnumerable<(string Name, string? Value)> attributes)
    {
        Line($"<{name}{Attributes(attributes)}>");
        _depth++;
    }

    public void Close(string name)
    {
        MaybeComment();
        _depth--;
        Line($"</{name}" + (_choose.Chance(5) ? " " : string.Empty) + ">");
    }

    /// <summary>The attributes that have a value, shuffled, each with random spacing and quotes.</summary>
    public string Attributes(IEnumerable<(string Name, string? Value)> attributes)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in _choose.Shuffle(attributes.Where(a => a.Value is not null)))
        {
            text.Append(_choose.Pick(" ", " ", "  ", _newline + Indentation + _indentUnit, "\t"));
            var quote = _choose.Chance(25) ? '\'' : '"';
            text.Append(name).Append(_choose.Chance(5) ? " = " : "=").Append(quote).Append(AttributeValue(value!, quote)).Append(quote);
        }

        return text.ToString();
    }

    /// <summary>An attribute value spelled so that the reader gives back exactly <paramref name="value"/>.</summary>
    public string AttributeValue(string value, char quote)
    {
        // Spelling letters as character references is decided once per value: a choice per letter would use up the sequence.
        var spellLetters = _choose.Chance(5);
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            text.Append(c switch
            {
                '&' => Ampersand(value, i),
                '<' => _choose.Chance(30) ? "&lt;" : "<",
                '>' => _choose.Chance(30) ? "&gt;" : ">",
                '"' when quote == '"' => _choose.Pick("&quot;", "&#34;", "&#x22;"),
                '\'' when quote == '\'' => _choose.Pick("&apos;", "&#39;"),
                '\r' => "&#13;",
                _ when spellLetters && char.IsAsciiLetter(c) && i % 5 == 2 => i % 2 == 0 ? $"&#{(int)c};" : $"&#x{(int)c:x};",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>Element text spelled so that the reader gives back <paramref name="value"/> (which has no surrounding whitespace).</summary>
    public string TextContent(string value)
    {
        if (_choose.Chance(15) && !value.Contains("]]>", StringComparison.Ordinal))
        {
            return "<![CDATA[" + value + "]]>";
        }

        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            text.Append(value[i] switch
            {
                '&' => Ampersand(value, i),
                '<' => "&lt;",
                '>' => _choose.Chance(30) ? "&gt;" : ">",
                '\r' => "&#13;",
                var c => c.ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>A literal '&amp;' is safe only before whitespace or at the end; anywhere else it is spelled as an entity.</summary>
    private string Ampersand(string value, int at)
    {
        var safe = at + 1 >= value.Length || char.IsWhiteSpace(value[at + 1]);
        return safe && _choose.Chance(70) ? "&" : _choose.Pick("&amp;", "&#38;", "&#x26;");
    }

    public override string ToString() => _text.ToString();
}
