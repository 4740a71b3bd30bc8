namespace Nexus.Server.Tests.Hosting;

/// <summary>What the server says when it starts.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Start_up_logs_the_address_the_server_listens_on()
    {
        await using var host = await TestServerHost.StartAsync(_data.Path);

        Assert.Contains($"Nexus is running at {host.Client.BaseAddress!.ToString().TrimEnd('/')}", host.Log.Messages);
    }

    [Fact]
    public async Task An_internal_error_is_logged_with_its_exception_while_the_response_hides_it()
    {
        await using var host = await TestServerHost.StartAsync(_data.Path);

        using var response = await host.Client.GetAsync(new Uri("/test/throw", UriKind.Relative), TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(host.Log.Messages, m => m.Contains("GET /test/throw failed", StringComparison.Ordinal) && m.Contains("hunter2", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }
}
