using System.Text.Json.Nodes;
using Bunit;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Rendering;

/// <summary>Input and Switch: two-way binding through the runtime, with its type checks.</summary>
public sealed class FormControlTests
{
    private const string Form = """
        <NexusPanel id="form" title="Form">
          <Data>
            <State name="name" type="string" default="Ada" />
            <State name="age" type="number" default="36" />
            <State name="active" type="boolean" default="false" />
            <State name="locked" type="boolean" default="false" />
            <State name="user" type="object" default='{"email":"ada@example.org"}' />
            <Computed name="greeting" value="'Hi ' + $state.name" />
          </Data>
          <Logic>
            <Tool name="rename"><Arg name="name" type="string" /><Handler>$state.name = $args.name;</Handler></Tool>
            <Tool name="lock"><Handler>$state.locked = true; $state.active = true;</Handler></Tool>
          </Logic>
          <View>
            <Input id="name" bind="$state.name" placeholder="Your name" disabled="{$state.locked}" />
            <Input id="age" bind="$state.age" inputType="number" />
            <Input id="ageAsText" bind="$state.age" />
            <Input id="email" bind="$state.user.email" inputType="email" />
            <Input id="secret" bind="$state.name" inputType="password" rows="4" />
            <Switch bind="$state.active" label="Active" disabled="{$state.locked}" />
            <Text className="greeting">{$state.greeting}</Text>
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task An_input_shows_the_bound_value_and_writes_what_is_typed_into_the_state()
    {
        await using var live = await LivePanel.StartAsync(Form);
        var cut = live.Render();
        cut.Until(() => Assert.Equal("Ada", Field(cut, 0).GetAttribute("value")));
        Assert.Equal("Your name", Field(cut, 0).GetAttribute("placeholder"));

        cut.Act(() => Field(cut, 0).Change("Grace"));

        cut.Until(() => Assert.Equal("Hi Grace", cut.Find(".greeting").TextContent.Trim()));
        Assert.Equal("\"Grace\"", await live.StateJsonAsync("name"));
    }

    [Fact]
    public async Task A_change_from_outside_updates_the_inputs_bound_to_it()
    {
        await using var live = await LivePanel.StartAsync(Form);
        var cut = live.Render();
        cut.Until(() => Assert.Equal("Ada", Field(cut, 0).GetAttribute("value")));

        await live.Panel.CallAsync("rename", new JsonArray("Linus"));

        cut.Until(() =>
        {
            Assert.Equal("Linus", Field(cut, 0).GetAttribute("value"));
            Assert.Equal("Linus", Field(cut, 4).GetAttribute("value"));
        });
    }

    [Fact]
    public async Task Input_types_map_to_the_fields_type_and_a_number_field_writes_a_number()
    {
        await using var live = await LivePanel.StartAsync(Form);
        var cut = live.Render();
        cut.Until(() => Assert.Equal("36", Field(cut, 1).GetAttribute("value")));
        Assert.Equal(["text", "number", "text", "email"], Enumerable.Range(0, 4).Select(i => Field(cut, i).GetAttribute("type")));
        Assert.Equal("TEXTAREA", Field(cut, 4).TagName); // rows passed through: a multi-line field
        Assert.Equal("ada@example.org", Field(cut, 3).GetAttribute("value"));

        cut.Act(() => Field(cut, 1).Change("41.5"));
        cut.Until(() => Assert.Equal("41.5", live.StateJsonAsync("age").GetAwaiter().GetResult()));

        cut.Act(() => Field(cut, 3).Change("grace@example.org"));
        cut.Until(() => Assert.Equal("{\"email\":\"grace@example.org\"}", live.StateJsonAsync("user").GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task A_write_the_state_type_refuses_shows_the_error_and_leaves_the_state_unchanged()
    {
        await using var live = await LivePanel.StartAsync(Form);
        var cut = live.Render();
        cut.Until(() => Assert.Equal("36", Field(cut, 2).GetAttribute("value")));
        var version = live.Panel.Version;

        cut.Act(() => Field(cut, 2).Change("40")); // a text field writes text, which a number state refuses, as a handler write would be

        cut.Until(() => Assert.Contains("TYPE_MISMATCH", Container(cut, 2).TextContent, StringComparison.Ordinal));
        Assert.Equal("40", Field(cut, 2).GetAttribute("value")); // kept, so it can be corrected
        Assert.Equal("36", await live.StateJsonAsync("age"));
        Assert.Equal(version, live.Panel.Version);

        cut.Act(() => Field(cut, 1).Change("not a number")); // a number field with text the runtime refuses too
        cut.Until(() => Assert.Contains("TYPE_MISMATCH", Container(cut, 1).TextContent, StringComparison.Ordinal));

        cut.Act(() => Field(cut, 1).Change("40")); // corrected: the error goes and the value is written
        cut.Until(() => Assert.DoesNotContain("TYPE_MISMATCH", Container(cut, 1).TextContent, StringComparison.Ordinal));
        Assert.Equal("40", await live.StateJsonAsync("age"));
    }

    [Fact]
    public async Task A_switch_toggles_its_boolean_and_follows_disabled_bindings()
    {
        await using var live = await LivePanel.StartAsync(Form);
        var cut = live.Render();
        cut.Until(() => Assert.Equal("Active", cut.Find(".nx-switch label").TextContent.Trim()));
        Assert.False(SwitchInput(cut).HasAttribute("checked"));

        cut.Act(() => SwitchInput(cut).Change(true));
        cut.Until(() => Assert.Equal("true", live.StateJsonAsync("active").GetAwaiter().GetResult()));

        await live.Panel.CallAsync("lock");

        cut.Until(() =>
        {
            Assert.True(SwitchInput(cut).HasAttribute("disabled"));
            Assert.True(Field(cut, 0).HasAttribute("disabled"));
        });
    }

    private static AngleSharp.Dom.IElement Container(IRenderedComponent<StudioHost> cut, int index) => cut.FindAll(".nx-input")[index];

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<StudioHost> cut, int index) =>
        Container(cut, index).QuerySelector("input, textarea")!;

    private static AngleSharp.Dom.IElement SwitchInput(IRenderedComponent<StudioHost> cut) => cut.Find(".nx-switch input");
}
