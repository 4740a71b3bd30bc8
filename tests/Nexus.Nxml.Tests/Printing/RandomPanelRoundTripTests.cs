using CsCheck;
using Nexus.Nxml.Tests.Printing.Generation;

namespace Nexus.Nxml.Tests.Printing;

/// <summary>Property: every valid panel, however it is written, round-trips through the canonical printer.</summary>
public sealed class RandomPanelRoundTripTests
{
    /// <summary>Choice sequences: shrinking shortens them and lowers their numbers, which simplifies the panel.</summary>
    private static readonly Gen<int[]> ChoiceSequences = Gen.Int[0, 1_000_000].Array[0, 2_000];

    [Fact]
    public void Random_valid_panels_check_clean_and_round_trip()
    {
        Check.Sample(
            ChoiceSequences,
            choices =>
            {
                var source = RandomPanel.Write(choices);
                var document = NxmlDocument.Check(source);
                Assert.True(document.IsValid, $"the generator wrote an invalid panel:\n{ConformanceTests.Describe(document)}\n--- source ---\n{source}");
                RoundTrip.AssertRoundTrips(source);
            },
            iter: 400,
            print: RandomPanel.Write);
    }

    [Fact]
    public void The_generator_reaches_every_feature_it_is_meant_to_cover()
    {
        var random = new Random(20_251_125);
        var sources = Enumerable.Range(0, 300)
            .Select(_ => RandomPanel.Write([.. Enumerable.Range(0, random.Next(500, 2_000)).Select(_ => random.Next(1_000_000))]))
            .ToList();

        string[] features =
        [
            "<![CDATA[", "</Handler>", "]]>", "&amp;", "&quot;", "&lt;", "&#", "<!--", "-->", "\r\n", "\t",
            "<Iterate", "$scope.", "<If", "{{", "await $tools.", "await $ext.", "$emit(", "$view.", "<Capabilities />",
            "<Capability ", "handler=\"h", "<Handler name=", "on=\"mount\"", "on=\"unmount\"", "<Extension", "alias=",
            "<Text>", "<Button", "<Action", "<Sparkline", "colSpan=", "bind=\"$scope", "args=", "payload=", "<?xml", "'",
        ];
        foreach (var feature in features)
        {
            Assert.True(sources.Any(s => s.Contains(feature, StringComparison.Ordinal)), $"no generated panel contains {feature}");
        }

        Assert.Contains(sources, s => NxmlDocument.Parse(s).Panel?.View?.Root?.IsImplicit == true);
        Assert.Contains(sources, s => NxmlDocument.Parse(s).Panel?.Tools.Any(t => t.Handler?.Code.Contains('\n', StringComparison.Ordinal) == true) == true);
    }
}
