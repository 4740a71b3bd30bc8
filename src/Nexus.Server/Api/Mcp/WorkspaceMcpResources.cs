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
        return new ListResourcesResult { Resources = [.. context.Live.Panels.SelectMany(Describe)] };
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

        var contents = kind == PanelResourceKind.State
            ? new TextResourceContents { Uri = uri!, MimeType = JsonMime, Text = (await PanelJsonViews.StateAsync(panel).ConfigureAwait(false)).ToJsonString() }
            : new TextResourceContents { Uri = uri!, MimeType = NxmlMime, Text = panel.Source };
        return new ReadResourceResult { Contents = [contents] };
    }

    private IEnumerable<Resource> Describe(HostedPanel panel)
    {
        var title = panel.Title ?? panel.PanelId;
        yield return new Resource
        {
            Uri = McpNames.Resource(workspaceId, panel.PanelId, PanelResourceKind.State),
            Name = $"{panel.PanelId}/state",
            Title = $"{title}: state",
            MimeType = JsonMime,
            Description = $"The state values and computeds of panel '{panel.PanelId}'",
        };
        yield return new Resource
        {
            Uri = McpNames.Resource(workspaceId, panel.PanelId, PanelResourceKind.Source),
            Name = $"{panel.PanelId}/source",
            Title = $"{title}: source",
            MimeType = NxmlMime,
            Description = $"The NXML source of panel '{panel.PanelId}'",
        };
    }
}
