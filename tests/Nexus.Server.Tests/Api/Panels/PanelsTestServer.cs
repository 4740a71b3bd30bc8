using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Api;
using Nexus.Server.Data;
using Nexus.Server.Hosting;

namespace Nexus.Server.Tests.Api.Panels;

/// <summary>A signed-up user: id and bearer token.</summary>
internal sealed record TestUser(Guid Id, string Token);

/// <summary>The real server (Program) on a test server, with helpers to sign up, create workspaces and call the API.</summary>
internal sealed class PanelsTestServer : IAsyncDisposable
{
    private readonly TestServerFactory _factory;

    public PanelsTestServer(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Nexus:Auth:RateLimitPermits"] = "1000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _factory = new TestServerFactory(dataDirectory, settings: all);
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

    private Task<ApiResponse> SendAsync(HttpMethod method, string path, string? bearer, object? body) =>
        ApiCall.SendAsync(Client, method, path, body, bearer);
}
