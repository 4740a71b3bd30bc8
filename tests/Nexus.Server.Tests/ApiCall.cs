using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nexus.Server.Tests;

/// <summary>A status and its JSON body (for a refusal: problem details with a code, checked by <see cref="ApiCall"/>).</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Code => Json.GetProperty("code").GetString();
}

/// <summary>One HTTP call of the API as the tests make it; every refusal is checked to be clean problem details.</summary>
internal static class ApiCall
{
    public static async Task<ApiResponse> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? bearer)
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

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var result = new ApiResponse(response.StatusCode, text);
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrEmpty(result.Code));
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }

        return result;
    }
}
