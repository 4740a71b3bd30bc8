using Nexus.Workspace.Git;
using Nexus.Workspace.Proposals;

namespace Nexus.Workspace.Tests.Proposals;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

internal static class Panels
{
    public static string Counter(string title = "Counter", int start = 0) => $"""
        <NexusPanel title="{title}">
          <Data>
            <State name="count" type="number" default="{start}" />
          </Data>
          <View>
            <Metric label="Count" value="{"{$state.count}"}" />
          </View>
        </NexusPanel>
        """;

    public const string Broken = """<NexusPanel title="Broken"><View><Metric label="x" value="{$state.nope}" /></View>""";

    public static ProposalRequest Request(string title, params FileChange[] changes) => new()
    {
        Title = title,
        Author = "ada",
        Changes = changes,
    };
}
