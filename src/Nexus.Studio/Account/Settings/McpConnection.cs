using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nexus.Studio.Account.Settings;

/// <summary>How an MCP client reaches one workspace: the endpoint's absolute URL, the header and a client configuration.</summary>
public sealed record McpConnection(string Url, string AuthorizationHeader, string ClientConfiguration)
{
    /// <summary>What stands for the token in the header and configuration until one is created.</summary>
    public const string TokenPlaceholder = "<your token>";

    /// <summary>Indented, and without escaping <c>&lt;</c> or non-ASCII names: the text is shown and pasted, never embedded in HTML as is.</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The connection for a workspace on the server at <paramref name="baseUri"/> (the address the browser uses, ending
    /// in <c>/</c>): <c>{base}api/workspaces/{id}/mcp</c>, Streamable HTTP, with the token (or a placeholder) as bearer.
    /// </summary>
    public static McpConnection For(string baseUri, Guid workspaceId, string workspaceName, string? token)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var root = new Uri(baseUri.EndsWith('/') ? baseUri : baseUri + "/", UriKind.Absolute);
        var url = new Uri(root, $"api/workspaces/{workspaceId:D}/mcp").AbsoluteUri;
        var header = "Bearer " + (string.IsNullOrEmpty(token) ? TokenPlaceholder : token);
        var configuration = new JsonObject
        {
            ["mcpServers"] = new JsonObject
            {
                [ServerName(workspaceName)] = new JsonObject
                {
                    ["type"] = "http",
                    ["url"] = url,
                    ["headers"] = new JsonObject { ["Authorization"] = header },
                },
            },
        };
        return new McpConnection(url, "Authorization: " + header, configuration.ToJsonString(Indented));
    }

    /// <summary>A configuration key from the workspace's name: <c>nexus-</c> and its letters and digits, lower case, dashed.</summary>
    public static string ServerName(string workspaceName)
    {
        ArgumentNullException.ThrowIfNull(workspaceName);
        var words = new string([.. workspaceName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "nexus" : "nexus-" + string.Join('-', words);
    }
}
