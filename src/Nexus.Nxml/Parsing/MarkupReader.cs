using System.Buffers;
using System.Globalization;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Parsing;

/// <summary>
/// The hand-written XML-shaped reader of NXML. It accepts NXML's two relaxations (raw <c>&lt;Handler&gt;</c>
/// text and lenient attribute values), never resolves a DTD or custom entity, tracks the line and column of
/// everything, and keeps its own stack of open elements so that any nesting depth is safe.
/// </summary>
internal sealed class MarkupReader
{
    internal const string Whitespace = " \t\r\n";
    private const string RawTextElement = "Handler";
    private static readonly SearchValues<char> WhitespaceChars = SearchValues.Create(Whitespace);
    private static readonly SearchValues<char> TagEnd = SearchValues.Create(" \t\r\n/>");
    private static readonly SearchValues<char> AsciiNameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_:-.");

    private readonly string _source;
    private readonly int _maxDepth;
    private readonly NameTable _names = new();
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<MarkupComment> _leadingComments = [];
    private readonly List<MarkupComment> _trailingComments = [];

    /// <summary>The attributes of the start tag being read, reused from tag to tag.</summary>
    private readonly List<NxmlAttribute> _attributes = new(8);
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private MarkupReader(string source, int maxDepth)
    {
        _source = source;
        _maxDepth = maxDepth;
    }

    /// <summary>Reads a document. The result has a root element only when there was no parse error.</summary>
    public static MarkupResult Read(string source, int maxDepth)
    {
        var reader = new MarkupReader(source, maxDepth);
        MarkupElement? root = null;
        try
        {
            root = reader.ReadDocument();
        }
        catch (MarkupException ex)
        {
            reader._diagnostics.Add(ex.Diagnostic);
        }

        var failed = reader._diagnostics.Count > 0;
        return new MarkupResult(failed ? null : root, reader._diagnostics, reader._leadingComments, reader._trailingComments);
    }

    private SourcePosition Here => new(_pos, _line, _pos - _lineStart + 1);

