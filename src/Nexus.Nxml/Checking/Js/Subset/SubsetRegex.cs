namespace Nexus.Nxml.Checking.Js.Subset;

/// <summary>
/// Recognises regular expression literals made of the everyday constructs, which every engine accepts:
/// characters, <c>.</c>, the common escapes, classes with ordered ranges, groups, lookarounds, alternatives,
/// anchors and well-formed quantifiers after something they can repeat; flags among <c>gimsy</c>. Named groups,
/// back references, Unicode mode and everything Annex B merely tolerates throw <see cref="SubsetBail"/>.
/// </summary>
internal static class SubsetRegex
{
    /// <summary>The length of the literal that starts with the <c>/</c> at <paramref name="text"/>[0].</summary>
    public static int Measure(ReadOnlySpan<char> text)
    {
        var i = 1;
        var depth = 0;
        var lookarounds = 0UL;
        var canRepeat = false;
        while (true)
        {
            var c = i < text.Length ? text[i] : throw new SubsetBail();
            switch (c)
            {
                case '/':
                    if (depth != 0)
                    {
                        throw new SubsetBail();
                    }

                    return MeasureFlags(text, i + 1);
                case '\\':
                    i = Escape(text, i, inClass: false);
                    canRepeat = true;
                    continue;
                case '[':
                    i = Class(text, i);
                    canRepeat = true;
                    continue;
                case '(':
                    i = GroupOpening(text, i, out var isLookaround);
                    if (++depth >= 64)
                    {
                        throw new SubsetBail();
                    }

                    // A group may be repeated when it closes, a lookaround may not: one bit per open group.
                    lookarounds = isLookaround ? lookarounds | (1UL << depth) : lookarounds & ~(1UL << depth);
                    canRepeat = false;
                    continue;
                case ')':
                    if (depth == 0)
                    {
                        throw new SubsetBail();
                    }

                    canRepeat = (lookarounds & (1UL << depth--)) == 0;
                    i++;
                    continue;
                case '*' or '+' or '?' or '{':
                    i = canRepeat ? Quantifier(text, i) : throw new SubsetBail();
                    canRepeat = false;
                    continue;
                case '|' or '^' or '$':
                    i++;
                    canRepeat = false;
                    continue;
                case ']' or '}' or '\n' or '\r' or > '\u007e' or < ' ':
                    throw new SubsetBail();
                default:
                    i++;
                    canRepeat = true;
                    continue;
            }
        }
    }

    private static int MeasureFlags(ReadOnlySpan<char> text, int i)
    {
        var seen = 0;
        for (; i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '$' or '\\'); i++)
        {
            var bit = text[i] switch
            {
                'g' => 1,
                'i' => 2,
                'm' => 4,
                's' => 8,
                'y' => 16,
                _ => throw new SubsetBail(),
            };
            if ((seen & bit) != 0)
            {
                throw new SubsetBail();
            }

            seen |= bit;
        }

        return i < text.Length && text[i] > '\u007e' ? throw new SubsetBail() : i;
    }

    /// <summary>An escape at <paramref name="i"/>: a character class, a control character or a quoted syntax character.</summary>
    private static int Escape(ReadOnlySpan<char> text, int i, bool inClass)
    {
        var c = i + 1 < text.Length ? text[i + 1] : throw new SubsetBail();
        return c switch
        {
            'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'n' or 'r' or 't' or 'f' or 'v' => i + 2,
            'b' or 'B' when !inClass => i + 2,
            '0' when i + 2 >= text.Length || !char.IsAsciiDigit(text[i + 2]) => i + 2,
            '\\' or '/' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '^' or '$' or '-' => i + 2,
            _ => throw new SubsetBail(),
        };
    }

    /// <summary>A class <c>[...]</c>: characters, escapes, and ranges between two plain characters in order.</summary>
    private static int Class(ReadOnlySpan<char> text, int i)
    {
        i++;
        if (i < text.Length && text[i] == '^')
        {
            i++;
        }

        var previous = -1;
        while (true)
        {
            var c = i < text.Length ? text[i] : throw new SubsetBail();
            switch (c)
            {
                case ']':
                    return i + 1;
                case '\\':
                    i = Escape(text, i, inClass: true);
                    previous = -1;
                    continue;
                case '-' when previous >= 0 && i + 1 < text.Length && text[i + 1] != ']':
                    var end = text[i + 1];
                    if (end is '\\' or '[' || end < previous)
                    {
                        throw new SubsetBail();
                    }

                    i += 2;
                    previous = -1;
                    continue;
                case '-' when i + 1 < text.Length && text[i + 1] != ']' && text[i - 1] != '[' && text[i - 1] != '^':
                    // A dash after an escape, between atoms: a range Annex B tolerates; left to Acornima.
                    throw new SubsetBail();
                case '\n' or '\r' or > '\u007e' or < ' ' or '[':
                    throw new SubsetBail();
                default:
                    previous = c;
                    i++;
                    continue;
            }
        }
    }

    /// <summary><c>(</c>, <c>(?:</c>, <c>(?=</c>, <c>(?!</c>, <c>(?&lt;=</c> or <c>(?&lt;!</c>; named groups are Acornima's.</summary>
    private static int GroupOpening(ReadOnlySpan<char> text, int i, out bool isLookaround)
    {
        isLookaround = false;
        if (i + 1 >= text.Length || text[i + 1] != '?')
        {
            return i + 1;
        }

        var rest = text[(i + 2)..];
        if (rest.StartsWith(":"))
        {
            return i + 3;
        }

        isLookaround = true;
        return rest.StartsWith("=") || rest.StartsWith("!") ? i + 3
            : rest.StartsWith("<=") || rest.StartsWith("<!") ? i + 4
            : throw new SubsetBail();
    }

    /// <summary><c>*</c>, <c>+</c>, <c>?</c>, <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> with n ≤ m, each maybe followed by a lazy <c>?</c>.</summary>
    private static int Quantifier(ReadOnlySpan<char> text, int i)
    {
        if (text[i] == '{')
        {
            var close = text[i..].IndexOf('}');
            if (close < 0)
            {
                throw new SubsetBail();
            }

            var bounds = text.Slice(i + 1, close - 1);
            var comma = bounds.IndexOf(',');
            var low = Bound(comma < 0 ? bounds : bounds[..comma]);
            if (comma >= 0 && comma + 1 < bounds.Length && Bound(bounds[(comma + 1)..]) < low)
            {
                throw new SubsetBail();
            }

            i += close + 1;
        }
        else
        {
            i++;
        }

        if (i < text.Length && text[i] == '?')
        {
            i++;
        }

        return i < text.Length && text[i] is '*' or '+' or '?' or '{' ? throw new SubsetBail() : i;
    }

    private static int Bound(ReadOnlySpan<char> digits)
    {
        if (digits.Length is 0 or > 6)
        {
            throw new SubsetBail();
        }

        var value = 0;
        foreach (var c in digits)
        {
            value = char.IsAsciiDigit(c) ? (value * 10) + (c - '0') : throw new SubsetBail();
        }

        return value;
    }
}
