using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Hosting;
using Nexus.Workspace;
using Nexus.Workspace.Git;

namespace Nexus.Server.Tests.Hosting;

/// <summary>The workspace host inside the real server: lazy opening, one instance per id, flush on shutdown.</summary>
public sealed class WorkspaceHostTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task State_survives_a_host_restart_on_the_same_data_directory()
    {
        await using (var first = new TestServerFactory(_data.Path))
        {
            var host = first.Services.GetRequiredService<WorkspaceHost>();
            var workspace = await host.CreateAsync("alpha", "Alpha");
            await workspace.AddPanelAsync(TestServerPanels.Counter);
            for (var i = 0; i < 3; i++)
            {
                await workspace.GetPanel("counter").CallAsync("inc");
            }
        }

        await using var second = new TestServerFactory(_data.Path);
        var reopened = await second.Services.GetRequiredService<WorkspaceHost>().GetAsync("alpha");
        var result = await reopened.GetPanel("counter").CallAsync("inc");

        Assert.Equal("Alpha", reopened.Name);
        Assert.Equal(4, result.ReturnValue!.GetValue<double>());
    }

    [Fact]
    public async Task Graceful_shutdown_commits_pending_state_that_the_debounced_writer_had_not_written()
    {
        // A ten-minute debounce: only the shutdown flush can have committed the count.
        static void SlowWriter(IServiceCollection services) =>
            services.AddSingleton(WorkspaceOptions.Default with { PersistDebounce = TimeSpan.FromMinutes(10) });
        await using (var server = new TestServerFactory(_data.Path, SlowWriter))
        {
            var workspace = await server.Services.GetRequiredService<WorkspaceHost>().CreateAsync("beta", "Beta");
            await workspace.AddPanelAsync(TestServerPanels.Counter);
            await workspace.GetPanel("counter").CallAsync("inc");
            await workspace.GetPanel("counter").CallAsync("inc");
        }

        using var git = GitStore.Open(Path.Combine(_data.Path, "workspaces", "beta", WorkspacePaths.RepositoryFolder));
        var state = JsonNode.Parse(git.ReadText(WorkspacePaths.PanelState("counter"))!)!;
        Assert.Equal(2, state["count"]!.GetValue<double>());
    }

    [Fact]
    public async Task Every_caller_of_stop_waits_until_the_workspaces_are_closed()
    {
        await using var server = new TestServerFactory(_data.Path);
        var host = server.Services.GetRequiredService<WorkspaceHost>();
        for (var i = 0; i < 4; i++)
        {
            var workspace = await host.CreateAsync($"w{i}", $"W{i}");
            await workspace.AddPanelAsync(TestServerPanels.Counter);
        }

        var first = host.StopAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, host.OpenWorkspaceCount);
        await using var reopened = await NexusWorkspace.OpenAsync(Path.Combine(_data.Path, "workspaces", "w3")); // its lock was released
        Assert.Equal("W3", reopened.Name);
        await first;
        var refused = await Assert.ThrowsAsync<WorkspaceException>(() => host.GetAsync("w0"));
        Assert.Equal(WorkspaceHost.ShuttingDownCode, refused.Code);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_id_share_one_open_instance()
    {
        await using var server = new TestServerFactory(_data.Path);
        var host = server.Services.GetRequiredService<WorkspaceHost>();
        await host.CreateAsync("gamma", "Gamma");
        await host.CloseAsync("gamma");
        Assert.Equal(0, host.OpenWorkspaceCount);

        var opened = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => host.GetAsync("gamma"), TestContext.Current.CancellationToken)));

        Assert.All(opened, w => Assert.Same(opened[0], w));
        Assert.Equal(1, host.OpenWorkspaceCount);
    }

    [Fact]
    public async Task Counts_follow_open_workspaces_and_running_panels()
    {
        await using var server = new TestServerFactory(_data.Path);
        var host = server.Services.GetRequiredService<WorkspaceHost>();
        var one = await host.CreateAsync("one", "One");
        await one.AddPanelAsync(TestServerPanels.Counter);
        await one.AddPanelAsync(TestServerPanels.Counter, "counter-2");
        await host.CreateAsync("two", "Two");

        Assert.Equal(2, host.OpenWorkspaceCount);
        Assert.Equal(2, host.ActivePanelCount);
        Assert.Equal(["one", "two"], host.ListIds());
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("-leading-dash")]
    [InlineData("../escape")]
    [InlineData("trailing\n")]
    [InlineData("")]
    public async Task Invalid_ids_are_refused_with_INVALID_WORKSPACE_ID(string id)
    {
        await using var server = new TestServerFactory(_data.Path);
        var host = server.Services.GetRequiredService<WorkspaceHost>();

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => host.GetAsync(id));

        Assert.Equal(WorkspaceIds.InvalidCode, error.Code);
    }

    [Fact]
    public void A_generated_id_is_valid()
    {
        Assert.True(WorkspaceIds.IsValid(WorkspaceIds.New()));
        Assert.True(WorkspaceIds.IsValid(new string('a', 63)));
        Assert.False(WorkspaceIds.IsValid(new string('a', 64)));
    }

    [Fact]
    public async Task Unknown_taken_and_removed_workspaces_are_reported_with_their_codes()
    {
        await using var server = new TestServerFactory(_data.Path);
        var host = server.Services.GetRequiredService<WorkspaceHost>();
        await host.CreateAsync("delta", "Delta");

        var missing = await Assert.ThrowsAsync<WorkspaceException>(() => host.GetAsync("nobody"));
        var taken = await Assert.ThrowsAsync<WorkspaceException>(() => host.CreateAsync("delta", "Again"));
        await host.RemoveAsync("delta");
        var removed = await Assert.ThrowsAsync<WorkspaceException>(() => host.GetAsync("delta"));

        Assert.Equal(WorkspaceErrorCodes.NotFound, missing.Code);
        Assert.Equal(WorkspaceErrorCodes.Exists, taken.Code);
        Assert.Equal(WorkspaceErrorCodes.NotFound, removed.Code);
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "workspaces", "delta")));
    }

    [Fact]
    public async Task A_clone_has_the_panels_and_state_of_its_source()
    {
        await using var server = new TestServerFactory(_data.Path);
        var host = server.Services.GetRequiredService<WorkspaceHost>();
        var source = await host.CreateAsync("origin", "Origin");
        await source.AddPanelAsync(TestServerPanels.Counter);
        await source.GetPanel("counter").CallAsync("inc");

        var clone = await host.CloneAsync("origin", "copy", "Copy");
        var result = await clone.GetPanel("counter").CallAsync("inc");

        Assert.Equal("Copy", clone.Name);
        Assert.Equal(2, result.ReturnValue!.GetValue<double>());
        Assert.Same(clone, await host.GetAsync("copy"));
    }
}
