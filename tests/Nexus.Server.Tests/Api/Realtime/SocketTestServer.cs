using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Api;
using Nexus.Server.Data;
using Nexus.Server.Hosting;
using Nexus.Server.Tests.Api.Panels;

namespace Nexus.Server.Tests.Api.Realtime;

/// <summary>The real server with small socket timings and a chosen subscriber capacity, plus WebSocket clients on it.</summary>
internal sealed class SocketTestServer : IAsyncDisposable
{
    private readonly TestServerFactory _factory;
    private readonly HttpClient _client;
    private readonly bool _kestrel;

    /// <summary>With <c>kestrel: true</c> it serves on a real loopback socket (the test server's in-memory sockets never block a sender).</summary>
    public SocketTestServer(string dataDirectory, int subscriberCapacity = 256, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var all = new Dictionary<string, string?>
        {
            ["Nexus:Auth:RateLimitPermits"] = "1000",
            ["Nexus:PanelSockets:PingInterval"] = "00:00:01",
            ["Nexus:PanelSockets:IdleTimeout"] = "00:00:30",
            ["Nexus:PanelSockets:SubscriberCapacity"] = subscriberCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _factory = new TestServerFactory(dataDirectory, settings: all);
        if (kestrel)
        {
            _factory.UseKestrel(0);
            _factory.StartServer();
        }

        _kestrel = kestrel;
        _client = _factory.CreateClient();
    }

    /// <summary>A client of the same server for plain HTTP calls.</summary>
    public HttpClient Client => _client;

    public IServiceProvider Services => _factory.Services;

    public async Task<TestUser> SignUpAsync(string email)
    {
        using var response = await _client.PostAsJsonAsync("/api/auth/signup", new { email, password = "correct-horse-7" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return new TestUser(Guid.Parse(json.GetProperty("user").GetProperty("id").GetString()!), json.GetProperty("accessToken").GetString()!);
    }

    /// <summary>A workspace owned by <paramref name="owner"/> holding the counter panel; returns its id.</summary>
    public async Task<string> CreateWorkspaceWithCounterAsync(TestUser owner)
    {
        using var scope = _factory.Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().CreateAsync(owner.Id, "Lab", null, TestContext.Current.CancellationToken);
        var id = WorkspaceAccess.HostId(record.Id);
        var workspace = await _factory.Services.GetRequiredService<WorkspaceHost>().CreateAsync(id, "Lab");
        await workspace.AddPanelAsync(SocketTests.Counter, "counter");
        return id;
    }

    public async Task AddMemberAsync(string workspaceId, TestUser user, WorkspaceRole role)
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().SetMemberAsync(Guid.Parse(workspaceId), user.Id, role, TestContext.Current.CancellationToken);
    }

    /// <summary>Opens the panel's socket with the token in the header (or none); throws when the upgrade is refused.</summary>
    /// <summary>How many subscribers the panel has right now (sockets the panel has not dropped).</summary>
    public async Task<int> SubscriberCountAsync(string workspaceId, string panelId = "counter") =>
        (await _factory.Services.GetRequiredService<WorkspaceHost>().GetAsync(workspaceId)).GetPanel(panelId).SubscriberCount;

    /// <summary>A real client socket to the Kestrel server (only with <c>kestrel: true</c>).</summary>
    public async Task<SocketClient> ConnectOverTcpAsync(string workspaceId, TestUser user, string panelId = "counter")
    {
        Assert.True(_kestrel);
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + user.Token);
        var uri = new UriBuilder(_client.BaseAddress!) { Scheme = "ws", Path = $"/api/workspaces/{workspaceId}/panels/{panelId}/ws" }.Uri;
        await socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
        return new SocketClient(socket);
    }

    public async Task<SocketClient> ConnectAsync(string workspaceId, TestUser? user, string panelId = "counter", bool tokenInQuery = false)
    {
        var client = _factory.Server.CreateWebSocketClient();
        var query = tokenInQuery && user is not null ? "?access_token=" + Uri.EscapeDataString(user.Token) : "";
        if (user is not null && !tokenInQuery)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token).ToString();
        }

        var uri = new Uri(_factory.Server.BaseAddress, $"/api/workspaces/{workspaceId}/panels/{panelId}/ws{query}");
        return new SocketClient(await client.ConnectAsync(uri, TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }
}

/// <summary>One test client: sends JSON frames and reads them back with a generous timeout.</summary>
internal sealed class SocketClient(WebSocket socket) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public WebSocket Socket => socket;

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);

    /// <summary>The next frame (PINGs skipped).</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        while (true)
        {
            var frame = await ReceiveAnyAsync();
            if (frame.GetProperty("type").GetString() != "PING")
            {
                return frame;
            }
        }
    }

    /// <summary>The next frame of <paramref name="type"/>, skipping others.</summary>
    public async Task<JsonElement> ReceiveAsync(string type)
    {
        while (true)
        {
            var frame = await ReceiveAnyAsync();
            if (frame.GetProperty("type").GetString() == type)
            {
                return frame;
            }
        }
    }

    /// <summary>The RESULT of the client's own request and the PATCH of its change, which may come in either order.</summary>
    public async Task<(JsonElement Result, JsonElement Patch)> ReceiveResultAndPatchAsync()
    {
        JsonElement? result = null;
        JsonElement? patch = null;
        while (result is null || patch is null)
        {
            var frame = await ReceiveAsync();
            switch (frame.GetProperty("type").GetString())
            {
                case "RESULT": result = frame; break;
                case "PATCH": patch = frame; break;
            }
        }

        return (result.Value, patch.Value);
    }

    /// <summary>Reads (and ignores) frames until the server's close frame; returns its status.</summary>
    public async Task<WebSocketCloseStatus?> ReceiveCloseAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var buffer = new byte[64 * 1024];
        while ((await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token)).MessageType != WebSocketMessageType.Close)
        {
        }

        return socket.CloseStatus;
    }

    public async Task<JsonElement> ReceiveAnyAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var buffer = new byte[64 * 1024];
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
            count += result.Count;
        }
        while (!result.EndOfMessage);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
    }

    public void Dispose() => socket.Dispose();
}
