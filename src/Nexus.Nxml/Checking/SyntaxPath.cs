using System.Collections.Immutable;
using System.Globalization;

namespace Nexus.Nxml.Checking;

/// <summary>
/// A diagnostic path (<c>["logic","tools","add","handler"]</c>) built while the checker walks. It becomes an
/// array only for a diagnostic; until then it is a linked list of steps, and the last step (one or two
/// segments, such as <c>props/name</c>) stays in the value itself, so that the paths of leaves (every prop
/// of every component) cost no allocation.
/// </summary>
internal readonly struct SyntaxPath
{
    private static readonly string[] SmallIndexes = [.. Enumerable.Range(0, 64).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private readonly Step? _steps;

    /// <summary>The last step when it is not in <see cref="_steps"/> yet: null, or one segment (<see cref="_last"/>) or two.</summary>
    private readonly string? _lastButOne;
    private readonly string? _last;

    private SyntaxPath(Step? steps, string? lastButOne, string? last)
    {
        _steps = steps;
        _lastButOne = lastButOne;
        _last = last;
    }

    public static SyntaxPath Root => default;

    public static SyntaxPath Of(string first, string second) => Root.Add(first, second);

    public static SyntaxPath Of(string first, string second, string third) => Root.Add(first, second).Add(third);

    public SyntaxPath Add(string segment) => new(Steps(), null, segment);

    public SyntaxPath Add(string first, string second) => new(Steps(), first, second);

    public SyntaxPath Add(string first, int index) =>
        Add(first, index < SmallIndexes.Length ? SmallIndexes[index] : index.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The same path with its last step in the list: call it before adding many steps to one path (a component
    /// and its props), so that they share that step instead of each making a copy of it.
    /// </summary>
    public SyntaxPath Shared() => new(Steps(), null, null);

    public ImmutableArray<string> ToImmutable()
    {
        var steps = Steps();
        if (steps is null)
        {
            return [];
        }

        var segments = new string[steps.Length];
        for (var step = steps; step is not null; step = step.Parent)
        {
            segments[step.Length - 1] = step.Segment;
            if (step.SegmentBefore is not null)
            {
                segments[step.Length - 2] = step.SegmentBefore;
            }
        }

        return ImmutableArray.Create(segments);
    }

    private Step? Steps() => _last is null ? _steps : new Step(_steps, _lastButOne, _last);

    /// <summary>One step of a path: one segment, or two (<see cref="SegmentBefore"/>, then <see cref="Segment"/>).</summary>
    private sealed class Step(Step? parent, string? segmentBefore, string segment)
    {
        public readonly Step? Parent = parent;
        public readonly string? SegmentBefore = segmentBefore;
        public readonly string Segment = segment;
        public readonly int Length = (parent?.Length ?? 0) + (segmentBefore is null ? 1 : 2);
    }
}
