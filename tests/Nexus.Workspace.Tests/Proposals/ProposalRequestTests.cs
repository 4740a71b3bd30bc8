using Nexus.Workspace.Git;
using Nexus.Workspace.Proposals;
using Nexus.Workspace.Tests.Git;

namespace Nexus.Workspace.Tests.Proposals;

public sealed class ProposalRequestTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly ProposalService _service;

    public ProposalRequestTests()
    {
        _service = new ProposalService(_temp.Store, options: new ProposalOptions { MaxChanges = 3, MaxFileBytes = 100, MaxTitleLength = 20 });
        _temp.Store.Commit([FileChange.Write("notes/a.md", "a")], "Start");
    }

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, ProposalRequest> BadRequests() => new()
    {
        { "no changes", Panels.Request("Empty") },
        { "empty title", Panels.Request(" ", FileChange.Write("x.md", "x")) },
        { "long title", Panels.Request(new string('t', 21), FileChange.Write("x.md", "x")) },
        { "no author", Panels.Request("T", FileChange.Write("x.md", "x")) with { Author = "" } },
        { "bad source", Panels.Request("T", FileChange.Write("x.md", "x")) with { Source = "robot" } },
        { "bad confidence", Panels.Request("T", FileChange.Write("x.md", "x")) with { Confidence = 1.5 } },
        { "NaN confidence", Panels.Request("T", FileChange.Write("x.md", "x")) with { Confidence = double.NaN } },
        { "bad path", Panels.Request("T", FileChange.Write("../x.md", "x")) },
        { "git path", Panels.Request("T", FileChange.Write(".git/config", "x")) },
        { "twice", Panels.Request("T", FileChange.Write("x.md", "x"), FileChange.Delete("x.md")) },
        { "too many", Panels.Request("T", FileChange.Write("1.md", "1"), FileChange.Write("2.md", "2"), FileChange.Write("3.md", "3"), FileChange.Write("4.md", "4")) },
        { "too big", Panels.Request("T", FileChange.Write("x.md", new byte[101])) },
        { "no-op", Panels.Request("T", FileChange.Write("notes/a.md", "a")) },
        { "delete of nothing", Panels.Request("T", FileChange.Delete("missing.md")) },
        { "delete of a directory", Panels.Request("T", FileChange.Delete("notes")) },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Bad_requests_are_refused_with_a_clear_error_and_leave_nothing(string why, ProposalRequest request)
    {
        var main = _temp.Store.HeadSha();

        var error = Assert.Throws<ProposalException>(() => _service.Create(request));

        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), why);
        Assert.Equal(["main"], _temp.Store.Branches());
        Assert.Empty(_service.List());
        Assert.Equal(main, _temp.Store.HeadSha());
    }

    [Fact]
    public void Unknown_ids_are_not_found()
    {
        Assert.Null(_service.Get("0123456789ab"));
        Assert.Null(_service.Get("../../etc"));
        Assert.Equal("NOT_FOUND", Assert.Throws<ProposalException>(() => _service.Accept("0123456789ab")).Code);
        Assert.Equal("NOT_FOUND", Assert.Throws<ProposalException>(() => _service.Reject("nope")).Code);
        Assert.Equal("NOT_FOUND", Assert.Throws<ProposalException>(() => _service.Files("0123456789ab")).Code);
    }

    [Fact]
    public void A_proposal_on_a_workspace_without_commits_becomes_its_first_commit()
    {
        using var empty = new TempStore();
        var service = new ProposalService(empty.Store);

        var proposal = service.Create(Panels.Request("First panel", FileChange.Write("panels/first.nxml", Panels.Counter())));
        Assert.Null(empty.Store.HeadSha());
        Assert.Null(proposal.BaseSha);
        Assert.Equal("added", Assert.Single(service.Files(proposal.Id)).Status);

        var accepted = service.Accept(proposal.Id);

        Assert.Equal(MergeKind.FastForward, accepted.Kind);
        Assert.Equal(["panels/first.nxml"], accepted.ChangedPaths);
        Assert.Equal(proposal.BranchSha, empty.Store.HeadSha());
    }

    [Fact]
    public void A_proposal_whose_branch_vanished_fails_to_accept()
    {
        var proposal = _service.Create(Panels.Request("T", FileChange.Write("x.md", "x")));
        _temp.Store.DeleteBranch(proposal.Branch);

        var error = Assert.Throws<ProposalException>(() => _service.Accept(proposal.Id));

        Assert.Equal("ACCEPT_FAILED", error.Code);
        Assert.Equal(ProposalStatus.Failed, _service.Get(proposal.Id)!.Status);
        Assert.NotNull(_service.Get(proposal.Id)!.Error);
    }

    [Theory]
    [InlineData(ProposalStatus.Pending, "pending")]
    [InlineData(ProposalStatus.Conflicted, "conflicted")]
    [InlineData(ProposalStatus.Failed, "failed")]
    public void Status_names_are_lower_case_and_parse_back(ProposalStatus status, string name)
    {
        Assert.Equal(name, status.ToName());
        Assert.True(ProposalStatusNames.TryParse(name, out var parsed));
        Assert.Equal(status, parsed);
        Assert.False(ProposalStatusNames.TryParse("Pending", out _));
    }

    [Fact]
    public void Options_refuse_values_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProposalOptions { MaxAge = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProposalOptions { MaxChanges = 0 });
        Assert.Equal(TimeSpan.FromDays(7), ProposalOptions.Default.MaxAge);
    }
}
