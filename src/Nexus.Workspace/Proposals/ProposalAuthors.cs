namespace Nexus.Workspace.Proposals;

/// <summary>
/// Who a proposal names as its author. People are named by their user id (stable across email and name changes;
/// clients resolve names), the same convention wherever a proposal is made: the HTTP API, the Studio.
/// </summary>
public static class ProposalAuthors
{
    /// <summary>The author of a proposal made by the user with this id.</summary>
    public static string ForUser(Guid userId) => userId.ToString("D");
}
