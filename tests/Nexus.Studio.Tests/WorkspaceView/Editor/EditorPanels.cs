namespace Nexus.Studio.Tests.WorkspaceView.Editor;

/// <summary>The sources the editor tests edit: a counter, the same with a changed label, and one with a type error.</summary>
internal static class EditorPanels
{
    public const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data><State name="count" type="number" default="0" /></Data>
          <Logic><Tool name="inc"><Handler>$state.count = $state.count + 1;</Handler></Tool></Logic>
          <View>
            <Layout strategy="stack">
              <Text className="count">Count: {$state.count}</Text>
              <Button label="+1" trigger="inc" />
            </Layout>
          </View>
        </NexusPanel>
        """;

    public static readonly string Renamed = Counter.Replace("Count: ", "Clicks: ", StringComparison.Ordinal);

    /// <summary>A state of an unknown type: the checker answers <c>INVALID_TYPE</c>, an error.</summary>
    public static readonly string Broken = Counter.Replace("type=\"number\"", "type=\"nope\"", StringComparison.Ordinal);
}
