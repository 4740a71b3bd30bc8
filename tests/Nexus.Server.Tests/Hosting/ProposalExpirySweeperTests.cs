using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Hosting;
using Nexus.Workspace;
using Nexus.Workspace.Git;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Tests.Hosting;

/// <summary>The server expires overdue proposals of workspaces that stay open, without anyone asking for them.</summary>
public sealed class ProposalExpirySweeperTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_overdue_proposal_of_an_open_workspace_expires_and_loses_its_branch()
    {
        static void ShortLivedProposals(IServiceCollection services) =>
            services.AddSingleton(WorkspaceOptions.Default with { Proposals = ProposalOptions.Default with { MaxAge = TimeSpan.FromSeconds(2) } });
        await using var server = new TestServerFactory(_data.Path, ShortLivedProposals, new Dictionary<string, string?> { ["Nexus:ProposalSweepInterval"] = "00:00:01" });
        var workspace = await server.Services.GetRequiredService<WorkspaceHost>().CreateAsync("sweep", "Sweep");
        var proposal = await workspace.ProposeAsync(new ProposalRequest
        {
            Title = "A counter",
            Author = "ada@example.org",
            Changes = [FileChange.Write("panels/counter.nxml", TestServerPanels.Counter)],
        });
        Assert.True(workspace.Git.BranchExists(proposal.Branch));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (workspace.Proposals.Get(proposal.Id)?.Status == ProposalStatus.Pending && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(ProposalStatus.Expired, workspace.Proposals.Get(proposal.Id)?.Status);
        Assert.False(workspace.Git.BranchExists(proposal.Branch));
    }

    [Fact]
    public async Task A_sweep_interval_out_of_range_stops_the_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServerHost.StartAsync(new Dictionary<string, string?>
        {
            ["Nexus:DataDirectory"] = _data.Path,
            ["Nexus:ProposalSweepInterval"] = "00:00:00.5",
        }));

        Assert.Contains("Nexus:ProposalSweepInterval", error.Message, StringComparison.Ordinal);
    }
}
