using System.Buffers;
using System.Collections.Frozen;

namespace Nexus.Nxml.Checking.Js.Subset;

internal enum Tok : byte
{
    Eof,
    Name,
    Number,
    String,
    /// <summary>A regular expression literal (read only where the parser expects an expression: <see cref="SubsetLexer.RescanAsRegex"/>).</summary>
    Regex,
    /// <summary>A whole template without substitutions.</summary>
    Template,
    /// <summary>The part of a template before its first <c>${</c>.</summary>
    TemplateHead,
    /// <summary>The part of a template between a substitution's <c>}</c> and the next <c>${</c>.</summary>
    TemplateMiddle,
    /// <summary>The part of a template after its last substitution.</summary>
    TemplateTail,
    LBrace,
    RBrace,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Semicolon,
    Comma,
    Dot,
    Ellipsis,
    Question,
    QuestionDot,
    Colon,
    Arrow,
    Assign,
    /// <summary>A compound assignment: <c>+=</c>, <c>&amp;&amp;=</c>, ...</summary>
    AssignOp,
    Increment,
    Decrement,
    Not,
    Tilde,
    Or,
    And,
    Coalesce,
    BitOr,
    BitXor,
    BitAnd,
    Equality,
    Relational,
    Shift,
    Plus,
    Minus,
    /// <summary><c>*</c>, <c>%</c> and <c>/</c> (where an expression starts, a <c>/</c> begins a regular expression: the parser gives up there).</summary>
    Multiplicative,
}

/// <summary>
/// The tokenizer of <see cref="SubsetParser"/>: ASCII JavaScript tokens, comments, strings, numbers and
/// templates. Whatever it does not positively recognise (non-ASCII outside literals and comments, escapes in
/// names, legacy octal, regular expressions, HTML-like comments, <c>**</c>, ...) throws <see cref="SubsetBail"/>.
/// </summary>
internal sealed partial class SubsetLexer
{
    private const int MaxNames = 4096;

    /// <summary>Words that cannot name a binding or a variable in strict code, and names the subset leaves alone.</summary>
    public static readonly FrozenSet<string> Reserved = FrozenSet.Create(
        StringComparer.Ordinal,
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
        "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
        "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
        "let", "static", "implements", "interface", "package", "private", "protected", "public", "await",
        "eval", "arguments", "async");

    private static readonly SearchValues<char> LineSeparators = SearchValues.Create("\u2028\u2029");

