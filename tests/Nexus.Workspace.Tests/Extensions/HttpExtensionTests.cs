using System.Text.Json.Nodes;
using Nexus.Reactor.Extensions;
using Nexus.Workspace.Extensions;
using Nexus.Workspace.Extensions.Http;

namespace Nexus.Workspace.Tests.Extensions;

public sealed class HttpExtensionTests : IAsyncDisposable
{
    private readonly TestHttpServer _server;
    private readonly FakeResolver _resolver;
    private Func<ReceivedRequest, Reply> _reply = _ => new Reply(200, "hello");

    public HttpExtensionTests()
    {
        _server = new TestHttpServer(request => _reply(request));
        _resolver = new FakeResolver(new Dictionary<string, string[]>
        {
            ["api.example.test"] = ["127.0.0.1"],
            ["api2.example.test"] = ["127.0.0.1"],
            ["evil.example.test"] = ["127.0.0.1"],
            ["sneaky.example.test"] = ["::ffff:127.0.0.1"],
        });
    }

    private int Port => _server.Port;

    private string Api => $"http://api.example.test:{Port}";

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_allowed_host_the_admin_opened_to_private_networks_is_reached_with_headers_and_the_json_parsed()
    {
        _reply = r => Reply.Json($$"""{"path":"{{r.Target}}","token":"{{r.Headers["X-Token"]}}"}""");
        using var http = Extension();
        var response = await Invoke(http, "get", $"{Api}/items?x=1", new JsonObject { ["X-Token"] = "t-42" });
        Assert.Equal(200, response["status"]!.GetValue<int>());
        Assert.Equal("/items?x=1", response["json"]!["path"]!.GetValue<string>());
        Assert.Equal("t-42", response["json"]!["token"]!.GetValue<string>());
        Assert.StartsWith("application/json", response["headers"]!["content-type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"{Api}/items?x=1", response["url"]!.GetValue<string>());
        Assert.Equal(["api.example.test"], _resolver.Lookups);
    }

    [Fact]
    public async Task Post_sends_a_json_body_and_put_a_text_body_and_a_non_json_answer_has_json_null()
    {
        _reply = r => new Reply(201, $"{r.Method} {r.Headers.GetValueOrDefault("Content-Type")} {r.Body}");
        using var http = Extension();
        var posted = await Invoke(http, "post", $"{Api}/todos", new JsonObject { ["text"] = "milk", ["n"] = 2 });
        Assert.Equal(201, posted["status"]!.GetValue<int>());
        Assert.Equal("POST application/json; charset=utf-8 {\"text\":\"milk\",\"n\":2}", posted["text"]!.GetValue<string>());
        Assert.Null(posted["json"]);

        var put = await Invoke(http, "put", $"{Api}/note", "plain words", new JsonObject { ["Content-Type"] = "text/markdown" });
        Assert.Equal("PUT text/markdown plain words", put["text"]!.GetValue<string>());

        var deleted = await Invoke(http, "delete", $"{Api}/todos/1");
        Assert.Equal("DELETE  ", deleted["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("[::1]", "a loopback address")]
    [InlineData("[::ffff:127.0.0.1]", "a loopback address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("10.0.0.1", "a private-network address")]
    [InlineData("172.16.0.1", "a private-network address")]
    [InlineData("192.168.1.1", "a private-network address")]
    [InlineData("100.64.0.1", "a carrier-grade NAT address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("[fe80::1]", "a link-local address")]
    [InlineData("[fd00::1]", "a private-network address")]
    public async Task Non_public_addresses_are_refused_even_when_the_host_is_on_the_allow_list(string host, string kind)
    {
        using var http = Extension(allowed: ["*"]);
        var error = await Refused(http, "get", $"http://{host}:{Port}/");
        Assert.Contains($"resolves to {kind}, which panels may not reach", error, StringComparison.Ordinal);
        Assert.Empty(_server.Received);
    }

    [Theory]
    [InlineData("evil.example.test")]
    [InlineData("sneaky.example.test")]
    public async Task A_name_resolving_to_loopback_is_refused_at_connection_time(string host)
    {
        using var http = Extension();
        var error = await Refused(http, "get", $"http://{host}:{Port}/");
        Assert.Contains($"host '{host}' resolves to a loopback address", error, StringComparison.Ordinal);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task A_redirect_to_loopback_or_to_a_host_off_the_allow_list_is_refused_before_it_is_followed()
    {
        using var http = Extension(allowed: ["api.example.test", "evil.example.test", "127.0.0.1"]);
        foreach (var (target, reason) in new[]
        {
            ($"http://127.0.0.1:{Port}/admin", "resolves to a loopback address"),
            ($"http://evil.example.test:{Port}/admin", "host 'evil.example.test' resolves to a loopback address"),
            ($"http://elsewhere.test:{Port}/admin", "host 'elsewhere.test' is not in this workspace's allowedHosts"),
            ("file:///etc/passwd", "only http and https URLs are allowed"),
        })
        {
            _reply = _ => Reply.Redirect(302, target);
            var before = _server.Received.Count;
            var error = await Refused(http, "get", $"{Api}/start");
            Assert.Contains(reason, error, StringComparison.Ordinal);
            Assert.Equal(before + 1, _server.Received.Count);
        }

        Assert.DoesNotContain(_server.Received, r => r.Target == "/admin");
    }

    [Fact]
    public async Task Redirects_are_followed_with_303_turning_a_post_into_a_get_and_credentials_kept_to_their_origin()
    {
        _reply = r => r.Target switch
        {
            "/post" => Reply.Redirect(303, $"http://api2.example.test:{Port}/landing"),
            _ => new Reply(200, $"{r.Method} auth={r.Headers.GetValueOrDefault("Authorization")} trace={r.Headers.GetValueOrDefault("X-Trace")} body={r.Body}"),
        };
        using var http = Extension(privateHosts: ["api.example.test", "api2.example.test"]);
        var response = await Invoke(http, "post", $"{Api}/post", new JsonObject { ["a"] = 1 }, new JsonObject { ["Authorization"] = "Bearer s3cret", ["X-Trace"] = "7" });
        Assert.Equal("GET auth= trace=7 body=", response["text"]!.GetValue<string>());
        Assert.Equal($"http://api2.example.test:{Port}/landing", response["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task More_redirects_than_the_limit_fail()
    {
        _reply = r => Reply.Redirect(307, r.Target + "x");
        using var http = Extension(options: o => o with { MaxRedirects = 3 });
        Assert.Contains("too many redirects (the limit is 3)", await Refused(http, "get", $"{Api}/r"), StringComparison.Ordinal);
        Assert.Equal(4, _server.Received.Count);
    }

    [Theory]
    [InlineData("http://unknown.test/", "host 'unknown.test' is not in this workspace's allowedHosts")]
    [InlineData("http://example.test/", "host 'example.test' is not in this workspace's allowedHosts")]
    [InlineData("ftp://api.example.test/", "only http and https URLs are allowed, not 'ftp'")]
    [InlineData("file:///etc/passwd", "only http and https URLs are allowed, not 'file'")]
    [InlineData("gopher://api.example.test/", "only http and https URLs are allowed")]
    [InlineData("/relative", "is not an absolute URL")]
    [InlineData("http://user:pw@api.example.test/", "credentials in the URL are not allowed")]
    public async Task Urls_outside_the_allow_list_or_of_other_schemes_are_refused(string url, string reason)
    {
        using var http = Extension(allowed: ["*.example.test"]);
        Assert.Contains(reason, await Refused(http, "get", url), StringComparison.Ordinal);
        Assert.Empty(_resolver.Lookups);
    }

    [Fact]
    public async Task A_response_over_the_size_limit_fails_whether_or_not_it_announces_its_length()
    {
        using var http = Extension(options: o => o with { MaxResponseBytes = 1_000 });
        _reply = _ => new Reply(200, new string('a', 5_000));
        Assert.Contains("larger than the limit of 1000 bytes", await Refused(http, "get", $"{Api}/big"), StringComparison.Ordinal);
        _reply = _ => new Reply(200, new string('b', 50_000)) { OmitLength = true };
        Assert.Contains("larger than the limit of 1000 bytes", await Refused(http, "get", $"{Api}/unannounced"), StringComparison.Ordinal);
        _reply = _ => new Reply(200, new string('c', 1_000)) { OmitLength = true };
        Assert.Equal(1_000, (await Invoke(http, "get", $"{Api}/exact"))["text"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task A_request_over_the_size_limit_or_with_transport_headers_is_refused()
    {
        using var http = Extension(options: o => o with { MaxRequestBytes = 200 });
        Assert.Contains("request is larger than the limit of 200 bytes", await Refused(http, "post", $"{Api}/", new string('x', 300)), StringComparison.Ordinal);
        Assert.Contains("'Host' is set by the connection", await Refused(http, "get", $"{Api}/", new JsonObject { ["Host"] = "internal" }), StringComparison.Ordinal);
        Assert.Contains("line break", await Refused(http, "get", $"{Api}/", new JsonObject { ["X-A"] = "a\r\nX-B: b" }), StringComparison.Ordinal);
        Assert.Contains("must be a string", await Refused(http, "get", $"{Api}/", new JsonObject { ["X-A"] = 1 }), StringComparison.Ordinal);
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task A_slow_server_times_out_and_a_cancelled_call_is_cancelled()
    {
        _reply = _ => new Reply(200, "late") { Delay = TimeSpan.FromSeconds(30) };
        using var http = Extension(options: o => o with { Timeout = TimeSpan.FromMilliseconds(300) });
        Assert.Contains("timed out after 0.3 s", await Refused(http, "get", $"{Api}/slow"), StringComparison.Ordinal);

        using var patient = Extension();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => patient.InvokeAsync(Call("get", $"{Api}/slow"), cancel.Token));
    }

    private HttpExtension Extension(string[]? allowed = null, string[]? privateHosts = null, Func<HttpExtensionOptions, HttpExtensionOptions>? options = null)
    {
        var settings = new HttpExtensionOptions
        {
            AllowedHosts = allowed ?? ["api.example.test", "api2.example.test", "evil.example.test", "sneaky.example.test"],
            AllowPrivateNetworkHosts = privateHosts ?? ["api.example.test"],
        };
        return new HttpExtension(options is null ? settings : options(settings), _resolver);
    }

    private static ExtensionCall Call(string method, params JsonNode?[] args) => new("panel-1", BuiltInExtensions.Http, method, args);

    private static async Task<JsonNode> Invoke(HttpExtension http, string method, params JsonNode?[] args) =>
        (await http.InvokeAsync(Call(method, args), TestContext.Current.CancellationToken))!;

    private static async Task<string> Refused(HttpExtension http, string method, params JsonNode?[] args) =>
        (await Assert.ThrowsAsync<ExtensionException>(() => http.InvokeAsync(Call(method, args), TestContext.Current.CancellationToken))).Message;
}
