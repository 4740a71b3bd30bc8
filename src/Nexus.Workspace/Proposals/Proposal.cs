using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Workspace.Git;

namespace Nexus.Workspace.Proposals;

/// <summary>Where a proposal is in its life. Written in JSON and the API as lower-case names (<c>pending</c>, ...).</summary>
[JsonConverter(typeof(ProposalStatusJsonConverter))]
public enum ProposalStatus
{
    /// <summary>Waiting for a decision; its branch exists.</summary>
    Pending,

    /// <summary>Merged into main; its branch is deleted.</summary>
    Applied,

    /// <summary>Turned down; its branch is deleted.</summary>
    Rejected,

    /// <summary>Accepting it found conflicts with main; main is untouched and the branch is kept for inspection.</summary>
    Conflicted,

    /// <summary>Left pending longer than <see cref="ProposalOptions.MaxAge"/>; its branch is deleted.</summary>
    Expired,

    /// <summary>Accepting it failed for another reason (e.g. its branch was gone); see <see cref="Proposal.Error"/>.</summary>
    Failed,
}

/// <summary>
/// A proposal's record: what it changes and where it is. Kept as <c>&lt;id&gt;.json</c> on the metadata ref
/// <c>refs/nexus/proposals</c> of the workspace repository, never on main.
/// </summary>
public sealed record Proposal
{
    /// <summary>Twelve lower-case hex characters (URL-safe).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string Author { get; init; }

    /// <summary><c>user</c> or <c>ai</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Why an AI proposed it.</summary>
    public string? Reasoning { get; init; }

    /// <summary>How sure an AI is, from 0 to 1.</summary>
    public double? Confidence { get; init; }

    public required ProposalStatus Status { get; init; }

    /// <summary>Main's commit when the proposal was made (its branch starts there); null when main had no commit.</summary>
    public string? BaseSha { get; init; }

    /// <summary>The shadow branch, <c>shadow/&lt;id&gt;</c>.</summary>
    public required string Branch { get; init; }

    /// <summary>The proposal's commit (the branch's tip); still readable after the branch is deleted.</summary>
    public required string BranchSha { get; init; }

    /// <summary>Main's commit after the proposal was applied.</summary>
    public string? MergedSha { get; init; }

    /// <summary>The paths the proposal changes.</summary>
    public required IReadOnlyList<string> ChangedPaths { get; init; }

    /// <summary>The paths that conflicted with main when accepting it failed.</summary>
    public IReadOnlyList<string> ConflictingPaths { get; init; } = [];

    /// <summary>Why it failed, for the status <see cref="ProposalStatus.Failed"/>.</summary>
    public string? Error { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Value equality, the path lists compared item by item (a record read back from Git equals the one written).</summary>
    public bool Equals(Proposal? other) =>
        other is not null
        && (Id, Title, Description, Author, Source, Reasoning, Confidence, Status) == (other.Id, other.Title, other.Description, other.Author, other.Source, other.Reasoning, other.Confidence, other.Status)
        && (BaseSha, Branch, BranchSha, MergedSha, Error, CreatedAt, UpdatedAt) == (other.BaseSha, other.Branch, other.BranchSha, other.MergedSha, other.Error, other.CreatedAt, other.UpdatedAt)
        && ChangedPaths.SequenceEqual(other.ChangedPaths)
        && ConflictingPaths.SequenceEqual(other.ConflictingPaths);

    public override int GetHashCode() => HashCode.Combine(Id, Status, BranchSha, UpdatedAt);
}

/// <summary>What a user or NexusOS proposes. <see cref="Source"/> is <c>user</c> or <c>ai</c>; <see cref="Confidence"/> is within 0..1.</summary>
public sealed record ProposalRequest
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string Author { get; init; }

    public string Source { get; init; } = ProposalSources.User;

    public string? Reasoning { get; init; }

    public double? Confidence { get; init; }

    /// <summary>The files written or deleted; at least one.</summary>
    public required IReadOnlyList<FileChange> Changes { get; init; }
}

/// <summary>The result of accepting a proposal: how main moved and which paths changed there (the panels to reload).</summary>
public sealed record ProposalAcceptance(Proposal Proposal, MergeKind Kind, string MainSha, IReadOnlyList<string> ChangedPaths);

/// <summary>The accepted values of <see cref="ProposalRequest.Source"/>.</summary>
public static class ProposalSources
{
    public const string User = "user";
    public const string Ai = "ai";
}

/// <summary>The wire names of <see cref="ProposalStatus"/> values.</summary>
public static class ProposalStatusNames
{
    /// <summary>The lower-case name, e.g. <c>pending</c>.</summary>
    public static string ToName(this ProposalStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <summary>Parses a lower-case name (e.g. from a query string); false for anything else.</summary>
    public static bool TryParse(string? name, out ProposalStatus status)
    {
        foreach (var value in Enum.GetValues<ProposalStatus>())
        {
            if (value.ToName() == name)
            {
                status = value;
                return true;
            }
        }

        status = default;
        return false;
    }
}

internal sealed class ProposalStatusJsonConverter() : JsonStringEnumConverter<ProposalStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
