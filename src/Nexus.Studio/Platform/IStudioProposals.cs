using Nexus.Workspace.Proposals;

namespace Nexus.Studio.Platform;

/// <summary>What the signed-in member may do with a proposal now: the platform's rules (role, accept role, author, status).</summary>
public sealed record ProposalActions(bool MayAccept, bool MayReject)
{
    public static readonly ProposalActions None = new(false, false);
}

/// <summary>
/// Decisions on a workspace's proposals, with the platform's rules (the same as the HTTP API's): who may accept
/// (the server's accept role) and who may reject (the owner, or the author when an editor). Proposals are read from
/// the live workspace (<see cref="IStudioWorkspaces.OpenAsync"/>); every call here checks the user's role again.
/// Refusals are <see cref="PlatformRefusalException"/>s with the HTTP API's codes (<c>FORBIDDEN</c>, <c>CONFLICT</c>, …).
/// </summary>
public interface IStudioProposals
{
    /// <summary>Which decisions the user may take on the proposal now; refused for a non-member or an unknown proposal.</summary>
    Task<ProposalActions> ActionsAsync(Guid userId, Guid workspaceId, string proposalId, CancellationToken cancellationToken = default);

    /// <summary>Merges the proposal into main; the workspace reloads the panels it changed.</summary>
    Task<Proposal> AcceptAsync(Guid userId, Guid workspaceId, string proposalId, CancellationToken cancellationToken = default);

    Task<Proposal> RejectAsync(Guid userId, Guid workspaceId, string proposalId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The names to show for proposal authors (user ids): display name, or email when it has none. Only authors of
    /// the workspace's proposals are resolved, for its members; other and unknown ids are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> AuthorNamesAsync(Guid userId, Guid workspaceId, IReadOnlyCollection<string> authors, CancellationToken cancellationToken = default);
}
