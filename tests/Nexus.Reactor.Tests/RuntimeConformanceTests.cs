using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Nexus.Reactor.Tests;

/// <summary>The shared runtime conformance suite (../shared/conformance/runtime): every scenario, every step.</summary>
public sealed class RuntimeConformanceTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Conformance, "runtime"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_passes_every_step(string file)
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Conformance, "runtime", file)))!.AsObject();
        await using var panel = await Panels.Start(scenario["source"]!.GetValue<string>(), scenario["initialState"]?.AsObject().DeepClone().AsObject());
        var step = 0;
        foreach (var node in scenario["steps"]!.AsArray())
        {
            step++;
            var call = node!["call"]!.GetValue<string>();
            var expect = node["expect"]!.AsObject();
            var clock = Stopwatch.StartNew();
            var result = await panel.CallAsync(call, node["args"]?.DeepClone());
            var elapsed = clock.ElapsedMilliseconds;
            var state = await panel.GetStateAsync();
            var where = $"{file} step {step} ({call}): {result.Status} {result.Error?.Code} {result.Error?.Message} return={result.ReturnValue?.ToJsonString()} state={state.ToJsonString()}";
            Check(expect, result, state, elapsed, where);
        }
    }

    private static void Check(JsonObject expect, Execution.ToolResult result, JsonObject state, long elapsed, string where)
    {
        if (expect["status"] is { } status)
        {
            Assert.True(status.GetValue<string>() == result.Status, "status: " + where);
        }

        if (expect.TryGetPropertyValue("returnValue", out var returnValue))
        {
            Assert.True(JsonNode.DeepEquals(returnValue, result.ReturnValue), "returnValue: " + where);
        }

        if (expect["returnValueIn"] is JsonArray returnValues)
        {
            Assert.True(returnValues.Any(v => JsonNode.DeepEquals(v, result.ReturnValue)), "returnValueIn: " + where);
        }

        if (expect["errorCode"] is { } code)
        {
            Assert.True(code.GetValue<string>() == result.Error?.Code, "errorCode: " + where);
        }

        if (expect["errorCodeIn"] is JsonArray codes)
        {
            Assert.True(codes.Any(c => c!.GetValue<string>() == result.Error?.Code), "errorCodeIn: " + where);
        }

        if (expect["errorMessageContains"] is { } fragment)
        {
            Assert.True(result.Error?.Message.Contains(fragment.GetValue<string>(), StringComparison.Ordinal) == true, "errorMessageContains: " + where);
        }

        if (expect["state"] is JsonObject expectedState)
        {
            foreach (var (key, value) in expectedState)
            {
                Assert.True(JsonNode.DeepEquals(value, state[key]), $"state.{key}: " + where);
            }
        }

        if (expect["mutations"] is JsonArray mutations)
        {
            var actual = new JsonArray([.. result.Mutations.Select(m => new JsonObject { ["key"] = m.Key, ["value"] = m.Value?.DeepClone() })]);
            Assert.True(JsonNode.DeepEquals(mutations, actual), $"mutations {actual.ToJsonString()}: " + where);
        }

        if (expect["events"] is JsonArray events)
        {
            Assert.True(events.Count == result.Events.Count, "events: " + where);
            for (var i = 0; i < events.Count; i++)
            {
                Assert.Equal(events[i]!["name"]!.GetValue<string>(), result.Events[i].Name);
                if (events[i]!.AsObject().TryGetPropertyValue("payload", out var payload))
                {
                    Assert.True(JsonNode.DeepEquals(payload, result.Events[i].Payload), "event payload: " + where);
                }
            }
        }

        if (expect["maxMillis"] is { } maxMillis)
        {
            Assert.True(elapsed <= maxMillis.GetValue<long>(), $"took {elapsed} ms: " + where);
        }
    }
}
