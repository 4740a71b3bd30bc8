using System.Collections.Immutable;
using Nexus.Nxml.Diagnostics;

namespace Nexus.Workspace;

/// <summary>
/// A workspace operation that was refused or failed, with a machine-readable <see cref="Code"/> (the API maps it to
/// a status and problem details) and, for NXML that does not check clean, the checker's diagnostics. Nothing was
/// changed when this is thrown.
/// </summary>
public sealed class WorkspaceException : Exception
{
    public WorkspaceException()
        : this(WorkspaceErrorCodes.Failed, "the workspace operation failed")
    {
    }

    public WorkspaceException(string message)
        : this(WorkspaceErrorCodes.Failed, message)
    {
    }

    public WorkspaceException(string message, Exception inner)
        : base(message, inner)
    {
        Code = WorkspaceErrorCodes.Failed;
    }

    public WorkspaceException(string code, string message, ImmutableArray<Diagnostic> diagnostics = default)
        : base(message)
    {
        Code = code;
        Diagnostics = diagnostics.IsDefault ? [] : diagnostics;
    }

    public string Code { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; } = [];
}

/// <summary>The codes of <see cref="WorkspaceException"/> (the same words the HTTP API uses).</summary>
public static class WorkspaceErrorCodes
{
    public const string Failed = "WORKSPACE_ERROR";
    public const string NotFound = "WORKSPACE_NOT_FOUND";
    public const string Locked = "WORKSPACE_LOCKED";
    public const string Exists = "WORKSPACE_EXISTS";
    public const string InvalidNxml = "INVALID_NXML";
    public const string InvalidPanelId = "INVALID_PANEL_ID";
    public const string PanelExists = "PANEL_EXISTS";
    public const string PanelNotFound = "PANEL_NOT_FOUND";
    public const string PanelFailed = "PANEL_FAILED";
    public const string TemplateNotFound = "TEMPLATE_NOT_FOUND";
    public const string NotDurable = "NOT_DURABLE";
    public const string Conflict = "CONFLICT";
    public const string CommitNotFound = "COMMIT_NOT_FOUND";
    public const string InvalidPlacement = "INVALID_PLACEMENT";
    public const string SourceChanged = "SOURCE_CHANGED";
    public const string PanelLimit = "PANEL_LIMIT";
}
