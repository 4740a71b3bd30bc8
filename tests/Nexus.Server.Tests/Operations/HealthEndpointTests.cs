using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Operations;

namespace Nexus.Server.Tests.Operations;

/// <summary><c>/health/live</c> and <c>/health/ready</c> with the built-in probes and test probes.</summary>
public sealed class HealthEndpointTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Live_is_200()
    {
        await using var server = new TestServerFactory(_data.Path);
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_is_200_and_lists_the_storage_and_workspace_probes()
    {
        await using var server = new TestServerFactory(_data.Path);
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var probes = json.RootElement.GetProperty("probes").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("ready").GetBoolean());
        Assert.True(probes["storage"]);
        Assert.True(probes["workspaces"]);
    }

    [Fact]
    public async Task Ready_is_503_naming_the_probe_that_is_not_ready()
    {
        await using var server = new TestServerFactory(_data.Path, s => s.AddSingleton<IReadinessProbe>(new FixedProbe("database", ReadinessResult.NotReady("migrations pending"))));
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("NOT_READY", json.RootElement.GetProperty("code").GetString());
        var failing = json.RootElement.GetProperty("probes").EnumerateArray().Single(p => !p.GetProperty("ready").GetBoolean());
        Assert.Equal("database", failing.GetProperty("name").GetString());
        Assert.Equal("migrations pending", failing.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_probe_that_throws_is_not_ready_and_its_exception_does_not_leak()
    {
        await using var server = new TestServerFactory(_data.Path, s => s.AddSingleton<IReadinessProbe>(new ThrowingProbe()));
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"broken\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_is_503_once_the_workspace_host_is_shutting_down()
    {
        await using var server = new TestServerFactory(_data.Path);
        using var client = server.CreateClient();
        await server.Services.GetRequiredService<Nexus.Server.Hosting.WorkspaceHost>().StopAsync(TestContext.Current.CancellationToken);

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("workspaces", text, StringComparison.Ordinal);
    }

    private sealed class FixedProbe(string name, ReadinessResult result) : IReadinessProbe
    {
        public string Name => name;

        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(result);
    }

    private sealed class ThrowingProbe : IReadinessProbe
    {
        public string Name => "broken";

        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Password=hunter2");
    }
}
