namespace Nexus.Nxml.Tests.Printing.Generation;

/// <summary>
/// A sequence of random choices drawn by CsCheck, read one at a time. Zero is always the simplest choice
/// (fewest items, first option, no extra), and an exhausted sequence reads as zeros, so CsCheck's
/// shrinking (shorter arrays, smaller numbers) shrinks the generated panel too.
/// </summary>
internal sealed class Choices(int[] values)
{
    private int _next;

    /// <summary>A number from 0 to <paramref name="bound"/> - 1.</summary>
    public int Next(int bound)
    {
        if (bound <= 1 || _next >= values.Length)
        {
            return 0;
        }

        return (int)((uint)values[_next++] % (uint)bound);
    }

    /// <summary>True with the given probability (in percent); false for the simplest choice.</summary>
    public bool Chance(int percent) => Next(100) >= 100 - percent;

    /// <summary>From 0 to <paramref name="max"/> items.</summary>
    public int Count(int max) => Next(max + 1);

    public T Pick<T>(params T[] options) => options[Next(options.Length)];

    public T PickFrom<T>(IReadOnlyList<T> options) => options[Next(options.Count)];

    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
