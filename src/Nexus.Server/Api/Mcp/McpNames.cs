namespace Nexus.Server.Api.Mcp;

/// <summary>What a state or source resource shows.</summary>
internal enum PanelResourceKind
{
    State,
    Source,
}

/// <summary>
/// The names the MCP endpoint gives panel tools (<c>&lt;panelId&gt;.&lt;tool&gt;</c>) and panel resources
/// (<c>nexus://workspaces/{ws}/panels/{p}/state</c> and <c>.../source</c>), and reading them back. Panel ids never
/// contain a dot, so the first dot of a tool name ends the panel id.
/// </summary>
internal static class McpNames
{
    public const string StateUriTemplate = "nexus://workspaces/{workspaceId}/panels/{panelId}/state";
    public const string SourceUriTemplate = "nexus://workspaces/{workspaceId}/panels/{panelId}/source";

    public static string Tool(string panelId, string tool) => $"{panelId}.{tool}";

    public static bool TryParseTool(string? name, out string panelId, out string tool)
    {
        var dot = name?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        panelId = dot > 0 ? name![..dot] : "";
        tool = dot > 0 ? name![(dot + 1)..] : "";
        return panelId.Length > 0 && tool.Length > 0;
    }

    public static string Resource(string workspaceId, string panelId, PanelResourceKind kind) =>
        $"{PanelsPrefix(workspaceId)}{panelId}/{Segment(kind)}";

    /// <summary>The last segment of a resource URI: <c>state</c> or <c>source</c>.</summary>
    public static string Segment(PanelResourceKind kind) => kind == PanelResourceKind.State ? "state" : "source";

    /// <summary>Reads a resource URI of workspace <paramref name="workspaceId"/> (a URI of another workspace does not parse).</summary>
    public static bool TryParseResource(string? uri, string workspaceId, out string panelId, out PanelResourceKind kind)
    {
        panelId = "";
        kind = PanelResourceKind.State;
        var prefix = PanelsPrefix(workspaceId);
        if (uri is null || !uri.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = uri[prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        panelId = rest[..slash];
        switch (rest[(slash + 1)..])
        {
            case "state":
                kind = PanelResourceKind.State;
                return true;
            case "source":
                kind = PanelResourceKind.Source;
                return true;
            default:
                return false;
        }
    }

    private static string PanelsPrefix(string workspaceId) => $"nexus://workspaces/{workspaceId}/panels/";
}
