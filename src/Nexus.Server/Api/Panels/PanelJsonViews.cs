using System.Text.Json.Nodes;
using Nexus.Nxml.Json;
using Nexus.Nxml.Schema;
using Nexus.Workspace.Git;
using Nexus.Workspace.Hosting;

namespace Nexus.Server.Api.Panels;

/// <summary>How the panels API shows a panel, its diagnostics, tools, log and history as JSON (camelCase, <c>api.md</c> "Panels").</summary>
internal static class PanelJsonViews
{
    /// <summary>One row of the panel list.</summary>
    public static JsonObject Summary(HostedPanel panel, DateTimeOffset now) => new()
    {
        ["panelId"] = panel.PanelId,
        ["title"] = panel.Title,
        ["status"] = panel.Status == PanelStatus.Running ? "running" : "failed",
        ["uptimeSeconds"] = panel.Status == PanelStatus.Running ? Math.Max(0, (long)(now - panel.LoadedAt).TotalSeconds) : 0,
    };

    /// <summary>The panel in full: metadata, source, JSON AST (§8), diagnostics (§7) and tools with their input schemas (§10).</summary>
    public static JsonObject Detail(HostedPanel panel)
    {
        var node = panel.Document.Panel;
        var ast = node is null ? null : JsonNode.Parse(NxmlJson.Serialize(node));
        var tools = Tools(panel);
        return new JsonObject
        {
            ["panelId"] = panel.PanelId,
            ["status"] = panel.Status == PanelStatus.Running ? "running" : "failed",
            ["meta"] = ast?["meta"]?.DeepClone(),
            ["source"] = panel.Source,
            ["ast"] = ast,
            ["diagnostics"] = Diagnostics(panel.Document.Diagnostics),
            ["tools"] = new JsonArray([.. tools.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["inputSchema"] = JsonNode.Parse(t.InputSchema.GetRawText()),
            })]),
        };
    }

    /// <summary>
    /// The panel's tools with their descriptions and input schemas (§10): the running instance's, or for a failed panel
    /// those its source declares, so they still show.
    /// </summary>
    public static IReadOnlyList<ToolDescription> Tools(HostedPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var node = panel.Document.Panel;
        return panel.Instance?.Describe().Tools ?? (node is null ? [] : ToolSchemas.Describe(node));
    }

    /// <summary><c>{panelId, state}</c>: the panel's state values and computeds (none for a failed panel).</summary>
    public static async Task<JsonObject> StateAsync(HostedPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return new JsonObject { ["panelId"] = panel.PanelId, ["state"] = await panel.GetStateAsync().ConfigureAwait(false) };
    }

    public static JsonArray Diagnostics(IEnumerable<Nexus.Nxml.Diagnostics.Diagnostic> diagnostics) =>
        new([.. diagnostics.Select(DiagnosticJson.From).Select(d => (JsonNode)new JsonObject
        {
            ["code"] = d.Code,
            ["severity"] = d.Severity,
            ["message"] = d.Message,
            ["line"] = d.Line,
            ["column"] = d.Column,
            ["endLine"] = d.EndLine,
            ["endColumn"] = d.EndColumn,
            ["path"] = new JsonArray([.. d.Path.Select(p => (JsonNode?)p)]),
        })]);

    public static JsonObject Log(string panelId, IReadOnlyList<Nexus.Reactor.LogEntry> lines) => new()
    {
        ["panelId"] = panelId,
        ["lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject
        {
            ["time"] = l.Time,
            ["level"] = l.Level.ToString().ToLowerInvariant(),
            ["message"] = l.Message,
        })]),
    };

    public static JsonObject History(string panelId, IReadOnlyList<CommitInfo> commits) => new()
    {
        ["panelId"] = panelId,
        ["commits"] = new JsonArray([.. commits.Select(c => (JsonNode)new JsonObject
        {
            ["sha"] = c.Sha,
            ["message"] = c.Message,
            ["author"] = c.Author,
            ["timestamp"] = c.Timestamp,
            ["files"] = new JsonArray([.. c.Files.Select(f => (JsonNode?)f)]),
        })]),
    };
}
