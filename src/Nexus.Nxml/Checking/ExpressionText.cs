namespace Nexus.Nxml.Checking;

/// <summary>One <c>{expression}</c> inside an attribute value or element text: where its code starts and how long it is.</summary>
public readonly record struct ExpressionPart(int Start, int Length);

/// <summary>How an attribute value or element text reads (§6.1): a literal, one binding, or an interpolation.</summary>
public sealed class ExpressionText
{
    private ExpressionText(string value, IReadOnlyList<ExpressionPart> expressions, int? unclosedAt)
    {
        Value = value;
        Expressions = expressions;
        UnclosedAt = unclosedAt;
    }

    public string Value { get; }

    /// <summary>The <c>{...}</c> parts in order (without their braces).</summary>
    public IReadOnlyList<ExpressionPart> Expressions { get; }

    /// <summary>The offset of a <c>{</c> that is never closed, if any.</summary>
    public int? UnclosedAt { get; }

    /// <summary>True when the whole value is exactly one <c>{expression}</c>: the prop takes the expression's value.</summary>
    public bool IsBinding => Expressions.Count == 1 && Expressions[0].Start == 1 && Expressions[0].Length == Value.Length - 2;

    public bool IsLiteral => Expressions.Count == 0 && UnclosedAt is null;

    /// <summary>The literal text with <c>{{</c> and <c>}}</c> unescaped (meaningful when <see cref="IsLiteral"/>).</summary>
    public string LiteralText => Value.Contains('{', StringComparison.Ordinal) || Value.Contains('}', StringComparison.Ordinal)
        ? Value.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal)
        : Value;

    /// <summary>Splits a value into literal text and <c>{expression}</c> parts. Braces inside JavaScript strings and template literals do not end an expression.</summary>
    public static ExpressionText Parse(string value)
    {
        if (value.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return new ExpressionText(value, [], null);
        }

        var parts = new List<ExpressionPart>(2);
        var i = 0;
        while (i < value.Length)
        {
            var open = value.IndexOf('{', i);
            if (open < 0)
            {
                break;
            }

            if (open + 1 < value.Length && value[open + 1] == '{')
            {
                i = open + 2;
                continue;
            }

            var close = MatchingBrace(value, open);
            if (close < 0)
            {
                return new ExpressionText(value, parts, open);
            }

            parts.Add(new ExpressionPart(open + 1, close - open - 1));
            i = close + 1;
        }

        return new ExpressionText(value, parts, null);
    }

    /// <summary>
    /// Where the code of an expression prop (§6.1: <c>condition</c>, <c>items</c>, <c>args</c>, <c>payload</c>)
    /// is: braces are optional, so a value wrapped in braces has its inside as the code to try first and the
    /// whole value (an object literal such as <c>{ id: $scope.note.id }</c>) as the fallback when the inside is
    /// not an expression. An inside that is blank (<c>{}</c>) is no candidate: the whole value is.
    /// </summary>
    public static (ExpressionPart First, ExpressionPart? Fallback) ExpressionPropCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var span = value.AsSpan();
        var start = span.Length - span.TrimStart().Length;
        var end = Math.Max(start, span.TrimEnd().Length);
        var whole = new ExpressionPart(start, end - start);
        if (end - start < 2 || value[start] != '{' || value[end - 1] != '}')
        {
            return (whole, null);
        }

        return value.AsSpan(start + 1, end - start - 2).IsWhiteSpace()
            ? (whole, null)
            : (new ExpressionPart(start + 1, end - start - 2), whole);
    }

    /// <summary>The offset of the <c>}</c> closing the <c>{</c> at <paramref name="open"/>, or -1.</summary>
    public static int MatchingBrace(string text, int open)
    {
        // Each entry is a nesting level: 'B' for code inside braces, '`' for the text of a template literal.
        Span<char> stack = stackalloc char[64];
        var depth = 0;
        stack[depth++] = 'B';
        var k = open + 1;
        while (k < text.Length)
        {
            var c = text[k];
            if (stack[depth - 1] == '`')
            {
                if (c == '\\')
                {
                    k += 2;
                    continue;
                }

                if (c == '`')
                {
                    depth--;
                }
                else if (c == '$' && k + 1 < text.Length && text[k + 1] == '{')
                {
                    if (depth == stack.Length)
                    {
                        return -1;
                    }

                    stack[depth++] = 'B';
                    k++;
                }

                k++;
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    k = SkipString(text, k);
                    if (k < 0)
                    {
                        return -1;
                    }

                    continue;
                case '`' or '{':
                    if (depth == stack.Length)
                    {
                        return -1;
                    }

                    stack[depth++] = c == '`' ? '`' : 'B';
                    break;
                case '}':
                    depth--;
                    if (depth == 0)
                    {
                        return k;
                    }

                    break;
            }

            k++;
        }

        return -1;
    }

    private static int SkipString(string text, int quoteAt)
    {
        var quote = text[quoteAt];
        for (var k = quoteAt + 1; k < text.Length; k++)
        {
            if (text[k] == '\\')
            {
                k++;
            }
            else if (text[k] == quote)
            {
                return k + 1;
            }
            else if (text[k] == '\n')
            {
                return -1;
            }
        }

        return -1;
    }
}
