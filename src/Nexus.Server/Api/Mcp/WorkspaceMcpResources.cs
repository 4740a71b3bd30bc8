using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Nexus.Server.Api.Panels;
using Nexus.Workspace.Hosting;

namespace Nexus.Server.Api.Mcp;

/// <summary>
/// The resources of one workspace's MCP server: for every panel its state (<c>{panelId, state}</c> as
/// <c>GET .../state</c> answers, JSON) and its NXML source, at <c>nexus://workspaces/{ws}/panels/{p}/state</c> and
/// <c>.../source</c>; also listed as two URI templates. Any other URI, or a panel that does not exist, is a
/// resource-not-found error.
/// </summary>
internal sealed class WorkspaceMcpResources(string workspaceId)
{
    private const string JsonMime = "application/json";
    private const string NxmlMime = "application/xml";

    public async ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> request, CancellationToken cancellationToken)
    {
        var context = await McpRequestAccess.RequireAsync(request, workspaceId, cancellationToken).ConfigureAwait(false);
        return new ListResourcesResult { Resources = [.. context.Live.Panels.SelectMany(ResourcesOf)] };
    }

    public static ValueTask<ListResourceTemplatesResult> ListTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ListResourceTemplatesResult
        {
            ResourceTemplates =
            [
                new ResourceTemplate { Name = "panel-state", UriTemplate = McpNames.StateUriTemplate, MimeType = JsonMime, Description = "A panel's state values and computeds" },
                new ResourceTemplate { Name = "panel-source", UriTemplate = McpNames.SourceUriTemplate, MimeType = NxmlMime, Description = "A panel's NXML source" },
            ],
        });

    public async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.Params?.Uri;
        var context = await McpRequestAccess.RequireAsync(request, workspaceId, cancellationToken).ConfigureAwait(false);
        if (!McpNames.TryParseResource(uri, workspaceId, out var panelId, out var kind) || context.Live.FindPanel(panelId) is not { } panel)
        {
            throw new McpProtocolException($"Resource not found: '{uri}'", McpErrorCode.ResourceNotFound);
        }

        var text = kind == PanelResourceKind.State ? (await PanelJsonViews.StateAsync(panel).ConfigureAwait(false)).ToJsonString() : panel.Source;
        var contents = new TextResourceContents { Uri = uri!, MimeType = MimeOf(kind), Text = text };
        return new ReadResourceResult { Contents = [contents] };
    }

    private IEnumerable<Resource> ResourcesOf(HostedPanel panel) =>
    [
        Describe(panel, PanelResourceKind.State, "The state values and computeds"),
        Describe(panel, PanelResourceKind.Source, "The NXML source"),
    ];

    private Resource Describe(HostedPanel panel, PanelResourceKind kind, string what) => new()
    {
        Uri = McpNames.Resource(workspaceId, panel.PanelId, kind),
        Name = $"{panel.PanelId}/{McpNames.Segment(kind)}",
        Title = $"{panel.Title ?? panel.PanelId}: {McpNames.Segment(kind)}",
        MimeType = MimeOf(kind),
        Description = $"{what} of panel '{panel.PanelId}'",
    };

    private static string MimeOf(PanelResourceKind kind) => kind == PanelResourceKind.State ? JsonMime : NxmlMime;
}
