using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Mcp;

/// <summary>The SDK's MCP client over the test server, as a given user, on a workspace's endpoint.</summary>
internal static class McpTestClient
{
    public static string Path(string workspaceId) => $"/api/workspaces/{workspaceId}/mcp";

    public static async Task<McpClient> ConnectAsync(PanelsTestServer server, string workspaceId, TestUser user)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(server.Client.BaseAddress!, Path(workspaceId)),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {user.Token}" },
            },
            server.Client);
        return await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>A raw JSON-RPC POST to an endpoint, with an optional session id (to probe who may use which session).</summary>
    public static async Task<(System.Net.HttpStatusCode Status, string Body)> PostRawAsync(PanelsTestServer server, string path, TestUser user, string? sessionId, string? protocolVersion)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":7,"method":"ping"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        if (protocolVersion is not null)
        {
            request.Headers.Add("MCP-Protocol-Version", protocolVersion);
        }

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>Records the list_changed notifications one client receives, in order.</summary>
internal sealed class McpNotifications : IAsyncDisposable
{
    /// <summary>Generous: notifications travel through a background task and an SSE stream on a busy machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly List<IAsyncDisposable> _registrations = [];
    private readonly List<string> _seen = [];

    private McpNotifications()
    {
    }

    public static McpNotifications Listen(McpClient client)
    {
        var notifications = new McpNotifications();
        foreach (var method in new[] { NotificationMethods.ToolListChangedNotification, NotificationMethods.ResourceListChangedNotification })
        {
            notifications._registrations.Add(client.RegisterNotificationHandler(method, (message, _) =>
            {
                lock (notifications._seen)
                {
                    notifications._seen.Add(message.Method);
                }

                notifications._received.Writer.TryWrite(message.Method);
                return ValueTask.CompletedTask;
            }));
        }

        return notifications;
    }

    /// <summary>
    /// Waits until each of <paramref name="methods"/> arrived (in any order: the client may run its handlers
    /// concurrently), skipping others; fails after <see cref="Timeout"/>.
    /// </summary>
    public async Task WaitForAsync(params string[] methods)
    {
        var missing = methods.ToHashSet(StringComparer.Ordinal);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            while (missing.Count > 0)
            {
                missing.Remove(await _received.Reader.ReadAsync(timeout.Token));
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            lock (_seen)
            {
                Assert.Fail($"no {string.Join(", ", missing)} within {Timeout.TotalSeconds} s; received: {string.Join(", ", _seen)}");
            }
        }
    }

    /// <summary>Whether anything arrives within <paramref name="window"/> (consumed).</summary>
    public async Task<bool> AnyWithinAsync(TimeSpan window)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        wait.CancelAfter(window);
        try
        {
            await _received.Reader.ReadAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// The server drops notifications until the client's listening stream (its GET) is open, which happens shortly
    /// after connecting. So: touch the panel (re-save its source) until a notification arrives, then wait until no
    /// more arrive, so that later waits see only what the test itself causes.
    /// </summary>
    public async Task WarmUpAsync(PanelsTestServer server, TestUser user, string workspaceId, string panelId, string source)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var saved = await server.PutAsync($"/api/workspaces/{workspaceId}/panels/{panelId}/source", user, new { source });
            Assert.Equal(System.Net.HttpStatusCode.OK, saved.Status);
            if (await AnyWithinAsync(TimeSpan.FromMilliseconds(500)))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the client's notification stream never opened");
        }

        while (await AnyWithinAsync(TimeSpan.FromMilliseconds(700)))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var registration in _registrations)
        {
            await registration.DisposeAsync();
        }
    }
}
