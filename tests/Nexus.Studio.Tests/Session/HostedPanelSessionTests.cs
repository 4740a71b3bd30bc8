using Nexus.Reactor;
using Nexus.Reactor.Execution;
using Nexus.Studio.Rendering.Session;
using Nexus.Studio.Tests.Support;

namespace Nexus.Studio.Tests.Session;

public sealed class HostedPanelSessionTests
{
    private const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data><State name="count" type="number" default="0" /></Data>
          <Logic><Tool name="inc"><Handler>$state.count = $state.count + 1;</Handler></Tool></Logic>
          <View><Text>{$state.count}</Text></View>
        </NexusPanel>
        """;

    [Fact]
    public async Task A_session_that_falls_behind_hears_the_panel_again_and_asks_for_a_full_refresh()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        await using var session = new HostedPanelSession(live.Panel, new PanelSessionOptions { SubscriberCapacity = 1 });
        using var release = new ManualResetEventSlim();
        var changes = new List<PanelChange>();
        var blockedOnce = 0;
        session.Changed += change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }

            // The first change holds the session's reader: the next notifications overflow its queue.
            if (Interlocked.Exchange(ref blockedOnce, 1) == 0)
            {
                release.Wait(Waiting.Timeout);
            }
        };

        for (var i = 0; i < 5; i++)
        {
            await live.Panel.CallAsync("inc");
        }

        release.Set();
        await WaitUntilAsync(() => Snapshot(changes).Contains(PanelChange.All));
        var before = Snapshot(changes).Count;
        await live.Panel.CallAsync("inc");

        await WaitUntilAsync(() => Snapshot(changes).Count > before); // still hearing the panel after the drop
        Assert.Equal(2, live.Panel.SubscriberCount); // this session (subscribed again) and the LivePanel's own
    }

    [Fact]
    public async Task A_listener_that_throws_stops_neither_the_other_listeners_nor_the_stream()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        await using var session = new HostedPanelSession(live.Panel);
        var heard = 0;
        session.Changed += _ => throw new InvalidOperationException("a view torn down mid-call");
        session.Changed += change =>
        {
            if ((change & PanelChange.State) != PanelChange.None)
            {
                Interlocked.Increment(ref heard);
            }
        };

        await live.Panel.CallAsync("inc");
        await WaitUntilAsync(() => Volatile.Read(ref heard) >= 1);
        await live.Panel.CallAsync("inc");

        await WaitUntilAsync(() => Volatile.Read(ref heard) >= 2);
    }

    [Fact]
    public async Task Disposing_a_session_unsubscribes_it_from_the_panel()
    {
        await using var live = await LivePanel.StartAsync(Counter);
        var subscribers = live.Panel.SubscriberCount;
        var session = new HostedPanelSession(live.Panel);
        Assert.Equal(subscribers + 1, live.Panel.SubscriberCount);

        await session.DisposeAsync();

        Assert.Equal(subscribers, live.Panel.SubscriberCount);
    }

    [Fact]
    public async Task Disposing_a_session_again_while_or_after_it_stops_does_nothing()
    {
        // A page syncs its sessions both after its own change and on the workspace's event; both may end one session.
        await using var live = await LivePanel.StartAsync(Counter);
        var subscribers = live.Panel.SubscriberCount;
        var session = new HostedPanelSession(live.Panel);

        var first = session.DisposeAsync().AsTask();
        var second = session.DisposeAsync().AsTask();
        await Task.WhenAll(first, second);
        await session.DisposeAsync();

        Assert.Equal(subscribers, live.Panel.SubscriberCount);
    }

    [Fact]
    public void Progress_ends_with_the_final_commit_a_failure_or_the_execution_time_limit()
    {
        var time = new ManualTime();
        var progress = new ProgressTracker(TimeSpan.FromSeconds(5), time);

        Assert.True(progress.Apply(Committed("load", inProgress: true)));
        Assert.False(progress.Apply(Committed("bind:$state.x", inProgress: true)));
        Assert.Equal(["load"], progress.Running);
        Assert.True(progress.Apply(Committed("load", inProgress: false)));
        Assert.Empty(progress.Running);

        progress.Start("slow");
        time.Now += TimeSpan.FromSeconds(4);
        Assert.Equal(["slow"], progress.Running);
        time.Now += TimeSpan.FromSeconds(2);
        Assert.Empty(progress.Running);
    }

    [Fact]
    public void The_activity_feed_keeps_only_the_latest_entries()
    {
        var feed = new ActivityFeed(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            feed.Add(new ActivityEntry(DateTimeOffset.UnixEpoch, "info", "line " + i));
        }

        Assert.Equal(["line 2", "line 3", "line 4"], feed.Recent(10).Select(e => e.Message));
        Assert.Equal(["line 4"], feed.Recent(1).Select(e => e.Message));
    }

    private static StateCommitted Committed(string tool, bool inProgress) => new(1, tool, inProgress, [new StateMutation("x", null)], []);

    private static List<PanelChange> Snapshot(List<PanelChange> changes)
    {
        lock (changes)
        {
            return [.. changes];
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Waiting.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(10, Xunit.TestContext.Current.CancellationToken);
        }
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
