using System.Security.Cryptography;
using Nexus.Workspace.Git;

namespace Nexus.Workspace.Proposals;

/// <summary>
/// Explicit Sync: proposals are file changes committed on a <c>shadow/&lt;id&gt;</c> branch made from main, without
/// touching main until they are accepted. Records live on <c>refs/nexus/proposals</c> in the same repository, so a
/// new service over the repository (after a restart, or in a clone) sees them. Thread-safe: decisions serialize.
/// Refusals are <see cref="ProposalException"/>s whose <see cref="ProposalException.Code"/> is one of
/// <c>INVALID_REQUEST</c>, <c>INVALID_NXML</c>, <c>NOT_FOUND</c>, <c>INVALID_STATE</c>, <c>CONFLICT</c>, <c>ACCEPT_FAILED</c>.
/// </summary>
public sealed class ProposalService
{
    private const string BranchPrefix = "shadow/";
    private const int IdBytes = 6;

    private static readonly ProposalStatus[] AcceptableFrom = [ProposalStatus.Pending];
    private static readonly ProposalStatus[] RejectableFrom = [ProposalStatus.Pending, ProposalStatus.Conflicted];

    private readonly GitStore _store;
    private readonly TimeProvider _time;
    private readonly ProposalRecords _records;
    private readonly Lock _gate = new();
    private bool _unannounced;

    public ProposalService(GitStore store, TimeProvider? timeProvider = null, ProposalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        Options = options ?? ProposalOptions.Default;
        _records = new ProposalRecords(store);
    }

    public ProposalOptions Options { get; }

    /// <summary>
    /// Raised after a proposal was recorded or changed status (created, accepted, conflicted, failed, rejected,
    /// expired), once the record is written and outside the service's lock, so a subscriber may read the proposals.
    /// Views of the proposals follow with it.
    /// </summary>
    public event Action? Changed;

    /// <summary>Whether a proposal in <paramref name="status"/> can still be accepted (a pending one).</summary>
    public static bool CanAccept(ProposalStatus status) => AcceptableFrom.Contains(status);

    /// <summary>Whether a proposal in <paramref name="status"/> can still be rejected (a pending or conflicted one).</summary>
    public static bool CanReject(ProposalStatus status) => RejectableFrom.Contains(status);

    /// <summary>
    /// Commits the changes on a new shadow branch from main and records the proposal as pending. Every written
    /// <c>panels/**.nxml</c> must check clean; otherwise nothing is created.
    /// </summary>
    /// <exception cref="ProposalInvalidException">A changed panel has errors (per-path diagnostics attached).</exception>
    /// <exception cref="ProposalException">The request is invalid (<c>INVALID_REQUEST</c>), e.g. no changes, or changes that leave main as it is.</exception>
    public Proposal Create(ProposalRequest request) => Announcing(() => Record(request));

