using Nexus.Nxml.Diagnostics;
using Nexus.Studio.Platform;
using Nexus.Workspace;
using Nexus.Workspace.Proposals;

namespace Nexus.Studio.WorkspaceView.Editor;

/// <summary>Why a save or a proposal was refused: the code the HTTP API would answer with, a message, and the checker's findings when the source was the reason.</summary>
public sealed record SourceRefusal(string Code, string Message, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The refusal an exception stands for; null for a failure that is not a refusal (a bug, not the user's business).</summary>
    public static SourceRefusal? From(Exception exception) => exception switch
    {
        PlatformRefusalException refusal => new(refusal.Code, refusal.Message, []),
        WorkspaceException refusal => new(refusal.Code, Sentence(refusal.Message), refusal.Diagnostics),
        ProposalInvalidException refusal => new(refusal.Code, Sentence(refusal.Message), [.. refusal.Diagnostics.Values.SelectMany(d => d)]),
        ProposalException refusal => new(refusal.Code, Sentence(refusal.Message), []),
        _ => null,
    };

    private static string Sentence(string message) => PlatformRefusalException.Sentence(message);
}
