using Nexus.Server.Api;
using Nexus.Server.Api.Proposals;
using Nexus.Server.Data;
using Nexus.Studio.Platform;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Studio;

/// <summary>
/// The Studio's proposals port on the rules the HTTP API runs (<see cref="ProposalDecisions"/>, <see cref="WorkspaceAccess"/>).
/// Each call gets its own scope (and database context), as in <see cref="StudioWorkspaces"/>.
/// </summary>
internal sealed class StudioProposals(IServiceScopeFactory scopes) : IStudioProposals
{
    public Task<ProposalActions> ActionsAsync(Guid userId, Guid workspaceId, string proposalId, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var context = await RequireAsync(services, userId, workspaceId, cancellationToken).ConfigureAwait(false);
            var proposal = context.Live.Proposals.Get(proposalId) ?? throw ProposalDecisions.NotFound(proposalId);
            var rights = services.GetRequiredService<ProposalDecisions>().RightsOf(context, proposal);
            return new ProposalActions(rights.MayAccept, rights.MayReject);
        });

    public Task<Proposal> AcceptAsync(Guid userId, Guid workspaceId, string proposalId, CancellationToken cancellationToken = default) =>
        InScopeAsync(async services =>
        {
            var acceptance = await services.GetRequiredService<ProposalDecisions>()
                .AcceptAsync(userId, WorkspaceAccess.HostId(workspaceId), proposalId, cancellationToken).ConfigureAwait(false);
            return acceptance.Proposal;
        });

    public Task<Proposal> RejectAsync(Guid userId, Guid workspaceId, string proposalId, CancellationToken cancellationToken = default) =>
        InScopeAsync(services => services.GetRequiredService<ProposalDecisions>()
            .RejectAsync(userId, WorkspaceAccess.HostId(workspaceId), proposalId, cancellationToken));

    public Task<IReadOnlyDictionary<string, string>> AuthorNamesAsync(Guid userId, Guid workspaceId, IReadOnlyCollection<string> authors, CancellationToken cancellationToken = default) =>
        InScopeAsync<IReadOnlyDictionary<string, string>>(async services =>
        {
            ArgumentNullException.ThrowIfNull(authors);
            var context = await RequireAsync(services, userId, workspaceId, cancellationToken).ConfigureAwait(false);
            var known = context.Live.Proposals.List().Select(p => p.Author).ToHashSet(StringComparer.Ordinal);
            var users = services.GetRequiredService<UserStore>();
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var author in authors.Distinct(StringComparer.Ordinal).Where(known.Contains))
            {
                if (Guid.TryParse(author, out var id) && await users.FindByIdAsync(id, cancellationToken).ConfigureAwait(false) is { } user)
                {
                    names[author] = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName;
                }
            }

            return names;
        });

    private static Task<WorkspaceContext> RequireAsync(IServiceProvider services, Guid userId, Guid workspaceId, CancellationToken cancellationToken) =>
        services.GetRequiredService<WorkspaceAccess>().RequireAsync(userId, WorkspaceAccess.HostId(workspaceId), WorkspaceRole.Viewer, cancellationToken);

    private Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> operation) => PlatformRefusals.InScopeAsync(scopes, operation);
}
