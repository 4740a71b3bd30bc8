using Nexus.Reactor;
using Nexus.Workspace.Hosting;

namespace Nexus.Workspace.Tests.Hosting;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task Subscribers_hear_every_committed_change_in_order_with_the_version()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        using var subscription = panel.Subscribe(64);

        for (var i = 0; i < 5; i++)
        {
            await panel.CallAsync("inc");
        }

        var versions = new List<long>();
        while (subscription.Reader.TryRead(out var notification))
        {
            var committed = Assert.IsType<StateCommitted>(notification);
            Assert.Equal("count", Assert.Single(committed.Mutations).Key);
            versions.Add(committed.Version);
        }

        Assert.Equal(5, versions.Count);
        Assert.Equal(Enumerable.Range((int)versions[0], 5).Select(v => (long)v), versions);
    }

    [Fact]
    public async Task When_a_call_returns_its_notifications_are_already_queued_and_counted()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        using var everything = panel.Subscribe(64);
        using var none = panel.Subscribe(64);
        none.Wants = _ => false;

        await panel.CallAsync("inc");
        await panel.CallAsync("inc");

        // A reader that has taken Delivered notifications has heard everything the calls did (a socket sends their
        // answers only then); notifications a subscriber does not want are not counted.
        Assert.Equal(2, everything.Delivered);
        Assert.Equal(everything.Delivered, everything.Reader.Count);
        Assert.Equal(0, none.Delivered);
    }

    [Fact]
    public async Task A_subscriber_hears_only_the_notifications_it_wants_and_the_others_take_no_room_in_its_queue()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        using var everything = panel.Subscribe(64);
        // Six commits, three of them wanted: they fit a queue of three only if the unwanted ones are never queued.
        using var evenOnly = panel.Subscribe(3);
        evenOnly.Wants = n => n.Version % 2 == 0;

        for (var i = 0; i < 6; i++)
        {
            await panel.CallAsync("inc");
        }

        var all = Drain(everything);
        var even = Drain(evenOnly);

        Assert.Equal(6, all.Count);
        Assert.False(evenOnly.Dropped);
        Assert.Equal(all.Where(v => v % 2 == 0), even);
        Assert.Equal(3, even.Count);
    }

    private static List<long> Drain(PanelSubscription subscription)
    {
        var versions = new List<long>();
        while (subscription.Reader.TryRead(out var notification))
        {
            versions.Add(notification.Version);
        }

        return versions;
    }

    [Fact]
    public async Task A_subscriber_that_does_not_read_is_dropped_without_slowing_the_panel_or_the_others()
    {
        await using var fixture = new WorkspaceFixture();
        var workspace = await fixture.CreateAsync();
        var panel = await workspace.AddPanelAsync(TestPanels.Counter);
        using var stuck = panel.Subscribe(4);
        using var reader = panel.Subscribe(4);
        var heard = 0;
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in reader.Reader.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                heard++;
            }
        }, TestContext.Current.CancellationToken);

        for (var i = 0; i < 50; i++)
        {
            Assert.True((await panel.CallAsync("inc")).Succeeded);
            await Task.Yield();
            await WorkspaceFixture.EventuallyAsync(() => reader.Reader.Count == 0, "the reading subscriber keeps up");
        }

        Assert.True(stuck.Dropped);
        Assert.False(reader.Dropped);
        Assert.Equal(1, panel.SubscriberCount);
        var last = default(PanelNotification);
        while (stuck.Reader.TryRead(out var n))
        {
            last = n;
        }

        Assert.IsType<SubscriberDropped>(last);
        reader.Dispose();
        await reading.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(50, heard);
    }
}
