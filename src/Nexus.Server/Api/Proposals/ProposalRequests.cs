using System.Text.Json;

namespace Nexus.Server.Api.Proposals;

/// <summary>One file of a proposal: <c>{path, content}</c> writes it, <c>{path, delete: true}</c> deletes it.</summary>
public sealed record ProposalChangeRequest(string? Path, string? Content, bool? Delete);

/// <summary>
/// The body of <c>POST /api/workspaces/{ws}/proposals</c>. <see cref="GraphPatches"/> is a patch set as
/// <c>POST .../graph/patches</c> takes it (without <c>propose</c>); it becomes a change of <c>graph/nog.json</c>.
/// </summary>
public sealed record CreateProposalRequest(string? Title, string? Description, IReadOnlyList<ProposalChangeRequest?>? Changes, JsonElement? GraphPatches);

/// <summary>The body of <c>POST /api/workspaces/{ws}/sync</c>: the panel whose change NexusOS should carry over.</summary>
public sealed record SyncRequest(string? PanelId, string? Instruction);
