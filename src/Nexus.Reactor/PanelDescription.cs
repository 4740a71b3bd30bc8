using System.Text.Json;
using Nexus.Nxml.Schema;
using Nexus.Nxml.Syntax;

namespace Nexus.Reactor;

/// <summary>A panel as an MCP server describes it (§10): its tools (name, description, JSON Schema input) and its state resource.</summary>
public sealed record PanelDescription(string PanelId, string? Title, IReadOnlyList<ToolDescription> Tools, StateResource State)
{
    public static PanelDescription Of(PanelNode panel, string panelId)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return new PanelDescription(
            panelId,
            panel.Meta.Title,
            ToolSchemas.Describe(panel),
            new StateResource("state", "application/json", $"The state and computed values of panel '{panelId}'", ToolSchemas.StateResourceSchema(panel)));
    }
}

/// <summary>The panel's state as an MCP resource: its name, MIME type, description and the JSON Schema of its content.</summary>
public sealed record StateResource(string Name, string MimeType, string Description, JsonElement Schema);
