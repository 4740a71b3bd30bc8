namespace Nexus.Workspace.Tests;

/// <summary>NXML sources the workspace tests run.</summary>
internal static class TestPanels
{
    public const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data>
            <State name="count" type="number" default="0" />
            <State name="label" type="string" default="clicks" />
          </Data>
          <Logic>
            <Tool name="inc" description="Count one more"><Handler>$state.count = $state.count + 1; return $state.count;</Handler></Tool>
            <Tool name="rename" description="Rename the counter">
              <Arg name="label" type="string" required="true" />
              <Handler>$state.label = $args.label;</Handler>
            </Tool>
          </Logic>
          <View><Button label="+1" trigger="inc" /><Text content="{$state.label}: {$state.count}" /></View>
        </NexusPanel>
        """;

    /// <summary>The counter with its count turned into text and a new tool: count must not carry over, label must.</summary>
    public const string CounterV2 = """
        <NexusPanel id="counter" title="Counter v2">
          <Data>
            <State name="count" type="string" default="none" />
            <State name="label" type="string" default="clicks" />
          </Data>
          <Logic>
            <Tool name="reset" description="Start again"><Handler>$state.count = 'none';</Handler></Tool>
          </Logic>
          <View><Button label="reset" trigger="reset" /><Text content="{$state.label}: {$state.count}" /></View>
        </NexusPanel>
        """;

    public const string Notes = """
        <NexusPanel id="notes" title="Notes">
          <Data><State name="text" type="string" default="" /></Data>
          <Logic>
            <Tool name="write" description="Replace the text">
              <Arg name="text" type="string" required="true" />
              <Handler>$state.text = $args.text;</Handler>
            </Tool>
          </Logic>
          <View><Input bind="$state.text" /><Button label="save" trigger="write" args="{ text: $state.text }" /></View>
        </NexusPanel>
        """;

    /// <summary>Not NXML that checks clean: an unknown state in a handler.</summary>
    public const string Broken = """
        <NexusPanel id="broken" title="Broken">
          <Data><State name="a" type="number" default="0" /></Data>
          <Logic><Tool name="t" description="x"><Handler>$state.missing = 1;</Handler></Tool></Logic>
          <View><Button label="t" trigger="t" /></View>
        </NexusPanel>
        """;
}
