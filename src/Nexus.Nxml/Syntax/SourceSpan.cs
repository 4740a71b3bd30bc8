namespace Nexus.Nxml.Syntax;

/// <summary>A point in an NXML source: UTF-16 offset, 1-based line and 1-based column (in UTF-16 code units).</summary>
public readonly record struct SourcePosition(int Offset, int Line, int Column)
{
    public static readonly SourcePosition Start = new(0, 1, 1);

    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>A range of an NXML source, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public readonly record struct SourceSpan(SourcePosition Start, SourcePosition End)
{
    public static readonly SourceSpan None;

    public int Length => End.Offset - Start.Offset;

    public bool IsEmpty => Start.Line == 0;

    public override string ToString() => $"({Start})-({End})";
}
