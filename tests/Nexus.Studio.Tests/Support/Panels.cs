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

    /// <summary>A panel whose view needs no state or tools.</summary>
    public static string View(string view) => Source(string.Empty, string.Empty, view);
}
