using System.Globalization;
using System.Text;

namespace Nexus.Nxml.Checking.Js.Subset;

/// <summary>Numbers, strings, templates and their escapes.</summary>
internal sealed partial class SubsetLexer
{
    /// <summary>The value of a string or template literal's text between its quotes (escapes already validated).</summary>
    public static string DecodeQuoted(ReadOnlySpan<char> inner)
    {
        if (!inner.Contains('\\'))
        {
            return inner.ToString();
        }

        var value = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            c = inner[++i];
            switch (c)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'v': value.Append('\v'); break;
                case '0': value.Append('\0'); break;
                case 'x':
                    value.Append((char)int.Parse(inner.Slice(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                case 'u' when inner[i + 1] == '{':
                    var close = inner[i..].IndexOf('}') + i;
                    // A code point up to 10FFFF (checked when the token was read); a lone surrogate stays one char.
                    var codePoint = int.Parse(inner[(i + 2)..close], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    value.Append(codePoint < 0x10000 ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint));
                    i = close;
                    break;
                case 'u':
                    value.Append((char)int.Parse(inner.Slice(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default:
                    value.Append(c);
                    break;
            }
        }

        return value.ToString();
    }

    private Tok ReadNumber()
    {
        if (_text[_position] == '0' && Peek(1) is 'x' or 'X')
        {
            _position += 2;
            var digits = SkipWhile(char.IsAsciiHexDigit);
            return digits > 0 ? EndNumber() : throw new SubsetBail();
        }

        // A leading zero followed by a digit is a legacy octal literal: an error in strict mode.
        if (_text[_position] == '0' && char.IsAsciiDigit(Peek(1)))
        {
            throw new SubsetBail();
        }

        SkipWhile(char.IsAsciiDigit);
        if (Peek(0) == '.')
        {
            _position++;
            SkipWhile(char.IsAsciiDigit);
        }

        if (Peek(0) is 'e' or 'E')
        {
            _position++;
            if (Peek(0) is '+' or '-')
            {
                _position++;
            }

            if (SkipWhile(char.IsAsciiDigit) == 0)
            {
                throw new SubsetBail();
            }
        }

        return EndNumber();
    }

    /// <summary>A number must not run into a name or digit (<c>3in</c>, <c>1_000</c>, <c>10n</c>: Acornima's).</summary>
    private Tok EndNumber() =>
        _position < _end && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$' or '\\' or '.' || _text[_position] > '\u007f')
            ? throw new SubsetBail()
            : Tok.Number;

    private int SkipWhile(Func<char, bool> accept)
    {
        var start = _position;
        while (_position < _end && accept(_text[_position]))
        {
            _position++;
        }

        return _position - start;
    }

    private Tok ReadString(char quote)
    {
        _position++;
        while (true)
        {
            if (_position >= _end)
            {
                throw new SubsetBail();
            }

            var c = _text[_position];
            if (c == quote)
            {
                _position++;
                return Tok.String;
            }

            if (c is '\n' or '\r')
            {
                throw new SubsetBail();
            }

            _position = c == '\\' ? SkipEscape(_position) : _position + 1;
        }
    }

    /// <summary>Reads template text after <c>`</c> (or after a substitution's <c>}</c>) up to <c>`</c> or <c>${</c>.</summary>
    private Tok ReadTemplate(Tok closed, Tok open, bool opening = true)
    {
        if (opening)
        {
            _position++;
        }

        while (true)
        {
            if (_position >= _end)
            {
                throw new SubsetBail();
            }

            switch (_text[_position])
            {
                case '`':
                    _position++;
                    return closed;
                case '$' when Peek(1) == '{':
                    _position += 2;
                    return open;
                case '\r':
                    // The template's raw value normalises line ends; Acornima's.
                    throw new SubsetBail();
                case '\\':
                    _position = SkipEscape(_position);
                    break;
                default:
                    _position++;
                    break;
            }
        }
    }

    /// <summary>
    /// Validates the escape at <paramref name="at"/> and returns the position after it. Accepted: the single
    /// characters, <c>\0</c> not before a digit, <c>\xHH</c>, <c>\uHHHH</c> and <c>\u{H...}</c> up to 10FFFF.
    /// Legacy octal and <c>\8</c>/<c>\9</c> (errors in strict mode), line continuations and the rest: Acornima's.
    /// </summary>
    private int SkipEscape(int at)
    {
        var c = at + 1 < _end ? _text[at + 1] : '\0';
        switch (c)
        {
            case 'n' or 't' or 'r' or 'b' or 'f' or 'v' or '\'' or '"' or '\\' or '`' or '$' or '/':
                return at + 2;
            case '0' when at + 2 >= _end || !char.IsAsciiDigit(_text[at + 2]):
                return at + 2;
            case 'x' when HexDigits(at + 2, 2):
                return at + 4;
            case 'u' when HexDigits(at + 2, 4):
                return at + 6;
            case 'u' when at + 2 < _end && _text[at + 2] == '{':
                var close = _text.AsSpan(at + 3, _end - at - 3).IndexOf('}');
                if (close is > 0 and <= 6 && HexDigits(at + 3, close) &&
                    int.Parse(_text.AsSpan(at + 3, close), NumberStyles.HexNumber, CultureInfo.InvariantCulture) <= 0x10FFFF)
                {
                    return at + 4 + close;
                }

                throw new SubsetBail();
            default:
                throw new SubsetBail();
        }
    }

    private bool HexDigits(int at, int count)
    {
        if (at + count > _end)
        {
            return false;
        }

        foreach (var c in _text.AsSpan(at, count))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
