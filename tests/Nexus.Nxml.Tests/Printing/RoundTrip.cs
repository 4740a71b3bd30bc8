using Nexus.Nxml.Printing;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Tests.Printing;

/// <summary>The round-trip properties of §9, asserted for one source text.</summary>
internal static class RoundTrip
{
    /// <summary>
    /// Checks <paramref name="source"/>, prints it, and asserts that the printed text checks to an equivalent
    /// tree with the same diagnostic codes, and that printing is idempotent. Returns the printed text.
    /// </summary>
    public static string AssertRoundTrips(string source)
    {
        var (original, printed, reread) = AssertTreeRoundTripsCore(source);
        Assert.Equal(Codes(original), Codes(reread));
        return printed;
    }

    /// <summary>As <see cref="AssertRoundTrips"/>, without comparing diagnostics.</summary>
    public static string AssertTreeRoundTrips(string source) => AssertTreeRoundTripsCore(source).Printed;

    private static (NxmlDocument Original, string Printed, NxmlDocument Reread) AssertTreeRoundTripsCore(string source)
    {
        var original = NxmlDocument.Check(source);
        Assert.True(original.Panel is not null, "the source does not parse:\n" + ConformanceTests.Describe(original));

        var printed = NxmlPrinter.Print(original.Panel);
        var reread = NxmlDocument.Check(printed);
        Assert.True(reread.Panel is not null, $"the printed text does not parse:\n{ConformanceTests.Describe(reread)}\n--- printed ---\n{printed}");

        var difference = SyntaxEquivalence.DescribeDifference(original.Panel, reread.Panel);
        Assert.True(difference is null, $"the printed text reads back differently: {difference}\n--- printed ---\n{printed}");

        var reprinted = NxmlPrinter.Print(NxmlDocument.Parse(printed).Panel!);
        Assert.True(printed == reprinted, $"printing is not idempotent\n--- first ---\n{printed}\n--- second ---\n{reprinted}");
        return (original, printed, reread);
    }

    private static SortedSet<string> Codes(NxmlDocument document) => new(document.Diagnostics.Select(d => d.Code), StringComparer.Ordinal);
}
