using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Server.Hosting;
using Nexus.Server.Tests.Identity;
using Nexus.Workspace;

namespace Nexus.Server.Tests.Api.Workspaces;

/// <summary>
/// The real server over the test server's HTTP pipeline, with any method (PUT, PATCH too) and access to the live
/// workspaces, for the workspaces API tests. Refusals are checked to be problem details with a code.
/// </summary>
internal sealed class WorkspacesTestServer : IAsyncDisposable
{
    private readonly TestServerFactory _factory;

    public WorkspacesTestServer(string dataDirectory)
    {
        _factory = new TestServerFactory(dataDirectory, settings: new Dictionary<string, string?> { ["Nexus:Auth:RateLimitPermits"] = "1000" });
        Client = _factory.CreateClient();
    }

    public HttpClient Client { get; }

    /// <summary>The server's services (the Studio's ports, as the web UI gets them).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>The live workspace behind an API id (the one the server itself uses).</summary>
    public Task<NexusWorkspace> LiveAsync(string workspaceId) => _factory.Services.GetRequiredService<WorkspaceHost>().GetAsync(workspaceId);

    /// <summary>Whether the workspace's folder exists on disk.</summary>
    public bool FolderExists(string workspaceId) => _factory.Services.GetRequiredService<WorkspaceHost>().Exists(workspaceId);

    /// <summary>Signs up and returns the access token and user id (asserting 201).</summary>
    public async Task<(string Token, string UserId)> SignUpAsync(string email)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/auth/signup", new { email, password = AuthTestServer.Password });
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return (response.Json.GetProperty("accessToken").GetString()!, response.Json.GetProperty("user").GetProperty("id").GetString()!);
    }

    /// <summary>Creates a workspace and returns its id (asserting 201).</summary>
    public async Task<string> CreateWorkspaceAsync(string token, string name = "Lab")
    {
        var response = await SendAsync(HttpMethod.Post, "/api/workspaces", new { name }, token);
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return response.Json.GetProperty("id").GetString()!;
    }

    /// <summary>Adds a member by email with a role (asserting 200).</summary>
    public async Task AddMemberAsync(string ownerToken, string workspaceId, string email, string role)
    {
        var response = await SendAsync(HttpMethod.Put, $"/api/workspaces/{workspaceId}/members", new { email, role }, ownerToken);
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    public Task<ApiResponse> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, body: null, token);

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, string? token = null) =>
        ApiCall.SendAsync(Client, method, path, body, token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}

/// <summary>Reading JSON arrays in assertions.</summary>
internal static class JsonArrays
{
    public static List<string?> Strings(this JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString())];
}
