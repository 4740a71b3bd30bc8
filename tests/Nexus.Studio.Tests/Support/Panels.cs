namespace Nexus.Studio.Tests.Support;

/// <summary>Builds panel sources for the tests.</summary>
internal static class Panels
{
    public static string Source(string data, string logic, string view) => $"""
        <NexusPanel id="test" title="Test">
          <Data>{data}</Data>
          <Logic>{logic}</Logic>
          <View>{view}</View>
        </NexusPanel>
        """;

    /// <summary>A counter with a tool and a view (id <c>counter</c>).</summary>
    public const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data><State name="count" type="number" default="0" /></Data>
          <Logic><Tool name="inc"><Handler>$state.count = $state.count + 1;</Handler></Tool></Logic>
          <View><Text className="count">Count: {$state.count}</Text></View>
        </NexusPanel>
        """;

    /// <summary>A second small panel (id <c>notes</c>).</summary>
    public const string Notes = """
        <NexusPanel id="notes" title="Notes">
          <Data><State name="text" type="string" default="" /></Data>
          <View><Text>{$state.text}</Text></View>
        </NexusPanel>
        """;

    /// <summary>A panel whose view needs no state or tools.</summary>
    public static string View(string view) => Source(string.Empty, string.Empty, view);
}
