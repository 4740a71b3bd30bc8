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
        if (raw.IsEmpty)
        {
            return string.Empty;
        }

        var lines = new List<string>();
        foreach (var range in raw.Split('\n'))
        {
            lines.Add(new string(raw[range].TrimEnd('\r')));
        }

        var firstLineFollowsTag = !IsBlank(lines[0]);
        var first = 0;
        while (first < lines.Count && IsBlank(lines[first]))
        {
            first++;
        }

        var last = lines.Count - 1;
        while (last >= first && IsBlank(lines[last]))
        {
            last--;
        }

        if (first > last)
        {
            return string.Empty;
        }

        if (first == last)
        {
            return lines[first].Trim();
        }

        var indentFrom = firstLineFollowsTag ? first + 1 : first;
        var indent = CommonIndent(lines, indentFrom, last);
        var builder = new StringBuilder(raw.Length);
        for (var i = first; i <= last; i++)
        {
            var line = lines[i];
            if (i == first && firstLineFollowsTag)
            {
                builder.Append(line.TrimStart());
            }
            else if (!IsBlank(line))
            {
                builder.Append(line.AsSpan(indent.Length));
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

    private static string CommonIndent(List<string> lines, int from, int to)
    {
        string? common = null;
        for (var i = from; i <= to; i++)
        {
            var line = lines[i];
            if (IsBlank(line))
            {
                continue;
            }

            var width = line.Length - line.AsSpan().TrimStart(" \t").Length;
            var indent = line.AsSpan(0, width);
            if (common is null)
            {
                common = new string(indent);
                continue;
            }

            var shared = indent.CommonPrefixLength(common);
            if (shared < common.Length)
            {
                common = common[..shared];
            }
        }

        return common ?? string.Empty;
    }

    private static bool IsBlank(ReadOnlySpan<char> line) => line.IsWhiteSpace();
}
