using System.Net;
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

    public Task<ApiResponse> PostAsync(string path, object body, string? bearer = null) => ApiCall.SendAsync(Client, HttpMethod.Post, path, body, bearer);

    public Task<ApiResponse> GetAsync(string path, string? bearer = null) => ApiCall.SendAsync(Client, HttpMethod.Get, path, null, bearer);

    public Task<ApiResponse> DeleteAsync(string path, string? bearer = null) => ApiCall.SendAsync(Client, HttpMethod.Delete, path, null, bearer);

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
}
