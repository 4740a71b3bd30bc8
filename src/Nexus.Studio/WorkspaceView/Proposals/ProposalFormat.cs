using System.Globalization;
using MudBlazor;
using Nexus.Workspace.Proposals;

namespace Nexus.Studio.WorkspaceView.Proposals;

/// <summary>How proposals read on screen: status colours, ages, author names.</summary>
public static class ProposalFormat
{
    /// <summary>The statuses in the order the filter offers them: what needs a decision first.</summary>
    public static readonly IReadOnlyList<ProposalStatus> Statuses =
        [ProposalStatus.Pending, ProposalStatus.Conflicted, ProposalStatus.Applied, ProposalStatus.Rejected, ProposalStatus.Expired, ProposalStatus.Failed];

    public static Color ColorOf(ProposalStatus status) => status switch
    {
        ProposalStatus.Pending => Color.Info,
        ProposalStatus.Applied => Color.Success,
        ProposalStatus.Conflicted or ProposalStatus.Failed => Color.Error,
        ProposalStatus.Rejected => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>How long ago, roughly: <c>just now</c>, <c>5 min ago</c>, <c>3 h ago</c>, <c>2 days ago</c>, then the date.</summary>
    public static string Age(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
            { TotalDays: < 30 } => (int)age.TotalDays == 1 ? "1 day ago" : $"{(int)age.TotalDays} days ago",
            _ => then.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The author's name when the platform knows it, otherwise the id as recorded.</summary>
    public static string AuthorOf(Proposal proposal, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(names);
        return names.TryGetValue(proposal.Author, out var name) ? name : proposal.Author;
    }

    /// <summary>"1 file", "3 files".</summary>
    public static string Files(int count) => count == 1 ? "1 file" : $"{count} files";
}
