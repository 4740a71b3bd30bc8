using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Api.Proposals;

/// <summary>What a member may do with a proposal now.</summary>
public sealed record ProposalRights(bool MayAccept, bool MayReject);

/// <summary>
/// Who may accept or reject a proposal, in one place for the HTTP API and the Studio. Accepting needs
/// <see cref="ProposalsApiOptions.AcceptRole"/> (owner by default, or editor). Owners reject any proposal; an editor
/// may reject (withdraw) only one they made, since rejecting someone else's work is the owner's decision just as
/// accepting it is. Which statuses can still be decided is the workspace's rule (<see cref="ProposalService"/>).
/// </summary>
public sealed class ProposalDecisions(WorkspaceAccess access, ProposalsApiOptions options)
{
    /// <summary>What the member in <paramref name="context"/> may do with <paramref name="proposal"/> now (its status included).</summary>
    public ProposalRights RightsOf(WorkspaceContext context, Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(proposal);
        return new ProposalRights(
            MayAccept: context.Role >= options.AcceptRole && ProposalService.CanAccept(proposal.Status),
            MayReject: IsRejecter(context, proposal) && ProposalService.CanReject(proposal.Status));
    }

    /// <summary>Merges the proposal into main and reloads the changed panels; 403 below the accept role, 409 <c>CONFLICT</c> when it no longer merges.</summary>
    public async Task<ProposalAcceptance> AcceptAsync(Guid userId, string workspaceId, string proposalId, CancellationToken cancellationToken = default)
    {
        var context = await access.RequireAsync(userId, workspaceId, options.AcceptRole, cancellationToken).ConfigureAwait(false);
        return await context.Live.AcceptProposalAsync(proposalId).ConfigureAwait(false);
    }

    /// <summary>Rejects the proposal for its workspace's owner or its author (an editor); 403 for anyone else.</summary>
    public async Task<Proposal> RejectAsync(Guid userId, string workspaceId, string proposalId, CancellationToken cancellationToken = default)
    {
        var context = await access.RequireAsync(userId, workspaceId, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
        var proposal = context.Live.Proposals.Get(proposalId) ?? throw NotFound(proposalId);
        if (!IsRejecter(context, proposal))
        {
            throw new ApiException(ErrorCodes.Forbidden, "only the workspace's owner or the proposal's author may reject it");
        }

        return await context.Live.RejectProposalAsync(proposalId).ConfigureAwait(false);
    }

    /// <summary>The error for an unknown proposal id (404 <c>NOT_FOUND</c>).</summary>
    public static ProposalException NotFound(string id) => new("NOT_FOUND", $"there is no proposal '{id}'");

    private static bool IsRejecter(WorkspaceContext context, Proposal proposal) =>
        context.Role == WorkspaceRole.Owner
        || (context.Role >= WorkspaceRole.Editor && proposal.Author == ProposalAuthors.ForUser(context.UserId));
}
