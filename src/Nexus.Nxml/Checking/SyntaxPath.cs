using System.Collections.Immutable;
using System.Globalization;

namespace Nexus.Nxml.Checking;

/// <summary>
/// A diagnostic path (<c>["logic","tools","add","handler"]</c>) built as a linked list while the checker
/// walks, so that a path costs one small object per step and becomes an array only for a diagnostic.
/// </summary>
internal sealed class SyntaxPath
{
    public static readonly SyntaxPath Root = new(null, string.Empty, 0);

    private static readonly string[] SmallIndexes = [.. Enumerable.Range(0, 64).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private readonly SyntaxPath? _parent;
    private readonly string _segment;
    private readonly int _length;

    private SyntaxPath(SyntaxPath? parent, string segment, int length)
    {
        _parent = parent;
        _segment = segment;
        _length = length;
    }

    public static SyntaxPath Of(params ReadOnlySpan<string> segments)
    {
        var path = Root;
        foreach (var segment in segments)
        {
            path = path.Add(segment);
        }

        return path;
    }

    public SyntaxPath Add(string segment) => new(this, segment, _length + 1);

    public SyntaxPath Add(string first, string second) => Add(first).Add(second);

    public SyntaxPath Add(string first, int index) =>
        Add(first).Add(index < SmallIndexes.Length ? SmallIndexes[index] : index.ToString(CultureInfo.InvariantCulture));

    public ImmutableArray<string> ToImmutable()
    {
        if (_length == 0)
        {
            return [];
        }

        var segments = new string[_length];
        for (var node = this; node._length > 0; node = node._parent!)
        {
            segments[node._length - 1] = node._segment;
        }

        return ImmutableArray.Create(segments);
    }
}
