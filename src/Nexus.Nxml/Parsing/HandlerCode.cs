using System.Buffers;
using System.Text;
using Nexus.Nxml.Syntax;

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
        var layout = CodeLayout.Of(raw);
        if (layout.IsEmpty)
        {
            return string.Empty;
        }

        if (layout.First == layout.Last)
        {
            return new string(raw[layout.Lines[layout.First]].Trim());
        }

        // The code only loses characters (indentation, CRs), so it fits in a buffer of the raw text's size.
        var buffer = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            var length = 0;
            for (var i = layout.First; i <= layout.Last; i++)
            {
                var line = raw[layout.Lines[i]].TrimEnd('\r');
                if (!IsBlank(line))
                {
                    var code = line[layout.RemovedFrom(raw, i)..];
                    code.CopyTo(buffer.AsSpan(length));
                    length += code.Length;
                }

                if (i < layout.Last)
                {
                    buffer[length++] = '\n';
                }
            }

            return new string(buffer.AsSpan(0, length).TrimEnd());
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Where a position of a handler's normalised <see cref="HandlerNode.Code"/> (0-based line and column)
    /// stands in the NXML source; null when the handler has no source.
    /// </summary>
    public static SourcePosition? Locate(string source, HandlerNode handler, int codeLine, int codeColumn)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(handler);
        var span = handler.CodeSpan;
        if (span.IsEmpty || span.End.Offset > source.Length)
        {
            return null;
        }

        var raw = source.AsSpan(span.Start.Offset, span.Length);
        var layout = CodeLayout.Of(raw);
        if (layout.IsEmpty)
        {
            return span.Start;
        }

        var rawLine = Math.Clamp(layout.First + codeLine, layout.First, layout.Last);
        var rawColumn = layout.RemovedFrom(raw, rawLine) + Math.Max(0, codeColumn);
        var offset = span.Start.Offset + layout.Lines[rawLine].Start.GetOffset(raw.Length) + rawColumn;
        return rawLine == 0
            ? new SourcePosition(offset, span.Start.Line, span.Start.Column + rawColumn)
            : new SourcePosition(offset, span.Start.Line + rawLine, rawColumn + 1);
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

    private static bool IsBlank(ReadOnlySpan<char> line) => line.IsWhiteSpace();

    /// <summary>The lines of raw handler text, which of them hold code, and how much indentation each loses.</summary>
    private readonly record struct CodeLayout(List<Range> Lines, int First, int Last, int Indent)
    {
        public bool IsEmpty => First > Last;

        /// <summary>The first code line keeps nothing of its leading whitespace when it is alone or follows the tag.</summary>
        public int RemovedFrom(ReadOnlySpan<char> raw, int line)
        {
            if (First == Last || (line == First && First == 0))
            {
                var text = raw[Lines[line]];
                return text.Length - text.TrimStart().Length;
            }

            return Indent;
        }

        public static CodeLayout Of(ReadOnlySpan<char> raw)
        {
            var lines = new List<Range>(raw.Count('\n') + 1);
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

            var indentFrom = first == 0 ? first + 1 : first;
            return new CodeLayout(lines, first, last, CommonIndent(raw, lines, indentFrom, last));
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
    }
}