    private Proposal Record(ProposalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProposalRequestValidator.Validate(request, Options);
        lock (_gate)
        {
            var id = NewId();
            var branch = BranchPrefix + id;
            var baseSha = _store.HeadSha();
            if (baseSha is not null)
            {
                _store.CreateBranch(branch, baseSha);
            }

            try
            {
                var message = $"Proposal {id}: {request.Title}\n\nProposed by {request.Author} ({request.Source}).";
                var branchSha = CommitChanges(request.Changes, message, branch);
                var now = _time.GetUtcNow();
                var proposal = new Proposal
                {
                    Id = id,
                    Title = request.Title,
                    Description = request.Description,
                    Author = request.Author,
                    Source = request.Source,
                    Reasoning = request.Reasoning,
                    Confidence = request.Confidence,
                    Status = ProposalStatus.Pending,
                    BaseSha = baseSha,
                    Branch = branch,
                    BranchSha = branchSha,
                    ChangedPaths = request.Changes.Select(change => change.Path).Order(StringComparer.Ordinal).ToList(),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                _records.Save(proposal, $"Propose {id}: {request.Title}");
                _unannounced = true;
                return proposal;
            }
            catch
            {
                // Nothing may outlive a refused or failed proposal: no branch without its record.
                _store.DeleteBranch(branch);
                throw;
            }
        }
    }

    /// <summary>A proposal by id; null when there is none.</summary>
    public Proposal? Get(string id) => IsId(id) ? _records.Find(id) : null;

    /// <summary>Proposals, newest first; only those with the status when one is given.</summary>
    public IReadOnlyList<Proposal> List(ProposalStatus? status = null) =>
        _records.All()
            .Where(proposal => status is null || proposal.Status == status)
            .OrderByDescending(proposal => proposal.CreatedAt)
            .ThenBy(proposal => proposal.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Per-file unified diffs of the proposal: from its base to its commit (also after it was decided).</summary>
    /// <exception cref="ProposalException"><c>NOT_FOUND</c>.</exception>
    public IReadOnlyList<FileDiff> Files(string id)
    {
        var proposal = Require(id);
        return _store.DiffFilesFrom(proposal.BaseSha, proposal.BranchSha);
    }

    /// <summary>
    /// Merges the proposal's branch into main (fast-forward or three-way merge), marks it applied and deletes the
    /// branch. The result lists the paths that changed on main: the panels to reload.
    /// </summary>
    /// <exception cref="ProposalConflictException">It no longer merges cleanly: main is untouched, the proposal is now conflicted.</exception>
    /// <exception cref="ProposalException"><c>NOT_FOUND</c>; <c>INVALID_STATE</c> when it is not pending or older than <see cref="ProposalOptions.MaxAge"/> (it expires then); <c>ACCEPT_FAILED</c> when the merge failed otherwise (status failed).</exception>
    public ProposalAcceptance Accept(string id) => Announcing(() => Merge(id));

    private ProposalAcceptance Merge(string id)
    {
        lock (_gate)
        {
            var proposal = RequireStatus(id, "accepted", AcceptableFrom);
            if (proposal.CreatedAt < _time.GetUtcNow() - Options.MaxAge)
            {
                // Overdue but not swept yet: it expires now rather than being merged late.
                Update(proposal with { Status = ProposalStatus.Expired }, "Expire");
                _store.DeleteBranch(proposal.Branch);
                throw new ProposalException("INVALID_STATE", $"proposal {proposal.Id} has expired");
            }

            var mainBefore = _store.HeadSha();
            MergeOutcome outcome;
            try
            {
                outcome = _store.Merge(proposal.Branch, GitStore.MainBranch, $"Accept proposal {proposal.Id}: {proposal.Title}");
            }
            catch (GitStoreException ex)
            {
                Update(proposal with { Status = ProposalStatus.Failed, Error = ex.Message }, "Failed to accept");
                throw new ProposalException("ACCEPT_FAILED", $"proposal {proposal.Id} could not be accepted: {ex.Message}", ex);
            }

            if (outcome.Kind == MergeKind.Conflict)
            {
                var conflicted = Update(proposal with { Status = ProposalStatus.Conflicted, ConflictingPaths = outcome.ConflictingPaths }, "Conflict on accepting");
                throw new ProposalConflictException(conflicted);
            }

            var mainSha = outcome.Sha!;
            var applied = Update(proposal with { Status = ProposalStatus.Applied, MergedSha = mainSha }, "Accept");
            _store.DeleteBranch(proposal.Branch);
            return new ProposalAcceptance(applied, outcome.Kind, mainSha, ChangedOnMain(mainBefore, mainSha));
        }
    }

    /// <summary>Turns a pending (or conflicted) proposal down and deletes its branch.</summary>
    /// <exception cref="ProposalException"><c>NOT_FOUND</c>; <c>INVALID_STATE</c> when it was decided already.</exception>
    public Proposal Reject(string id) => Announcing(() => Decline(id));

    private Proposal Decline(string id)
    {
        lock (_gate)
        {
            var proposal = RequireStatus(id, "rejected", RejectableFrom);
            var rejected = Update(proposal with { Status = ProposalStatus.Rejected }, "Reject");
            _store.DeleteBranch(proposal.Branch);
            return rejected;
        }
    }

    /// <summary>Expires the proposals pending for longer than <see cref="ProposalOptions.MaxAge"/> and deletes their branches.</summary>
    /// <returns>The proposals expired now.</returns>
    public IReadOnlyList<Proposal> ExpireStale() => Announcing(ExpireOverdue);

    private List<Proposal> ExpireOverdue()
    {
        lock (_gate)
        {
            var cutoff = _time.GetUtcNow() - Options.MaxAge;
            var expired = new List<Proposal>();
            foreach (var proposal in List(ProposalStatus.Pending).Where(p => p.CreatedAt < cutoff))
            {
                expired.Add(Update(proposal with { Status = ProposalStatus.Expired }, "Expire"));
                _store.DeleteBranch(proposal.Branch);
            }

            return expired;
        }
    }

    private string CommitChanges(IReadOnlyList<FileChange> changes, string message, string branch)
    {
        try
        {
            return _store.Commit(changes, message, branch)
                ?? throw new ProposalException(ProposalRequestValidator.InvalidRequest, "the proposed changes leave main as it is");
        }
        catch (ArgumentException ex)
        {
            // What only the tree can tell, such as deleting a directory as if it were a file.
            throw new ProposalException(ProposalRequestValidator.InvalidRequest, ex.Message, ex);
        }
    }

    private static bool IsId(string? id) => id is { Length: IdBytes * 2 } && id.All(char.IsAsciiHexDigitLower);

    private static ProposalException NotFound(string? id) => new("NOT_FOUND", $"there is no proposal '{id}'");

    private List<string> ChangedOnMain(string? before, string after)
    {
        var diffs = _store.DiffFilesFrom(before, after);
        return diffs.SelectMany(diff => diff.OldPath is null ? [diff.Path] : new[] { diff.OldPath, diff.Path })
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private Proposal Require(string id) => (IsId(id) ? _records.Find(id) : null) ?? throw NotFound(id);

    private Proposal RequireStatus(string id, string verb, ProposalStatus[] allowed)
    {
        var proposal = Require(id);
        if (!allowed.Contains(proposal.Status))
        {
            throw new ProposalException("INVALID_STATE", $"proposal {id} is {proposal.Status.ToName()}; only a {string.Join(" or ", allowed.Select(s => s.ToName()))} proposal can be {verb}");
        }

        return proposal;
    }

    private Proposal Update(Proposal proposal, string verb)
    {
        var updated = proposal with { UpdatedAt = _time.GetUtcNow() };
        _records.Save(updated, $"{verb} {proposal.Id}: {updated.Status.ToName()}");
        _unannounced = true;
        return updated;
    }

    /// <summary>Runs a change, then announces it if it recorded anything, also when it ended in a refusal (a conflict is recorded, then thrown).</summary>
    private T Announcing<T>(Func<T> change)
    {
        try
        {
            return change();
        }
        finally
        {
            bool changed;
            lock (_gate)
            {
                (changed, _unannounced) = (_unannounced, false);
            }

            if (changed)
            {
                Changed?.Invoke();
            }
        }
    }

    private string NewId()
    {
        while (true)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
            if (!_records.Contains(id) && !_store.BranchExists(BranchPrefix + id))
            {
                return id;
            }
        }
    }
}
