using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Nexus.Server.Tests.Identity;

/// <summary>A clock the tests move by hand: token lifetimes, lockouts and PAT expiry all read it.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>A status and a parsed JSON body (null for an empty body).</summary>
internal sealed record AuthResponse(HttpStatusCode Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Code => Json.GetProperty("code").GetString();
}

/// <summary>
/// The real server (Program, with <c>MapAuthApi</c>) over the test server's HTTP pipeline, with a manual clock and
/// settings the tests choose (the auth rate limit is generous unless a test lowers it).
/// </summary>
internal sealed class AuthTestServer : IAsyncDisposable
{
    public const string Password = "correct-horse-7";

    private readonly TestServerFactory _factory;

    public AuthTestServer(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Nexus:Auth:RateLimitPermits"] = "1000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _factory = new TestServerFactory(dataDirectory, services => services.AddSingleton<TimeProvider>(Clock), all);
        Client = _factory.CreateClient();
    }

    public ManualClock Clock { get; } = new();

    public HttpClient Client { get; }

    public async Task<AuthResponse> PostAsync(string path, object body, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        return await SendAsync(request, bearer);
    }

    public async Task<AuthResponse> GetAsync(string path, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        return await SendAsync(request, bearer);
    }

    public async Task<AuthResponse> DeleteAsync(string path, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(path, UriKind.Relative));
        return await SendAsync(request, bearer);
    }

    /// <summary>Signs up and returns the session (asserting 201).</summary>
    public async Task<JsonElement> SignUpAsync(string email, string password = Password)
    {
        var response = await PostAsync("/api/auth/signup", new { email, password });
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return response.Json;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<AuthResponse> SendAsync(HttpRequestMessage request, string? bearer)
    {
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var result = new AuthResponse(response.StatusCode, body);
        if ((int)response.StatusCode >= 400)
        {
            // Every refusal is problem details with a code, and never shows a stack trace or an exception type.
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrEmpty(result.Code));
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        }

        return result;
    }
}
