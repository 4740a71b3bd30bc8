using System.Text.Json.Nodes;
using Nexus.Reactor.Execution;

namespace Nexus.Reactor.Tests.Hostile;

/// <summary>
/// Every hostile case (<see cref="HostileCases"/>): the attack fails with its code (or has no effect), changes
/// no state it may not, gives the same outcome when repeated, and leaves its panel, and a fresh one, working
/// exactly as a panel no attack ever touched.
/// </summary>
public sealed class HostileHandlerTests
{
    public static TheoryData<string> Names() => [.. HostileCases.All.Select(c => c.Name)];

    [Fact]
    public void The_catalogue_is_big_enough_and_names_are_unique()
    {
        Assert.True(HostileCases.All.Count >= 30);
        Assert.Equal(HostileCases.All.Count, HostileCases.ByName.Count);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Attack_has_its_outcome_and_the_panel_stays_usable(string name)
    {
        var hostile = HostileCases.ByName[name];
        var host = new EchoExtensions();
        await using var panel = await Panels.Start(HostilePanel.Source(hostile), limits: hostile.Limits, extensions: host);
        var before = await panel.GetStateAsync();

        var result = await HostileRun.Call(panel, "attack", hostile.Args);
        HostileRun.AssertOutcome(hostile, result);
        var after = await panel.GetStateAsync();
        HostileRun.AssertCommitted(hostile, result, before, after);
        hostile.Check?.Invoke(result, host);

        // The same attack again: nothing the first run did may change how the second one goes.
        var again = await HostileRun.Call(panel, "attack", hostile.Args);
        Assert.True(result.Error?.Code == again.Error?.Code, $"{name}: first {Show(result)}, again {Show(again)}");
        if (result.Succeeded)
        {
            Assert.True(JsonNode.DeepEquals(result.ReturnValue, again.ReturnValue), $"{name}: first {Show(result)}, again {Show(again)}");
        }

        await HostileRun.AssertCanary(panel);

        // Another panel of the same source (the same compiled program) is untouched.
        await using var fresh = await Panels.Start(HostilePanel.Source(hostile), limits: hostile.Limits, extensions: new EchoExtensions());
        await HostileRun.AssertCanary(fresh);
    }

    private static string Show(ToolResult result) => HostileRun.Show(result);
}
