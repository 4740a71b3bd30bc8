using Nexus.Studio.Platform;
using Nexus.Workspace;
using Nexus.Workspace.Proposals;

namespace Nexus.Studio.Tests.Support;

/// <summary>
/// The proposals port for page tests: the platform's answer about the user's rights is set by the test (the rules
/// themselves are the server's, tested there); decisions run on the real workspace behind <see cref="OneWorkspace"/>,
/// refused with the workspace's code as the platform refuses them.
/// </summary>
internal sealed class StandInProposals(OneWorkspace workspaces) : IStudioProposals
{
    /// <summary>What the platform says the user may decide.</summary>
    public ProposalActions Actions { get; set; } = ProposalActions.None;

    /// <summary>When set, every decision is refused with it (a role lost since the page was opened).</summary>
    public PlatformRefusalException? Refusal { get; set; }

    /// <summary>The names the platform knows (author id → name).</summary>
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public Task<ProposalActions> ActionsAsync(Guid userId, Guid workspaceId, string proposalId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Actions);

    public Task<Proposal> AcceptAsync(Guid userId, Guid workspaceId, string proposalId, CancellationToken cancellationToken = default) =>
        DecideAsync(userId, workspaceId, async live => (await live.AcceptProposalAsync(proposalId)).Proposal);

    public Task<Proposal> RejectAsync(Guid userId, Guid workspaceId, string proposalId, CancellationToken cancellationToken = default) =>
        DecideAsync(userId, workspaceId, live => live.RejectProposalAsync(proposalId));

    public Task<IReadOnlyDictionary<string, string>> AuthorNamesAsync(Guid userId, Guid workspaceId, IReadOnlyCollection<string> authors, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Names.Where(n => authors.Contains(n.Key)).ToDictionary());

    private async Task<Proposal> DecideAsync(Guid userId, Guid workspaceId, Func<NexusWorkspace, Task<Proposal>> decision)
    {
        if (Refusal is { } refusal)
        {
            throw refusal;
        }

        var opened = await workspaces.OpenAsync(userId, workspaceId, StudioRole.Editor);
        try
        {
            return await decision(opened.Live);
        }
        catch (ProposalException refused)
        {
            throw new PlatformRefusalException(refused.Code, refused.Message, refused);
        }
    }
}
