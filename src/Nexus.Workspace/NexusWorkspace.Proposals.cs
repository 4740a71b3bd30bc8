using Nexus.Graph;
using Nexus.Graph.Diff;
using Nexus.Graph.Json;
using Nexus.Graph.Patches;
using Nexus.Workspace.Git;
using Nexus.Workspace.Nog;
using Nexus.Workspace.Proposals;

namespace Nexus.Workspace;

/// <summary>A proposal with what a reviewer needs: its file diffs and what it does to the NOG.</summary>
public sealed record ProposalReview(Proposal Proposal, IReadOnlyList<FileDiff> Files, GraphDiff GraphDiff);

public sealed partial class NexusWorkspace
{
    /// <summary>The proposals of this workspace (records, lists, file diffs); change them through the methods below.</summary>
    public ProposalService Proposals => _proposals;

    /// <summary>
    /// Proposes file changes and NOG patches on a shadow branch; main is not touched. Every changed panel must
    /// check clean (<see cref="ProposalInvalidException"/> with the diagnostics otherwise); NOG patches must apply
    /// to the current graph (<see cref="GraphException"/> otherwise) and become a change of <c>graph/nog.json</c>.
    /// </summary>
    public async Task<Proposal> ProposeAsync(ProposalRequest request, PatchSet? graphPatches = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            if (graphPatches is not null)
            {
                if (request.Changes.Any(c => c.Path == WorkspacePaths.Graph))
                {
                    throw new ProposalException("INVALID_REQUEST", "a proposal changes graph/nog.json either as a file or through graph patches, not both");
                }

                var (result, authored) = _nog.Apply(graphPatches, _options.Time);
                if (authored is null)
                {
                    throw new GraphException(result.ErrorCode ?? GraphErrorCodes.InvalidPatch, $"graph patch {result.FailedPatchId ?? "?"} does not apply: {result.ErrorMessage}");
                }

                request = request with { Changes = [.. request.Changes, FileChange.Write(WorkspacePaths.Graph, NogJson.Serialize(authored))] };
            }

            return _proposals.Create(request);
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>A proposal with its unified diff per file and its NOG diff against its base; null when unknown.</summary>
    public ProposalReview? Review(string proposalId)
    {
        if (_proposals.Get(proposalId) is not { } proposal)
        {
            return null;
        }

        var before = proposal.BaseSha is { } baseSha ? WorkspaceNog.BuildAt(Git, baseSha).Graph : new NogGraph();
        var after = WorkspaceNog.BuildAt(Git, proposal.BranchSha).Graph;
        return new ProposalReview(proposal, _proposals.Files(proposalId), GraphDiff.Compare(before, after));
    }

    /// <summary>
    /// Merges a pending proposal into main (fast-forward or three-way) and reloads the panels it changed. A
    /// conflict leaves main untouched and marks the proposal conflicted (<see cref="ProposalConflictException"/>).
    /// </summary>
    public async Task<ProposalAcceptance> AcceptProposalAsync(string proposalId)
    {
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            var acceptance = _proposals.Accept(proposalId);
            await ApplyMainChangesAsync(acceptance.ChangedPaths).ConfigureAwait(false);
            return acceptance;
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>Rejects a proposal: its branch is deleted, its record stays.</summary>
    public async Task<Proposal> RejectProposalAsync(string proposalId)
    {
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            return _proposals.Reject(proposalId);
        }
        finally
        {
            _structure.Release();
        }
    }

    /// <summary>Marks pending proposals older than the configured age as expired (their branches are deleted).</summary>
    public async Task<IReadOnlyList<Proposal>> ExpireStaleProposalsAsync()
    {
        await _structure.WaitAsync().ConfigureAwait(false);
        try
        {
            return _proposals.ExpireStale();
        }
        finally
        {
            _structure.Release();
        }
    }
}
