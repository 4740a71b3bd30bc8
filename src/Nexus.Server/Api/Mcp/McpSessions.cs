using System.Collections.Concurrent;

namespace Nexus.Server.Api.Mcp;

/// <summary>Which workspace and user an MCP session belongs to: it was opened on that workspace's URL by that user.</summary>
internal sealed record McpSessionBinding(Guid WorkspaceId, Guid UserId);

/// <summary>
/// The open MCP sessions of this server by session id, so that a request naming a session is only served on the
/// workspace URL and for the user that opened it. A session is added when it starts and removed when it ends.
/// </summary>
internal sealed class McpSessions
{
    private readonly ConcurrentDictionary<string, McpSessionBinding> _open = new(StringComparer.Ordinal);

    /// <summary>How many sessions are open now.</summary>
    public int Count => _open.Count;

    public void Open(string sessionId, McpSessionBinding binding)
    {
        if (!_open.TryAdd(sessionId, binding))
        {
            throw new InvalidOperationException("an MCP session with this id is already open");
        }
    }

    public void Close(string sessionId) => _open.TryRemove(sessionId, out _);

    public McpSessionBinding? Find(string sessionId) => _open.GetValueOrDefault(sessionId);
}
