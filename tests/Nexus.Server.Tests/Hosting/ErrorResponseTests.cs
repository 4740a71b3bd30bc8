using System.Net;
using System.Text.Json;

namespace Nexus.Server.Tests.Hosting;

/// <summary>Every error is problem details with a code; internal errors show neither message nor stack trace.</summary>
public sealed class ErrorResponseTests : IAsyncLifetime
{
    private readonly TestServerDataDirectory _data = new();
    private TestServerHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestServerHost.StartAsync(_data.Path, maxRequestBodyBytes: 1024);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task An_unexpected_exception_is_500_INTERNAL_ERROR_without_its_message_or_stack_trace()
    {
        var response = await _host.Client.GetAsync(new Uri("/test/throw", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("INTERNAL_ERROR", json.RootElement.GetProperty("code").GetString());
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.False(json.RootElement.TryGetProperty("detail", out _));
        Assert.False(json.RootElement.TryGetProperty("exception", out _));
    }

    [Theory]
    [InlineData("/test/panel-not-found", HttpStatusCode.NotFound, "PANEL_NOT_FOUND")]
    [InlineData("/test/panel-exists", HttpStatusCode.Conflict, "PANEL_EXISTS")]
    [InlineData("/test/graph-duplicate", HttpStatusCode.Conflict, "DUPLICATE_ID")]
    [InlineData("/test/graph-missing", HttpStatusCode.NotFound, "ENTITY_NOT_FOUND")]
    [InlineData("/test/proposal-conflict", HttpStatusCode.Conflict, "CONFLICT")]
    [InlineData("/test/unknown-code", HttpStatusCode.BadRequest, "SOMETHING_NEW")]
    public async Task A_workspace_refusal_keeps_its_code_and_message_with_the_mapped_status(string path, HttpStatusCode status, string code)
    {
        var response = await _host.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Invalid_nxml_is_400_with_the_diagnostics()
    {
        var response = await _host.Client.GetAsync(new Uri("/test/invalid-nxml", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_NXML", json.RootElement.GetProperty("code").GetString());
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d =>
        {
            Assert.False(string.IsNullOrEmpty(d.GetProperty("code").GetString()));
            Assert.Contains(d.GetProperty("severity").GetString(), new[] { "error", "warning" });
            Assert.True(d.GetProperty("line").GetInt32() >= 1);
        });
    }

    [Fact]
    public async Task An_invalid_proposal_is_400_with_the_diagnostics_of_each_file()
    {
        var response = await _host.Client.GetAsync(new Uri("/test/proposal-invalid", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_NXML", json.RootElement.GetProperty("code").GetString());
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal("panels/x.nxml", d.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task An_unknown_route_is_404_problem_details()
    {
        var response = await _host.Client.GetAsync(new Uri("/no/such/thing", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("NOT_FOUND", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_413_problem_details()
    {
        using var content = new ByteArrayContent(new byte[4096]);
        var response = await _host.Client.PostAsync(new Uri("/test/echo", UriKind.Relative), content, TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_cut_by_the_server_and_answered_413_problem_details()
    {
        using var content = new StreamContent(new NoLengthStream(new byte[4096]));
        var response = await _host.Client.PostAsync(new Uri("/test/echo", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("PAYLOAD_TOO_LARGE", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_body_under_the_limit_reaches_the_endpoint()
    {
        using var content = new ByteArrayContent(new byte[512]);
        var response = await _host.Client.PostAsync(new Uri("/test/echo", UriKind.Relative), content, TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(512, json.RootElement.GetProperty("length").GetInt32());
    }

    /// <summary>A readable stream that does not know its length, so the client sends it chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
