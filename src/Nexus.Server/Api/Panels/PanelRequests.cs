using System.Text.Json.Nodes;

namespace Nexus.Server.Api.Panels;

/// <summary>
/// The body of <c>POST /api/workspaces/{ws}/panels</c>: exactly one of <see cref="Source"/> (NXML) or
/// <see cref="TemplateId"/>; without <see cref="PanelId"/> one is derived from the panel's id or title.
/// </summary>
public sealed record CreatePanelRequest(string? PanelId, string? Source, string? TemplateId);

/// <summary>The body of <c>PUT /api/workspaces/{ws}/panels/{p}/source</c>: the new NXML.</summary>
public sealed record ReplaceSourceRequest(string? Source);

/// <summary>The body of <c>POST /api/workspaces/{ws}/panels/{p}/tools/{tool}</c>: the tool's arguments (an object, or absent).</summary>
public sealed record CallToolRequest(JsonObject? Args);

/// <summary>The limits of the panels API's list endpoints.</summary>
public static class PanelsApiLimits
{
    /// <summary>Log lines returned when <c>?limit=</c> is absent.</summary>
    public const int DefaultLogLines = 100;

    /// <summary>The largest <c>?limit=</c> of the log endpoint (the runtime's ring buffer is smaller by default anyway).</summary>
    public const int MaxLogLines = 1000;

    /// <summary>Commits returned by the history endpoint when <c>?limit=</c> is absent.</summary>
    public const int DefaultHistory = 100;

    /// <summary>The largest <c>?limit=</c> of the history endpoint.</summary>
    public const int MaxHistory = 1000;
}
