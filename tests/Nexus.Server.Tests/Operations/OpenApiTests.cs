using System.Net;
using System.Text.Json;

namespace Nexus.Server.Tests.Operations;

/// <summary>The OpenAPI document is served and describes the operations endpoints.</summary>
public sealed class OpenApiTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_document_lists_the_operations_endpoints()
    {
        await using var server = new TestServerFactory(_data.Path);
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/health/live", out _));
        Assert.True(paths.TryGetProperty("/health/ready", out _));
        Assert.True(paths.TryGetProperty("/metrics", out _));
    }
}
