using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Nexus.LoadGen;

/// <summary>
/// The setup calls of a run over the public API: a fresh user (signed up with a random address), one workspace, and
/// one counter panel per scenario run (deleted after it, so the plan's panel limit never bites).
/// </summary>
internal sealed class NexusApi : IDisposable
{
    /// <summary>The tool every scenario calls: a one-line handler.</summary>
    public const string Tool = "inc";

    /// <summary>A counter panel whose <c>inc</c> handler is one line.</summary>
    public const string CounterSource = """
        <NexusPanel id="load" title="Load">
          <Data>
            <State name="count" type="number" default="0" />
          </Data>
          <Logic>
            <Tool name="inc" description="Count one more"><Handler>$state.count = $state.count + 1</Handler></Tool>
          </Logic>
          <View><Button label="+1" trigger="inc" /><Text content="{$state.count}" /></View>
        </NexusPanel>
        """;

    /// <summary>Access tokens live 15 minutes by default; a run renews its token well before that.</summary>
    private static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(10);

    private readonly HttpClient _http;
    private string _refreshToken = "";
    private long _tokenIssued;
    private int _panels;

    private NexusApi(Uri url) => _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };

    public Uri Url => _http.BaseAddress!;

    public string AccessToken { get; private set; } = "";

    public string WorkspaceId { get; private set; } = "";

    /// <summary>Signs up a new user and creates the run's workspace.</summary>
    public static async Task<NexusApi> StartAsync(Uri url, CancellationToken cancellationToken)
    {
        var api = new NexusApi(url);
        try
        {
            var secret = Guid.NewGuid().ToString("N");
            var signedUp = await api.PostAsync("/api/auth/signup", new JsonObject
            {
                ["email"] = $"loadgen-{secret[..12]}@example.com",
                ["password"] = "Load-" + secret,
                ["displayName"] = "Load generator",
            }, cancellationToken).ConfigureAwait(false);
            api.TakeTokens(signedUp);
            var workspace = await api.PostAsync("/api/workspaces", new JsonObject { ["name"] = "Load " + secret[..8] }, cancellationToken).ConfigureAwait(false);
            api.WorkspaceId = workspace["id"]!.GetValue<string>();
            return api;
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>Renews the access token when it is older than ten minutes (refresh is rate limited, so not every time).</summary>
    public async Task KeepTokenFreshAsync(CancellationToken cancellationToken)
    {
        if (Stopwatch.GetElapsedTime(_tokenIssued) > RenewAfter)
        {
            TakeTokens(await PostAsync("/api/auth/refresh", new JsonObject { ["refreshToken"] = _refreshToken }, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Adds a new counter panel; returns its id.</summary>
    public async Task<string> AddCounterPanelAsync(CancellationToken cancellationToken)
    {
        var panelId = "load-" + (++_panels).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await PostAsync($"/api/workspaces/{WorkspaceId}/panels", new JsonObject { ["panelId"] = panelId, ["source"] = CounterSource }, cancellationToken).ConfigureAwait(false);
        return created["panelId"]!.GetValue<string>();
    }

    public async Task RemovePanelAsync(string panelId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Delete, $"/api/workspaces/{WorkspaceId}/panels/{panelId}");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The panel's WebSocket URL.</summary>
    public Uri SocketUrl(string panelId) =>
        new UriBuilder(Url) { Scheme = Url.Scheme == "https" ? "wss" : "ws", Path = $"/api/workspaces/{WorkspaceId}/panels/{panelId}/ws" }.Uri;

    /// <summary>The path of a tool call over HTTP.</summary>
    public string ToolPath(string panelId) => $"/api/workspaces/{WorkspaceId}/panels/{panelId}/tools/{Tool}";

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, path);
        request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"POST {path} answered no JSON object");
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (AccessToken.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }

        return request;
    }

    private void TakeTokens(JsonObject tokens)
    {
        AccessToken = tokens["accessToken"]!.GetValue<string>();
        _refreshToken = tokens["refreshToken"]!.GetValue<string>();
        _tokenIssued = Stopwatch.GetTimestamp();
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }
    }
}
