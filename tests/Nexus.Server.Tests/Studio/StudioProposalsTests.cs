using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Data;
using Nexus.Server.Tests.Api.Panels;
using Nexus.Server.Tests.Api.Proposals;
using Nexus.Studio.Platform;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Tests.Studio;

/// <summary>
/// The Studio's proposals port runs the HTTP API's rules (one copy, <c>ProposalDecisions</c>): who may accept (the
/// accept role) and who may reject (the owner, or the author when an editor), re-checked on every decision.
/// </summary>
public sealed class StudioProposalsTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task By_default_the_owner_accepts_and_rejects_any_an_editor_rejects_only_their_own_and_a_viewer_nothing()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var team = await TeamAsync(server);
        var port = server.Services.GetRequiredService<IStudioProposals>();

        Assert.Equal(new ProposalActions(true, true), await port.ActionsAsync(team.Ada.Id, team.Workspace, team.ByEve, Ct));
        Assert.Equal(new ProposalActions(false, true), await port.ActionsAsync(team.Eve.Id, team.Workspace, team.ByEve, Ct));
        Assert.Equal(ProposalActions.None, await port.ActionsAsync(team.Eve.Id, team.Workspace, team.ByAda, Ct));
        Assert.Equal(ProposalActions.None, await port.ActionsAsync(team.Vic.Id, team.Workspace, team.ByEve, Ct));
    }

    [Fact]
    public async Task With_editors_as_acceptors_an_editor_may_accept_someone_elses_proposal_but_still_not_reject_it()
    {
        await using var server = new PanelsTestServer(_data.Path, new Dictionary<string, string?> { ["Nexus:Api:Proposals:AcceptRole"] = "Editor" });
        var team = await TeamAsync(server);
        var port = server.Services.GetRequiredService<IStudioProposals>();

        Assert.Equal(new ProposalActions(true, false), await port.ActionsAsync(team.Eve.Id, team.Workspace, team.ByAda, Ct));
        Assert.Equal(ProposalActions.None, await port.ActionsAsync(team.Vic.Id, team.Workspace, team.ByAda, Ct));

        var accepted = await port.AcceptAsync(team.Eve.Id, team.Workspace, team.ByAda, Ct);
        Assert.Equal(ProposalStatus.Applied, accepted.Status);
        Assert.Equal(ProposalActions.None, await port.ActionsAsync(team.Ada.Id, team.Workspace, team.ByAda, Ct));
    }

    [Fact]
    public async Task Decisions_are_checked_again_and_refused_with_the_APIs_codes()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var team = await TeamAsync(server);
        var port = server.Services.GetRequiredService<IStudioProposals>();

        var accept = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.AcceptAsync(team.Eve.Id, team.Workspace, team.ByEve, Ct));
        var reject = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.RejectAsync(team.Eve.Id, team.Workspace, team.ByAda, Ct));
        var viewer = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.RejectAsync(team.Vic.Id, team.Workspace, team.ByEve, Ct));
        var unknown = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.ActionsAsync(team.Ada.Id, team.Workspace, "0123456789ab", Ct));
        var stranger = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.ActionsAsync(Guid.NewGuid(), team.Workspace, team.ByEve, Ct));

        Assert.Equal(("FORBIDDEN", "FORBIDDEN", "FORBIDDEN"), (accept.Code, reject.Code, viewer.Code));
        Assert.Equal("NOT_FOUND", unknown.Code);
        Assert.True(stranger.IsNotFound);
        var pending = await server.GetAsync($"/api/workspaces/{team.Workspace}/proposals?status=pending", team.Ada);
        Assert.Equal(2, pending.Json.GetProperty("proposals").GetArrayLength());

        var withdrawn = await port.RejectAsync(team.Eve.Id, team.Workspace, team.ByEve, Ct);
        Assert.Equal(ProposalStatus.Rejected, withdrawn.Status);
        var again = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.RejectAsync(team.Ada.Id, team.Workspace, team.ByEve, Ct));
        Assert.Equal("INVALID_STATE", again.Code);
    }

    [Fact]
    public async Task Author_names_are_resolved_for_members_and_only_for_the_workspaces_authors()
    {
        await using var server = new PanelsTestServer(_data.Path);
        var team = await TeamAsync(server);
        var outsider = await server.SignUpAsync("olga@example.org");
        var port = server.Services.GetRequiredService<IStudioProposals>();

        var names = await port.AuthorNamesAsync(team.Vic.Id, team.Workspace, [team.Eve.Id.ToString("D"), outsider.Id.ToString("D"), "not-a-user"], Ct);
        var refused = await Assert.ThrowsAsync<PlatformRefusalException>(() => port.AuthorNamesAsync(outsider.Id, team.Workspace, [team.Eve.Id.ToString("D")], Ct));

        Assert.Equal("eve", Assert.Single(names, n => n.Key == team.Eve.Id.ToString("D")).Value);
        Assert.Single(names);
        Assert.True(refused.IsNotFound);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Ada owns a workspace with the counter panel; Eve edits and Vic views it; Ada and Eve each proposed a change.</summary>
    private static async Task<Team> TeamAsync(PanelsTestServer server)
    {
        var ada = await server.SignUpAsync("ada@example.org");
        var eve = await server.SignUpAsync("eve@example.org");
        var vic = await server.SignUpAsync("vic@example.org");
        var ws = await server.CreateWorkspaceAsync(ada);
        var root = $"/api/workspaces/{ws}";
        Assert.Equal(HttpStatusCode.Created, (await server.PostAsync(root + "/panels", ada, new { source = PanelsApiTests.Counter })).Status);
        await server.AddMemberAsync(ws, eve, WorkspaceRole.Editor);
        await server.AddMemberAsync(ws, vic, WorkspaceRole.Viewer);
        var byAda = await server.PostAsync(root + "/proposals", ada, ProposalsApiTests.Retitle("Tally"));
        var byEve = await server.PostAsync(root + "/proposals", eve, ProposalsApiTests.Retitle("Score"));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (byAda.Status, byEve.Status));
        return new Team(Guid.Parse(ws), ada, eve, vic, byAda.Json.GetProperty("id").GetString()!, byEve.Json.GetProperty("id").GetString()!);
    }

    private sealed record Team(Guid Workspace, TestUser Ada, TestUser Eve, TestUser Vic, string ByAda, string ByEve);
}
