using System.Collections.ObjectModel;
using Nexus.Nxml.Diagnostics;

namespace Nexus.Workspace.Proposals;

/// <summary>A proposal request or decision the service refuses. <see cref="Code"/> is the API error code.</summary>
public class ProposalException : Exception
{
    public ProposalException()
        : this("the proposal request was refused")
    {
    }

    public ProposalException(string message)
        : this("PROPOSAL_ERROR", message)
    {
    }

    public ProposalException(string message, Exception inner)
        : base(message, inner)
    {
        Code = "PROPOSAL_ERROR";
    }

    public ProposalException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    /// <summary>The API error code, e.g. <c>INVALID_NXML</c>, <c>NOT_FOUND</c>, <c>INVALID_STATE</c>, <c>CONFLICT</c>.</summary>
    public string Code { get; }
}

/// <summary>A changed panel does not check clean (code <c>INVALID_NXML</c>): nothing was created.</summary>
public sealed class ProposalInvalidException : ProposalException
{
    public ProposalInvalidException()
        : this("a changed panel does not check clean", new Dictionary<string, IReadOnlyList<Diagnostic>>())
    {
    }

    public ProposalInvalidException(string message)
        : this(message, new Dictionary<string, IReadOnlyList<Diagnostic>>())
    {
    }

    public ProposalInvalidException(string message, Exception inner)
        : base("INVALID_NXML", message, inner)
    {
        Diagnostics = ReadOnlyDictionary<string, IReadOnlyList<Diagnostic>>.Empty;
    }

    public ProposalInvalidException(string message, IDictionary<string, IReadOnlyList<Diagnostic>> diagnostics)
        : base("INVALID_NXML", message)
    {
        Diagnostics = new ReadOnlyDictionary<string, IReadOnlyList<Diagnostic>>(diagnostics);
    }

    /// <summary>The diagnostics (errors and warnings) of every changed panel that has errors, by path.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Diagnostics { get; }
}

/// <summary>Accepting found conflicts with main (code <c>CONFLICT</c>, HTTP 409): main is untouched, the proposal is <c>conflicted</c>.</summary>
public sealed class ProposalConflictException : ProposalException
{
    public ProposalConflictException()
        : this("the proposal conflicts with main")
    {
    }

    public ProposalConflictException(string message)
        : base("CONFLICT", message)
    {
        ConflictingPaths = [];
    }

    public ProposalConflictException(string message, Exception inner)
        : base("CONFLICT", message, inner)
    {
        ConflictingPaths = [];
    }

    public ProposalConflictException(Proposal proposal)
        : base("CONFLICT", $"proposal {proposal?.Id} no longer merges cleanly into main: {string.Join(", ", proposal?.ConflictingPaths ?? [])}")
    {
        Proposal = proposal;
        ConflictingPaths = proposal?.ConflictingPaths ?? [];
    }

    /// <summary>The proposal as recorded after the attempt (status <c>conflicted</c>).</summary>
    public Proposal? Proposal { get; }

    public IReadOnlyList<string> ConflictingPaths { get; }
}