    /// <summary>Names seen on this thread, so that a name becomes a string once (a server checks the same panels again and again).</summary>
    private readonly Dictionary<string, (string Name, bool Reserved)> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, bool Reserved)>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;

    /// <summary>The name last seen at each cheap hash of a name: most names repeat within a few lines, and this skips a full hash.</summary>
    private readonly (string Name, bool Reserved)[] _recentNames = new (string, bool)[2048];

    private string _text = "";
    private int _base;
    private int _end;
    private int _position;

    public SubsetLexer() => _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public Tok Kind { get; private set; }

    /// <summary>Offsets of the current token, counted from the code's start.</summary>
    public int Start { get; private set; }

    public int End { get; private set; }

    /// <summary>Whether a line break stands between the previous token and this one.</summary>
    public bool NewlineBefore { get; private set; }

    /// <summary>The current name token's text (one string per distinct name).</summary>
    public string Name { get; private set; } = "";

    /// <summary>Whether the current name is one of <see cref="Reserved"/>.</summary>
    public bool NameIsReserved { get; private set; }

    public void Reset(string text, int start, int length)
    {
        // Line separators make ASI and line-comment ends subtle; code with them goes to Acornima.
        if (text.AsSpan(start, length).ContainsAny(LineSeparators))
        {
            throw new SubsetBail();
        }

        _text = text;
        _base = start;
        _end = start + length;
        _position = start;
        Next();
    }

    /// <summary>Where the lexer stands: enough to come back and read the same tokens again.</summary>
    public (int Position, Tok Kind, int Start, int End, bool NewlineBefore, string Name, bool Reserved) Save() => (_position, Kind, Start, End, NewlineBefore, Name, NameIsReserved);

    public void Restore((int Position, Tok Kind, int Start, int End, bool NewlineBefore, string Name, bool Reserved) state) =>
        (_position, Kind, Start, End, NewlineBefore, Name, NameIsReserved) = state;

    public void Next()
    {
        SkipTrivia();
        var start = _position;
        Start = start - _base;
        if (start >= _end)
        {
            Kind = Tok.Eof;
            End = Start;
            return;
        }

        var c = _text[start];
        Kind = c switch
        {
            _ when char.IsAsciiLetter(c) || c == '_' || c == '$' => ReadName(),
            _ when char.IsAsciiDigit(c) => ReadNumber(),
            '.' when Peek(1) is >= '0' and <= '9' => ReadNumber(),
            '"' or '\'' => ReadString(c),
            '`' => ReadTemplate(Tok.Template, Tok.TemplateHead),
            _ => ReadPunctuator(c),
        };
        End = _position - _base;
    }

    /// <summary>Reads on after a substitution's closing <c>}</c> (the current token) as template text.</summary>
    public void ContinueTemplate()
    {
        if (Kind != Tok.RBrace)
        {
            throw new SubsetBail();
        }

        _position = _base + End;
        Start = End - 1;
        Kind = ReadTemplate(Tok.TemplateTail, Tok.TemplateMiddle, opening: false);
        End = _position - _base;
    }

    /// <summary>Where an expression starts, a <c>/</c> or <c>/=</c> token begins a regular expression: reads it as one.</summary>
    public void RescanAsRegex()
    {
        var at = _base + Start;
        if (_text[at] != '/')
        {
            throw new SubsetBail();
        }

        _position = at + SubsetRegex.Measure(_text.AsSpan(at, _end - at));
        Kind = Tok.Regex;
        End = _position - _base;
    }

    private char Peek(int ahead) => _position + ahead < _end ? _text[_position + ahead] : '\0';

    private void SkipTrivia()
    {
        var text = _text;
        var position = _position;
        var end = _end;
        var newline = false;
        while (position < end)
        {
            var c = text[position];
            if (c is ' ' or '\t' or '\v' or '\f')
            {
                position++;
            }
            else if (c is '\n' or '\r')
            {
                newline = true;
                position++;
            }
            else if (c == '/' && position + 1 < end && text[position + 1] == '/')
            {
                var lineEnd = text.AsSpan(position, end - position).IndexOfAny('\n', '\r');
                position = lineEnd < 0 ? end : position + lineEnd;
            }
            else if (c == '/' && position + 1 < end && text[position + 1] == '*')
            {
                var close = text.AsSpan(position + 2, end - position - 2).IndexOf("*/", StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new SubsetBail();
                }

                newline |= text.AsSpan(position + 2, close).ContainsAny('\n', '\r');
                position += close + 4;
            }
            else
            {
                break;
            }
        }

        _position = position;
        NewlineBefore = newline;
    }

    private Tok ReadName()
    {
        // Names are short: a plain loop beats a vectorised search here.
        var rest = _text.AsSpan(_position, _end - _position);
        var length = 1;
        while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] is '_' or '$'))
        {
            length++;
        }

        if (length < rest.Length && (rest[length] == '\\' || rest[length] > '\u007f'))
        {
            // Escapes and non-ASCII letters in names: Acornima's.
            throw new SubsetBail();
        }

        _position += length;
        var span = rest[..length];
        var slot = (length * 31) + (span[0] * 7) + (span[^1] * 3) + span[length >> 1] + (length > 2 ? span[1] * 5 : 0);
        ref var recent = ref _recentNames[slot & (_recentNames.Length - 1)];
        if (recent.Name is null || !span.SequenceEqual(recent.Name))
        {
            if (!_nameLookup.TryGetValue(span, out recent))
            {
                if (_names.Count >= MaxNames)
                {
                    _names.Clear();
                }

                var name = span.ToString();
                recent = (name, Reserved.Contains(name));
                _names[name] = recent;
            }
        }

        (Name, NameIsReserved) = recent;
        return Tok.Name;
    }

    private Tok ReadPunctuator(char c)
    {
        var next = Peek(1);
        var third = Peek(2);
        (Tok Kind, int Length) token = c switch
        {
            '{' => (Tok.LBrace, 1),
            '}' => (Tok.RBrace, 1),
            '(' => (Tok.LParen, 1),
            ')' => (Tok.RParen, 1),
            '[' => (Tok.LBracket, 1),
            ']' => (Tok.RBracket, 1),
            ';' => (Tok.Semicolon, 1),
            ',' => (Tok.Comma, 1),
            ':' => (Tok.Colon, 1),
            '~' => (Tok.Tilde, 1),
            '.' when next == '.' && third == '.' => (Tok.Ellipsis, 3),
            '.' when next != '.' => (Tok.Dot, 1),
            '?' when next == '?' => third == '=' ? (Tok.AssignOp, 3) : (Tok.Coalesce, 2),
            '?' when next == '.' && !char.IsAsciiDigit(third) => (Tok.QuestionDot, 2),
            '?' => (Tok.Question, 1),
            '=' when next == '>' => (Tok.Arrow, 2),
            '=' when next == '=' => (Tok.Equality, third == '=' ? 3 : 2),
            '=' => (Tok.Assign, 1),
            '!' when next == '=' => (Tok.Equality, third == '=' ? 3 : 2),
            '!' => (Tok.Not, 1),
            '+' when next == '+' => (Tok.Increment, 2),
            '-' when next == '-' && third != '>' => (Tok.Decrement, 2),
            '+' or '-' when next == '=' => (Tok.AssignOp, 2),
            '+' => (Tok.Plus, 1),
            '-' when next != '-' => (Tok.Minus, 1),
            '*' when next == '=' => (Tok.AssignOp, 2),
            '*' when next != '*' => (Tok.Multiplicative, 1),
            '%' => next == '=' ? (Tok.AssignOp, 2) : (Tok.Multiplicative, 1),
            '/' => next == '=' ? (Tok.AssignOp, 2) : (Tok.Multiplicative, 1),
            '&' when next == '&' => third == '=' ? (Tok.AssignOp, 3) : (Tok.And, 2),
            '&' => next == '=' ? (Tok.AssignOp, 2) : (Tok.BitAnd, 1),
            '|' when next == '|' => third == '=' ? (Tok.AssignOp, 3) : (Tok.Or, 2),
            '|' => next == '=' ? (Tok.AssignOp, 2) : (Tok.BitOr, 1),
            '^' => next == '=' ? (Tok.AssignOp, 2) : (Tok.BitXor, 1),
            '<' when next == '!' => throw new SubsetBail(),
            '<' or '>' => ReadAngle(c, next, third),
            _ => throw new SubsetBail(),
        };
        _position += token.Length;
        return token.Kind;
    }

    /// <summary><c>&lt;</c> <c>&lt;=</c> <c>&lt;&lt;</c> <c>&lt;&lt;=</c> <c>&gt;</c> <c>&gt;=</c> <c>&gt;&gt;</c> <c>&gt;&gt;=</c> <c>&gt;&gt;&gt;</c> <c>&gt;&gt;&gt;=</c>.</summary>
    private (Tok Kind, int Length) ReadAngle(char c, char next, char third)
    {
        if (next == '=')
        {
            return (Tok.Relational, 2);
        }

        if (next != c)
        {
            return (Tok.Relational, 1);
        }

        if (c == '>' && third == '>')
        {
            return Peek(3) == '=' ? (Tok.AssignOp, 4) : (Tok.Shift, 3);
        }

        return third == '=' ? (Tok.AssignOp, 3) : (Tok.Shift, 2);
    }
}
