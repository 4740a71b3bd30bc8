using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Api;
using Nexus.Server.Data;
using Nexus.Server.Hosting;

namespace Nexus.Server.Tests.Api.Panels;

/// <summary>A status and its JSON body; refusals are checked to be problem details with a code.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Code => Json.GetProperty("code").GetString();
}

/// <summary>A signed-up user: id and bearer token.</summary>
internal sealed record TestUser(Guid Id, string Token);

/// <summary>The real server (Program) on a test server, with helpers to sign up, create workspaces and call the API.</summary>
internal sealed class PanelsTestServer : IAsyncDisposable
{
    private readonly TestServerFactory _factory;

    public PanelsTestServer(string dataDirectory)
    {
        _factory = new TestServerFactory(dataDirectory, settings: new Dictionary<string, string?> { ["Nexus:Auth:RateLimitPermits"] = "1000" });
        Client = _factory.CreateClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public async Task<TestUser> SignUpAsync(string email)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/auth/signup", null, new { email, password = "correct-horse-7" });
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return new TestUser(Guid.Parse(response.Json.GetProperty("user").GetProperty("id").GetString()!), response.Json.GetProperty("accessToken").GetString()!);
    }

    public async Task<TestUser> LogInAsync(string email)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/auth/login", null, new { email, password = "correct-horse-7" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return new TestUser(Guid.Parse(response.Json.GetProperty("user").GetProperty("id").GetString()!), response.Json.GetProperty("accessToken").GetString()!);
    }

    /// <summary>A workspace record owned by <paramref name="owner"/> and its folder in the host; returns its id.</summary>
    public async Task<string> CreateWorkspaceAsync(TestUser owner, string name = "Lab")
    {
        using var scope = Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().CreateAsync(owner.Id, name, null, TestContext.Current.CancellationToken);
        await Services.GetRequiredService<WorkspaceHost>().CreateAsync(WorkspaceAccess.HostId(record.Id), name);
        return WorkspaceAccess.HostId(record.Id);
    }

    public async Task AddMemberAsync(string workspaceId, TestUser user, WorkspaceRole role)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().SetMemberAsync(Guid.Parse(workspaceId), user.Id, role, TestContext.Current.CancellationToken);
    }

    public async Task SetFreePlanPanelLimitAsync(int max)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var plan = db.Plans.Single(p => p.Id == Plan.FreeId);
        plan.MaxPanelsPerWorkspace = max;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public Task<ApiResponse> GetAsync(string path, TestUser? user) => SendAsync(HttpMethod.Get, path, user?.Token, body: null);

    public Task<ApiResponse> PostAsync(string path, TestUser? user, object? body) => SendAsync(HttpMethod.Post, path, user?.Token, body);

    public Task<ApiResponse> PutAsync(string path, TestUser? user, object? body) => SendAsync(HttpMethod.Put, path, user?.Token, body);

    public Task<ApiResponse> DeleteAsync(string path, TestUser? user) => SendAsync(HttpMethod.Delete, path, user?.Token, body: null);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? bearer, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var result = new ApiResponse(response.StatusCode, text);
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrEmpty(result.Code));
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }

        return result;
    }
}
