using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Parsing;

/// <summary>Turns offsets into 1-based lines and columns (a line ends at '\n').</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;

    private LineMap(int[] lineStarts) => _lineStarts = lineStarts;

    public static LineMap Build(string source)
    {
        var starts = new List<int>(source.Length / 32 + 1) { 0 };
        var span = source.AsSpan();
        var offset = 0;
        while (true)
        {
            var next = span[offset..].IndexOf('\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
            starts.Add(offset);
        }

        return new LineMap([.. starts]);
    }

    public SourcePosition PositionOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourcePosition(offset, line + 1, offset - _lineStarts[line] + 1);
    }

    public SourceSpan SpanOf(int start, int end) => new(PositionOf(start), PositionOf(end));
}
