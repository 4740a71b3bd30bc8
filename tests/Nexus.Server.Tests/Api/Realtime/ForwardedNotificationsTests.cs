using Nexus.Server.Api.Realtime;

namespace Nexus.Server.Tests.Api.Realtime;

public sealed class ForwardedNotificationsTests
{
    [Fact]
    public async Task A_wait_ends_once_the_pump_forwarded_that_many_notifications()
    {
        var forwarded = new ForwardedNotifications();
        Assert.True(forwarded.WaitForAsync(0, TestContext.Current.CancellationToken).IsCompleted);

        var wait = forwarded.WaitForAsync(3, TestContext.Current.CancellationToken);
        forwarded.Forwarded();
        forwarded.Forwarded();
        Assert.False(wait.IsCompleted);

        forwarded.Forwarded();
        await wait.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(forwarded.WaitForAsync(3, TestContext.Current.CancellationToken).IsCompleted);
    }

    [Fact]
    public async Task A_pump_that_stops_releases_the_wait_and_every_later_one()
    {
        var forwarded = new ForwardedNotifications();
        var wait = forwarded.WaitForAsync(5, TestContext.Current.CancellationToken);

        forwarded.Stopped();

        await wait.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(forwarded.WaitForAsync(long.MaxValue, TestContext.Current.CancellationToken).IsCompleted);
    }

    [Fact]
    public async Task A_wait_registered_while_the_pump_catches_up_is_never_lost()
    {
        // The pump runs on its own thread; a waiter that registers as the last notification is forwarded must still end.
        for (var round = 0; round < 2_000; round++)
        {
            var forwarded = new ForwardedNotifications();
            var pump = Task.Run(forwarded.Forwarded, TestContext.Current.CancellationToken);
            var wait = forwarded.WaitForAsync(1, TestContext.Current.CancellationToken);
            await pump;
            await wait.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_cancelled_session_ends_the_wait()
    {
        var forwarded = new ForwardedNotifications();
        using var session = new CancellationTokenSource();
        var wait = forwarded.WaitForAsync(1, session.Token);

        await session.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
