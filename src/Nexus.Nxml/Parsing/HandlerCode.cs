using System.Text;

namespace Nexus.Nxml.Parsing;

/// <summary>
/// How handler code is stored: the raw text without its blank first and last lines, without the common
/// indentation of its lines (the first line is not counted when it follows <c>&lt;Handler&gt;</c> on the
/// same line), with LF line ends. Printing re-indents it; reading it back gives the same code.
/// </summary>
public static class HandlerCode
{
    public static string Normalize(ReadOnlySpan<char> raw)
    {
        var lines = new List<Range>();
        foreach (var range in raw.Split('\n'))
        {
            lines.Add(range);
        }

        var first = 0;
        while (first < lines.Count && IsBlank(raw[lines[first]]))
        {
            first++;
        }

        var last = lines.Count - 1;
        while (last >= first && IsBlank(raw[lines[last]]))
        {
            last--;
        }

        if (first > last)
        {
            return string.Empty;
        }

        if (first == last)
        {
            return new string(raw[lines[first]].Trim());
        }

        var firstLineFollowsTag = first == 0;
        var indent = CommonIndent(raw, lines, firstLineFollowsTag ? first + 1 : first, last);
        var builder = new StringBuilder(raw.Length);
        for (var i = first; i <= last; i++)
        {
            var line = raw[lines[i]].TrimEnd('\r');
            if (i == first && firstLineFollowsTag)
            {
                builder.Append(line.TrimStart());
            }
            else if (!IsBlank(line))
            {
                builder.Append(line[indent..]);
            }

            if (i < last)
            {
                builder.Append('\n');
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The code with every non-blank line prefixed by <paramref name="indent"/>.</summary>
    public static string Indent(string code, string indent)
    {
        var builder = new StringBuilder(code.Length + 64);
        var lineNumber = 0;
        foreach (var range in code.AsSpan().Split('\n'))
        {
            var line = code.AsSpan()[range];
            if (lineNumber++ > 0)
            {
                builder.Append('\n');
            }

            if (!IsBlank(line))
            {
                builder.Append(indent).Append(line);
            }
        }

        return builder.ToString();
    }

    /// <summary>The length of the longest run of leading spaces and tabs that every non-blank line shares.</summary>
    private static int CommonIndent(ReadOnlySpan<char> raw, List<Range> lines, int from, int to)
    {
        ReadOnlySpan<char> common = default;
        var found = false;
        for (var i = from; i <= to; i++)
        {
            var line = raw[lines[i]];
            if (IsBlank(line))
            {
                continue;
            }

            var indent = line[..(line.Length - line.TrimStart(" \t").Length)];
            if (!found)
            {
                common = indent;
                found = true;
            }
            else
            {
                common = common[..indent.CommonPrefixLength(common)];
            }
        }

        return common.Length;
    }

    private static bool IsBlank(ReadOnlySpan<char> line) => line.IsWhiteSpace();
}