    private MarkupElement ReadDocument()
    {
        if (_source.Length > 0 && _source[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }

        var contentStart = _pos;
        var nul = _source.IndexOf('\0');
        if (nul >= 0)
        {
            throw Fatal(PositionAt(nul), "the document contains a NUL character: it is binary data, not NXML text");
        }

        ReadProlog(contentStart);
        var root = ReadElementTree();
        ReadEpilog();
        return root;
    }

    private void ReadProlog(int contentStart)
    {
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _source.Length)
            {
                throw Fatal(Here, "the document is empty: expected a <NexusPanel> element");
            }

            if (StartsWith("<?xml") && IsXmlDeclarationStart(contentStart))
            {
                SkipProcessingInstruction();
            }
            else if (StartsWith("<!--"))
            {
                _leadingComments.Add(ReadComment());
            }
            else if (StartsWith("<!"))
            {
                throw Fatal(Here, StartsWith("<!DOCTYPE")
                    ? "a <!DOCTYPE> is not allowed in NXML (no DTDs, no custom entities)"
                    : "unexpected '<!': only comments and CDATA sections start with '<!'");
            }
            else if (StartsWith("<?"))
            {
                throw Fatal(Here, "processing instructions are not allowed (only an <?xml ...?> declaration at the very start)");
            }
            else if (_source[_pos] == '<')
            {
                return;
            }
            else
            {
                throw Fatal(Here, "text outside the root element: expected a <NexusPanel> element");
            }
        }
    }

    private bool IsXmlDeclarationStart(int contentStart) =>
        _pos == contentStart && _pos + 5 < _source.Length && WhitespaceChars.Contains(_source[_pos + 5]);

    private void ReadEpilog()
    {
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _source.Length)
            {
                return;
            }

            if (StartsWith("<!--"))
            {
                _trailingComments.Add(ReadComment());
            }
            else if (_source[_pos] == '<')
            {
                throw Fatal(Here, "content after the root element: a document has exactly one root element");
            }
            else
            {
                throw Fatal(Here, "text outside the root element");
            }
        }
    }

    private MarkupElement ReadElementTree()
    {
        var (root, selfClosing) = ReadStartTag();
        if (selfClosing)
        {
            return root;
        }

        var stack = new List<MarkupElement>(16) { root };
        while (stack.Count > 0)
        {
            var current = stack[^1];
            if (current.Name == RawTextElement)
            {
                ReadRawContent(current);
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            var lt = _source.IndexOf('<', _pos);
            if (lt < 0)
            {
                throw Unclosed(current);
            }

            if (lt > _pos)
            {
                ReadText(current, lt);
            }

            if (StartsWith("</"))
            {
                ReadEndTag(current);
                stack.RemoveAt(stack.Count - 1);
            }
            else if (StartsWith("<!--"))
            {
                current.Add(ReadComment());
            }
            else if (StartsWith("<![CDATA["))
            {
                current.Add(ReadCData());
            }
            else if (StartsWith("<!"))
            {
                throw Fatal(Here, StartsWith("<!DOCTYPE") ? "a <!DOCTYPE> is not allowed in NXML" : "unexpected '<!': only comments and CDATA sections start with '<!'");
            }
            else if (StartsWith("<?"))
            {
                throw Fatal(Here, "processing instructions are not allowed inside elements");
            }
            else
            {
                if (stack.Count >= _maxDepth)
                {
                    throw new MarkupException(Diagnostic.At(
                        DiagnosticCodes.NestingTooDeep,
                        $"elements are nested deeper than {_maxDepth} levels",
                        new SourceSpan(Here, Here),
                        []));
                }

                var (child, childSelfClosing) = ReadStartTag();
                current.Add(child);
                if (!childSelfClosing)
                {
                    stack.Add(child);
                }
            }
        }

        return root;
    }

    private (MarkupElement Element, bool SelfClosing) ReadStartTag()
    {
        var start = Here;
        _pos++; // '<'
        var name = ReadName(null, "an element name after '<'");
        var element = new MarkupElement(name.Text, name.Span);
        _attributes.Clear();
        while (true)
        {
            var hadSpace = SkipWhitespace();
            if (_pos >= _source.Length)
            {
                throw Fatal(Here, $"the start tag <{element.Name}> is not closed with '>'");
            }

            var c = _source[_pos];
            if (c == '>')
            {
                _pos++;
                element.Span = new SourceSpan(start, Here);
                element.Attributes = [.. _attributes];
                return (element, false);
            }

            if (c == '/')
            {
                if (_pos + 1 >= _source.Length || _source[_pos + 1] != '>')
                {
                    throw Fatal(Here, $"expected '/>' to end <{element.Name}>");
                }

                _pos += 2;
                element.Span = new SourceSpan(start, Here);
                element.Attributes = [.. _attributes];
                return (element, true);
            }

            if (!hadSpace && _attributes.Count == 0)
            {
                throw Fatal(Here, $"unexpected character '{Printable(c)}' in the name of <{element.Name}>");
            }

            ReadAttribute(element);
        }
    }

    private void ReadAttribute(MarkupElement element)
    {
        var name = ReadName(element, "an attribute name or '>' in <{0}>");
        SkipWhitespace();
        if (_pos >= _source.Length || _source[_pos] != '=')
        {
            throw Fatal(Here, $"attribute '{name.Text}' of <{element.Name}> has no value: write {name.Text}=\"...\"");
        }

        _pos++;
        SkipWhitespace();
        if (_pos >= _source.Length || (_source[_pos] != '"' && _source[_pos] != '\''))
        {
            throw Fatal(Here, $"the value of attribute '{name.Text}' must be in quotes");
        }

        var quote = _source[_pos];
        var openQuote = Here;
        _pos++;
        var close = _source.IndexOf(quote, _pos);
        if (close < 0)
        {
            throw Fatal(openQuote, $"the value of attribute '{name.Text}' is never closed (missing {quote})");
        }

        var valueStart = Here;
        var value = DecodeEntities(_pos, close);
        Advance(close);
        var valueSpan = new SourceSpan(valueStart, Here);
        _pos++; // closing quote

        foreach (var existing in _attributes)
        {
            // Names come from the name table, one instance per name: the same name is the same string.
            if (ReferenceEquals(existing.Name, name.Text))
            {
                _diagnostics.Add(Diagnostic.At(
                    DiagnosticCodes.ParseError,
                    $"duplicate attribute '{name.Text}' on <{element.Name}> (first at {existing.NameSpan.Start})",
                    name.Span,
                    []));
                return;
            }
        }

        _attributes.Add(new NxmlAttribute(name.Text, value, name.Span, valueSpan));
    }

    private void ReadEndTag(MarkupElement current)
    {
        var start = Here;
        _pos += 2;
        var name = ReadName(null, "an element name after '</'");
        SkipWhitespace();
        if (_pos >= _source.Length || _source[_pos] != '>')
        {
            throw Fatal(Here, $"expected '>' to end </{name.Text}>");
        }

        if (name.Text != current.Name)
        {
            throw new MarkupException(Diagnostic.At(
                DiagnosticCodes.ParseError,
                $"expected </{current.Name}> (opened at {current.Span.Start}) but found </{name.Text}>",
                new SourceSpan(start, name.Span.End),
                []));
        }

        _pos++;
        current.Span = new SourceSpan(current.Span.Start, Here);
    }

    /// <summary>
    /// The content of a raw-text element runs up to the first <c>&lt;/Handler</c> followed by optional whitespace
    /// and <c>&gt;</c>. When the content opens with a CDATA section, that section is skipped first, as XML would:
    /// CDATA is how code that mentions <c>&lt;/Handler&gt;</c> is written.
    /// </summary>
    private void ReadRawContent(MarkupElement element)
    {
        var contentStart = Here;
        var search = AfterLeadingCData(_pos);
        while (true)
        {
            var close = _source.IndexOf("</" + RawTextElement, search, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Unclosed(element);
            }

            var after = close + 2 + RawTextElement.Length;
            var gt = after;
            while (gt < _source.Length && WhitespaceChars.Contains(_source[gt]))
            {
                gt++;
            }

            if (gt < _source.Length && _source[gt] == '>')
            {
                Advance(close);
                element.RawSpan = new SourceSpan(contentStart, Here);
                Advance(gt + 1);
                element.Span = new SourceSpan(element.Span.Start, Here);
                return;
            }

            search = after;
        }
    }

    /// <summary>Where the CDATA section that opens raw content at <paramref name="from"/> ends; <paramref name="from"/> when there is none (or it is never closed).</summary>
    private int AfterLeadingCData(int from)
    {
        var skip = _source.AsSpan(from).IndexOfAnyExcept(WhitespaceChars);
        if (skip < 0 || !_source.AsSpan(from + skip).StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            return from;
        }

        var end = _source.IndexOf("]]>", from + skip + "<![CDATA[".Length, StringComparison.Ordinal);
        return end < 0 ? from : end + "]]>".Length;
    }

    private void ReadText(MarkupElement parent, int end)
    {
        var span = _source.AsSpan(_pos, end - _pos);
        if (span.IndexOfAnyExcept(WhitespaceChars) < 0)
        {
            Advance(end);
            return;
        }

        var start = Here;
        var value = DecodeEntities(_pos, end);
        Advance(end);
        parent.Add(new MarkupText(value, new SourceSpan(start, Here), isCData: false));
    }

    private MarkupText ReadCData()
    {
        var start = Here;
        var contentStart = _pos + "<![CDATA[".Length;
        var close = _source.IndexOf("]]>", contentStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Fatal(start, "the CDATA section is never closed (missing ]]>)");
        }

        var value = _source[contentStart..close];
        Advance(close + 3);
        return new MarkupText(value, new SourceSpan(start, Here), isCData: true);
    }

    private MarkupComment ReadComment()
    {
        var start = Here;
        var contentStart = _pos + 4;
        var close = _source.IndexOf("-->", contentStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Fatal(start, "the comment is never closed (missing -->)");
        }

        // Line ends are normalized as XML does (CRLF and a lone CR become LF): a comment's text is the same
        // whichever line ends the file uses, and it prints back with LF line ends only.
        var text = _source[contentStart..close].Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        Advance(close + 3);
        return new MarkupComment(text, new SourceSpan(start, Here));
    }

    private void SkipProcessingInstruction()
    {
        var start = Here;
        var close = _source.IndexOf("?>", _pos, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Fatal(start, "the <?xml ...?> declaration is never closed (missing ?>)");
        }

        Advance(close + 2);
    }

    /// <summary>Reads a name; <paramref name="expected"/> says what was expected, <c>{0}</c> standing for the name of <paramref name="element"/> (formatted only for an error).</summary>
    private (string Text, SourceSpan Span) ReadName(MarkupElement? element, string expected)
    {
        var start = Here;
        if (_pos >= _source.Length || !IsNameStart(_source[_pos]))
        {
            var found = _pos >= _source.Length ? "the end of the document" : $"'{Printable(_source[_pos])}'";
            var what = element is null ? expected : string.Format(CultureInfo.InvariantCulture, expected, element.Name);
            throw Fatal(start, $"expected {what}, found {found}");
        }

        // ASCII name characters in one vectorised scan; anything else is checked one by one.
        var end = _pos + 1;
        while (true)
        {
            var stop = _source.AsSpan(end).IndexOfAnyExcept(AsciiNameChars);
            end = stop < 0 ? _source.Length : end + stop;
            if (end >= _source.Length || _source[end] <= 0x7F || !IsNameChar(_source[end]))
            {
                break;
            }

            end++;
        }

        if (end < _source.Length && !TagEnd.Contains(_source[end]) && _source[end] != '=')
        {
            throw Fatal(PositionAt(end), $"unexpected character '{Printable(_source[end])}' in a name");
        }

        var text = _names.Get(_source.AsSpan(_pos, end - _pos));
        _pos = end;
        return (text, new SourceSpan(start, Here));
    }

    /// <summary>Decodes the five predefined entities and character references; any other '&amp;' is literal (NXML's lenient values).</summary>
    private string DecodeEntities(int start, int end)
    {
        var raw = _source.AsSpan(start, end - start);
        var amp = raw.IndexOf('&');
        if (amp < 0)
        {
            return raw.Length == 0 ? string.Empty : new string(raw);
        }

        var builder = new System.Text.StringBuilder(raw.Length);
        var i = 0;
        while (amp >= 0)
        {
            builder.Append(raw[i..(i + amp)]);
            i += amp;
            var consumed = EntityDecoder.TryDecode(raw[i..], builder, out var error);
            if (error is not null)
            {
                _diagnostics.Add(Diagnostic.At(DiagnosticCodes.ParseError, error, new SourceSpan(PositionAt(start + i), PositionAt(start + i + consumed)), []));
            }

            if (consumed == 0)
            {
                builder.Append('&');
                consumed = 1;
            }

            i += consumed;
            amp = raw[i..].IndexOf('&');
        }

        builder.Append(raw[i..]);
        return builder.ToString();
    }

    private bool SkipWhitespace()
    {
        // Between attributes there is usually no whitespace or one space: no scan needed for those.
        if (_pos < _source.Length && _source[_pos] is var c && c != ' ' && c != '\t' && c != '\r' && c != '\n')
        {
            return false;
        }

        if (_pos + 1 < _source.Length && _source[_pos] == ' ' && _source[_pos + 1] is var next && next != ' ' && next != '\t' && next != '\r' && next != '\n')
        {
            _pos++;
            return true;
        }

        var rest = _source.AsSpan(_pos);
        var skip = rest.IndexOfAnyExcept(WhitespaceChars);
        if (skip == 0)
        {
            return false;
        }

        Advance(skip < 0 ? _source.Length : _pos + skip);
        return true;
    }

    /// <summary>Moves to <paramref name="to"/>, keeping the line count.</summary>
    private void Advance(int to)
    {
        var passed = _source.AsSpan(_pos, to - _pos);
        var lastNewline = passed.LastIndexOf('\n');
        if (lastNewline >= 0)
        {
            _line += passed.Count('\n');
            _lineStart = _pos + lastNewline + 1;
        }

        _pos = to;
    }

    /// <summary>The position of an offset at or after the current one (used for error locations).</summary>
    private SourcePosition PositionAt(int offset)
    {
        if (offset <= _pos)
        {
            return LineMap.Build(_source).PositionOf(offset);
        }

        var passed = _source.AsSpan(_pos, offset - _pos);
        var lastNewline = passed.LastIndexOf('\n');
        return lastNewline < 0
            ? new SourcePosition(offset, _line, offset - _lineStart + 1)
            : new SourcePosition(offset, _line + passed.Count('\n'), offset - (_pos + lastNewline + 1) + 1);
    }

    private bool StartsWith(string text) => _source.AsSpan(_pos).StartsWith(text, StringComparison.Ordinal);

    private static MarkupException Fatal(SourcePosition at, string message) =>
        new(Diagnostic.At(DiagnosticCodes.ParseError, message, new SourceSpan(at, at), []));

    private static MarkupException Unclosed(MarkupElement element) =>
        new(Diagnostic.At(
            DiagnosticCodes.ParseError,
            $"<{element.Name}> is never closed: the document ends before </{element.Name}>",
            element.NameSpan,
            []));

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == ':' || (c > 0x7F && char.IsLetter(c));

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '-' or '.' || (c > 0x7F && char.IsLetterOrDigit(c));

    private static string Printable(char c) => char.IsControl(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : c.ToString();
}

internal sealed record MarkupResult(
    MarkupElement? Root,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<MarkupComment> LeadingComments,
    IReadOnlyList<MarkupComment> TrailingComments);

internal sealed class MarkupException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
