using System.Text.Json.Nodes;

namespace Nexus.Reactor.Tests;

public sealed class ArgumentTests
{
    private static readonly string Source = Panels.Panel(
        "<State name=\"out\" type=\"object\" />",
        """
        <Tool name="t">
          <Arg name="n" type="number" />
          <Arg name="flag" type="boolean" required="false" />
          <Arg name="label" type="string" default="none" />
          <Arg name="items" type="list" required="false" />
          <Arg name="opts" type="object" required="false" />
          <Handler>$state.out = { ...$args }; return $args;</Handler>
        </Tool>
        <Tool name="frozen"><Arg name="x" type="object" /><Handler>$args.x.y = 1;</Handler></Tool>
        """,
        "<Button label=\"t\" trigger=\"t\" args=\"[1]\" /><Button label=\"f\" trigger=\"frozen\" args=\"[{}]\" /><Text content=\"{$state.out}\" />");

    public static TheoryData<string, string> Accepted() => new()
    {
        { """{"n":1}""", """{"n":1,"label":"none"}""" },
        { """{"n":"3"}""", """{"n":3,"label":"none"}""" },
        { """{"n":"-2.5e1","flag":"true"}""", """{"n":-25,"flag":true,"label":"none"}""" },
        { """{"n":1,"label":7}""", """{"n":1,"label":"7"}""" },
        { """[2, false, "x", [1], {"a":1}]""", """{"n":2,"flag":false,"label":"x","items":[1],"opts":{"a":1}}""" },
        { """{"n":1,"flag":null}""", """{"n":1,"label":"none"}""" },
    };

    public static TheoryData<string, string> Refused() => new()
    {
        { """{}""", "needs argument 'n'" },
        { """{"n":"four"}""", "must be a number" },
        { """{"n":1,"extra":true}""", "no argument 'extra'" },
        { """[1,true,"x",[],{},6]""", "takes 5 argument(s), 6 were given" },
        { """{"n":1,"flag":"yes"}""", "must be a boolean" },
        { """{"n":1,"items":{}}""", "must be a list" },
        { "\"just a string\"", "must be an object (by name) or an array" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Arguments_are_checked_and_coerced(string args, string expected)
    {
        await using var panel = await Panels.Start(Source);
        var result = await panel.CallAsync("t", JsonNode.Parse(args));
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result.ReturnValue), result.ReturnValue?.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Bad_arguments_are_invalid_args_with_a_clear_message(string args, string message)
    {
        await using var panel = await Panels.Start(Source);
        var result = await panel.CallAsync("t", JsonNode.Parse(args));
        Assert.Equal("INVALID_ARGS", result.Error?.Code);
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.Null((await panel.GetStateAsync())["out"]!.AsObject().FirstOrDefault().Key);
    }

    [Fact]
    public async Task Args_are_frozen_deeply()
    {
        await using var panel = await Panels.Start(Source);
        var result = await panel.CallAsync("frozen", new JsonObject { ["x"] = new JsonObject() });
        Assert.Equal("HANDLER_ERROR", result.Error?.Code);
    }
}
