using System.Collections.Immutable;
using System.Globalization;

namespace Nexus.Nxml.Checking;

/// <summary>
/// A diagnostic path (<c>["logic","tools","add","handler"]</c>) built as a linked list while the checker
/// walks, so that a path costs one small object per step (a step may add two segments, as <c>props/name</c>
/// does) and becomes an array only for a diagnostic.
/// </summary>
internal sealed class SyntaxPath
{
    public static readonly SyntaxPath Root = new(null, null, string.Empty, 0);

    private static readonly string[] SmallIndexes = [.. Enumerable.Range(0, 64).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private readonly SyntaxPath? _parent;

    /// <summary>The segment before <see cref="_segment"/> when this step adds two, else null.</summary>
    private readonly string? _first;
    private readonly string _segment;
    private readonly int _length;

    private SyntaxPath(SyntaxPath? parent, string? first, string segment, int length)
    {
        _parent = parent;
        _first = first;
        _segment = segment;
        _length = length;
    }

    public static SyntaxPath Of(string first, string second) => Root.Add(first, second);

    public static SyntaxPath Of(string first, string second, string third) => Root.Add(first, second).Add(third);

    public SyntaxPath Add(string segment) => new(this, null, segment, _length + 1);

    public SyntaxPath Add(string first, string second) => new(this, first, second, _length + 2);

    public SyntaxPath Add(string first, int index) =>
        Add(first, index < SmallIndexes.Length ? SmallIndexes[index] : index.ToString(CultureInfo.InvariantCulture));

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
            if (node._first is not null)
            {
                segments[node._length - 2] = node._first;
            }
        }

        return ImmutableArray.Create(segments);
    }
}
