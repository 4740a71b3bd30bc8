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
