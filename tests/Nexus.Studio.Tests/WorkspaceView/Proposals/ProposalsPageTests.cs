using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Studio.Platform;
using Nexus.Studio.Tests.Support;
using Nexus.Workspace.Git;
using Nexus.Workspace.Proposals;

namespace Nexus.Studio.Tests.WorkspaceView.Proposals;

/// <summary>The proposals page over a real workspace: the list by status, a review's diffs and NOG diff, and decisions.</summary>
public sealed class ProposalsPageTests
{
    private const string Path = "panels/counter.nxml";

    private const string Counter = """
        <NexusPanel id="counter" title="Counter">
          <Data><State name="count" type="number" default="0" /></Data>
          <View><Text className="count">Count: {$state.count}</Text></View>
        </NexusPanel>
        """;

    private static readonly string Ada = Guid.NewGuid().ToString("D");

    [Fact]
    public async Task The_list_shows_pending_proposals_first_and_filters_by_status()
    {
        await using var page = await ProposalsAsync();
        page.Proposals.Names[Ada] = "Ada Lovelace";
        var tally = await ProposeAsync(page.Live, "Rename to Tally", Retitled("Tally"), Ada);
        var score = await ProposeAsync(page.Live, "Rename to Score", Retitled("Score"), "someone-gone");
        await page.Live.Workspace.RejectProposalAsync(score.Id);

        var list = page.RenderList();

        Assert.Equal("yes", list.Find("[data-status-chip=pending]").GetAttribute("data-selected"));
        Assert.Contains("(1)", list.Find("[data-status-chip=rejected]").TextContent, StringComparison.Ordinal);
        var row = Assert.Single(list.FindAll("[data-proposal]"));
        Assert.Equal(tally.Id, row.GetAttribute("data-proposal"));
        Assert.Contains("Rename to Tally", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ada Lovelace", row.QuerySelector("[data-proposal-author]")!.TextContent);
        Assert.Contains("1 file changed", row.TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/proposals/{tally.Id}", row.GetAttribute("href"), StringComparison.Ordinal);

        list.Find("[data-status-chip=rejected]").Click();
        var rejected = Assert.Single(list.FindAll("[data-proposal]"));
        Assert.Equal(score.Id, rejected.GetAttribute("data-proposal"));
        Assert.Equal("someone-gone", rejected.QuerySelector("[data-proposal-author]")!.TextContent);

        list.Find("[data-status-chip=applied]").Click();
        Assert.Empty(list.FindAll("[data-proposal]"));
        Assert.Contains("No applied proposals", list.Find("[data-empty=proposals]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_shows_the_changed_line_unified_and_then_side_by_side()
    {
        await using var page = await ProposalsAsync();
        var proposal = await ProposeAsync(page.Live, "Rename to Tally", Retitled("Tally"), Ada, "The counter counts a tally.");

        var review = page.RenderReview(proposal.Id);

        Assert.Equal("The counter counts a tally.", review.Find("[data-proposal-description]").TextContent);
        var file = review.Find($"[data-proposal-file='{Path}']");
        Assert.Contains("title=\"Tally\"", Assert.Single(file.QuerySelectorAll("[data-diff-line=added]")).TextContent, StringComparison.Ordinal);
        Assert.Contains("title=\"Counter\"", Assert.Single(file.QuerySelectorAll("[data-diff-line=removed]")).TextContent, StringComparison.Ordinal);
        Assert.Empty(review.FindAll("[data-diff-mode=split]"));

        review.Find("[data-action=diff-split]").Click();

        var changed = Assert.Single(review.FindAll("[data-diff-mode=split] tr"), row => row.QuerySelector("[data-diff-line=removed]") is not null);
        Assert.Contains("title=\"Counter\"", changed.QuerySelector("[data-diff-side=old]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("title=\"Tally\"", changed.QuerySelector("[data-diff-side=new][data-diff-line=added]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("yes", review.Find("[data-action=diff-split]").GetAttribute("data-selected"));

        review.Find("[data-action=diff-unified]").Click();
        Assert.Empty(review.FindAll("[data-diff-mode=split]"));
        Assert.Single(review.FindAll("pre.studio-diff"));
    }

    [Fact]
    public async Task The_NOG_diff_says_in_words_which_entities_were_added_and_what_changed()
    {
        await using var page = await ProposalsAsync();
        var withTotal = Retitled("Tally").Replace("</Data>", "<State name=\"total\" type=\"number\" default=\"0\" /></Data>", StringComparison.Ordinal);
        var proposal = await ProposeAsync(page.Live, "Count a total", withTotal, Ada);

        var review = page.RenderReview(proposal.Id);

        var graph = review.Find("[data-section=graph-diff]");
        var added = graph.QuerySelector("[data-graph-change=entity-added][data-graph-id='state:counter/total']");
        Assert.NotNull(added);
        Assert.Contains("Entity added: “total”", added.TextContent, StringComparison.Ordinal);
        var renamed = graph.QuerySelector("[data-graph-change=entity-changed][data-graph-id='panel:counter'] [data-graph-field=name]");
        Assert.NotNull(renamed);
        Assert.Equal("name: “Counter” → “Tally”", renamed.TextContent);
        var linked = graph.QuerySelectorAll("[data-graph-change=relationship-added]").Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains(linked, text => text.StartsWith("Relationship added: panel:counter ", StringComparison.Ordinal) && text.EndsWith(" state:counter/total", StringComparison.Ordinal));
        Assert.DoesNotContain("{", graph.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Only_the_decisions_the_platform_allows_are_offered(bool mayAccept, bool mayReject)
    {
        await using var page = await ProposalsAsync();
        page.Proposals.Actions = new ProposalActions(mayAccept, mayReject);
        var proposal = await ProposeAsync(page.Live, "Rename to Tally", Retitled("Tally"), Ada);

        var review = page.RenderReview(proposal.Id);

        Assert.Equal(mayAccept, review.FindAll("[data-action=accept-proposal]").Count == 1);
        Assert.Equal(mayReject, review.FindAll("[data-action=reject-proposal]").Count == 1);
    }

    [Fact]
    public async Task Accepting_after_the_confirmation_changes_the_live_panel_and_shows_the_new_status()
    {
        await using var page = await ProposalsAsync();
        page.Proposals.Actions = new ProposalActions(true, true);
        var proposal = await ProposeAsync(page.Live, "Rename to Tally", Retitled("Tally"), Ada);
        var review = page.RenderReview(proposal.Id);

        review.Find("[data-action=accept-proposal]").Click();
        Confirm(review, "Accept");

        review.Until(() => Assert.Equal("applied", review.Find("[data-section=proposal-review]").GetAttribute("data-proposal-status")));
        Assert.Equal("Tally", page.Live.Workspace.GetPanel("counter").Title);
        Assert.NotNull(review.Find("[data-merged-sha]"));
        Assert.Empty(review.FindAll("[data-refusal]"));
    }

    [Fact]
    public async Task Cancelling_the_confirmation_decides_nothing()
    {
        await using var page = await ProposalsAsync();
        page.Proposals.Actions = new ProposalActions(true, true);
        var proposal = await ProposeAsync(page.Live, "Rename to Tally", Retitled("Tally"), Ada);
        var review = page.RenderReview(proposal.Id);

        review.Find("[data-action=reject-proposal]").Click();
        Confirm(review, "Cancel");

        review.Until(() => Assert.Empty(review.FindAll(".mud-dialog")));
        Assert.Equal(ProposalStatus.Pending, page.Live.Workspace.Proposals.Get(proposal.Id)!.Status);
    }

    [Fact]
    public async Task A_refused_decision_is_shown_and_changes_nothing()
    {
        await using var page = await ProposalsAsync();
        page.Proposals.Actions = new ProposalActions(false, true);
        page.Proposals.Refusal = new PlatformRefusalException("FORBIDDEN", "Only the workspace's owner or the proposal's author may reject it.");
        var proposal = await ProposeAsync(page.Live, "Rename to Tally", Retitled("Tally"), Ada);
        var review = page.RenderReview(proposal.Id);

        review.Find("[data-action=reject-proposal]").Click();
        Confirm(review, "Reject");

        review.Until(() => Assert.Contains("may reject it", review.Find("[data-refusal=FORBIDDEN]").TextContent, StringComparison.Ordinal));
        Assert.Equal("pending", review.Find("[data-section=proposal-review]").GetAttribute("data-proposal-status"));
        Assert.Equal(ProposalStatus.Pending, page.Live.Workspace.Proposals.Get(proposal.Id)!.Status);
    }

    [Fact]
    public async Task A_proposal_that_no_longer_merges_shows_the_conflict_and_its_new_status()
    {
        await using var page = await ProposalsAsync();
        page.Proposals.Actions = new ProposalActions(true, true);
        var proposal = await ProposeAsync(page.Live, "Rename to Tally", Retitled("Tally"), Ada);
        await page.Live.Workspace.ReplaceSourceAsync("counter", Retitled("Score"));
        var review = page.RenderReview(proposal.Id);

        review.Find("[data-action=accept-proposal]").Click();
        Confirm(review, "Accept");

        review.Until(() => Assert.NotNull(review.Find("[data-refusal=CONFLICT]")));
        Assert.Equal("conflicted", review.Find("[data-section=proposal-review]").GetAttribute("data-proposal-status"));
        Assert.Equal(Path, review.Find("[data-conflicting-paths]").GetAttribute("data-conflicting-paths"));
        Assert.Equal("Score", page.Live.Workspace.GetPanel("counter").Title);
    }

    [Fact]
    public async Task An_unknown_proposal_says_so()
    {
        await using var page = await ProposalsAsync();

        var review = page.Live.Bunit.Render<ProposalsPageHost>(p => p.Add(h => h.WorkspaceId, page.Port.WorkspaceId).Add(h => h.ProposalId, "0123456789ab"));

        review.Until(() => Assert.Contains("0123456789ab", review.Find("[data-refusal=NOT_FOUND]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_workspace_header_links_to_the_proposals_with_the_number_pending()
    {
        await using var page = await ProposalsAsync();
        await ProposeAsync(page.Live, "Rename to Tally", Retitled("Tally"), Ada);

        var workspace = page.Live.RenderWorkspacePage(page.Port.WorkspaceId);

        workspace.Until(() => Assert.NotNull(workspace.Find("[data-action=show-proposals]")));
        Assert.Equal($"/w/{page.Port.WorkspaceId:D}/proposals", workspace.Find("[data-action=show-proposals]").GetAttribute("href"));
        Assert.Equal("1", workspace.Find("[data-pending-proposals]").GetAttribute("data-pending-proposals"));
    }

    [Fact]
    public async Task The_list_the_review_and_the_pending_count_follow_proposals_made_and_decided_elsewhere()
    {
        // Made and decided through the workspace (as the API or MCP would) while each view is open; one view at a time,
        // since each host brings its own popover provider.
        await using var page = await ProposalsAsync();
        var list = page.RenderList();
        Assert.Empty(list.FindAll("[data-proposal]"));
        var tally = await ProposeAsync(page.Live, "Rename to Tally", Retitled("Tally"), Ada);
        list.Until(() => Assert.Equal(tally.Id, Assert.Single(list.FindAll("[data-proposal]")).GetAttribute("data-proposal")));
        await page.Live.Bunit.DisposeComponentsAsync();

        var review = page.RenderReview(tally.Id);
        Assert.Equal("pending", review.Find("[data-section=proposal-review]").GetAttribute("data-proposal-status"));
        await page.Live.Workspace.RejectProposalAsync(tally.Id);
        review.Until(() => Assert.Equal("rejected", review.Find("[data-section=proposal-review]").GetAttribute("data-proposal-status")));
        await page.Live.Bunit.DisposeComponentsAsync();

        var workspace = page.Live.RenderWorkspacePage(page.Port.WorkspaceId);
        workspace.Until(() => Assert.Equal("0", workspace.Find("[data-pending-proposals]").GetAttribute("data-pending-proposals")));
        await ProposeAsync(page.Live, "Rename to Score", Retitled("Score"), Ada);
        workspace.Until(() => Assert.Equal("1", workspace.Find("[data-pending-proposals]").GetAttribute("data-pending-proposals")));
    }

    private static string Retitled(string title) => Counter.Replace("title=\"Counter\"", $"title=\"{title}\"", StringComparison.Ordinal);

    private static Task<Proposal> ProposeAsync(LivePanel live, string title, string source, string author, string? description = null) =>
        live.Workspace.ProposeAsync(new ProposalRequest { Title = title, Description = description, Author = author, Changes = [FileChange.Write(Path, source)] });

    /// <summary>Answers the open confirmation dialog with the button of that text.</summary>
    private static void Confirm<T>(IRenderedComponent<T> page, string answer)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        page.Until(() => Assert.NotNull(page.Find(".mud-dialog")));
        page.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == answer).Click();
    }

    private static async Task<Scene> ProposalsAsync()
    {
        var port = new OneWorkspace(StudioRole.Owner);
        var proposals = new StandInProposals(port);
        var live = await LivePanel.StartAsync(Counter, prepare: (bunit, workspace) =>
        {
            port.SignIn(bunit, workspace);
            bunit.Services.AddSingleton<IStudioProposals>(proposals);
        });
        return new Scene(live, port, proposals);
    }

    /// <summary>A signed-in owner's workspace with the counter panel, behind stand-in ports.</summary>
    private sealed record Scene(LivePanel Live, OneWorkspace Port, StandInProposals Proposals) : IAsyncDisposable
    {
        public IRenderedComponent<ProposalsPageHost> RenderList()
        {
            var page = Live.Bunit.Render<ProposalsPageHost>(p => p.Add(h => h.WorkspaceId, Port.WorkspaceId));
            page.Until(() => Assert.NotNull(page.Find("[data-section=proposal-list]")));
            return page;
        }

        public IRenderedComponent<ProposalsPageHost> RenderReview(string proposalId)
        {
            var page = Live.Bunit.Render<ProposalsPageHost>(p => p.Add(h => h.WorkspaceId, Port.WorkspaceId).Add(h => h.ProposalId, proposalId));
            page.Until(() => Assert.NotNull(page.Find("[data-section=proposal-review]")));
            return page;
        }

        public ValueTask DisposeAsync() => Live.DisposeAsync();
    }
}
