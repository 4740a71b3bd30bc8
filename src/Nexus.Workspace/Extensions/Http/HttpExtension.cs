using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Nexus.Reactor.Extensions;

namespace Nexus.Workspace.Extensions.Http;

/// <summary>
/// <c>nexus.http</c>: <c>get(url, headers?)</c>, <c>post(url, body?, headers?)</c>, <c>put(url, body?, headers?)</c>,
/// <c>delete(url, headers?)</c>, each answering <c>{status, url, headers, text, json}</c>. Only http and https, only
/// hosts on the allow-list, never a non-public address unless the admin allowed it for that host; redirects are
/// followed here, each hop checked again; time and response size are bounded. One connection pool per instance.
/// </summary>
public sealed class HttpExtension : IWorkspaceExtension, IDisposable
{
    private readonly HttpExtensionOptions _options;
    private readonly HostPatterns _allowedHosts;
    private readonly HttpClient _client;

    public HttpExtension(HttpExtensionOptions options, IHostResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _allowedHosts = new HostPatterns(options.AllowedHosts);
        var connector = new GuardedConnector(resolver ?? DnsHostResolver.Instance, new HostPatterns(options.AllowPrivateNetworkHosts));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = connector.ConnectAsync,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Nexus", "1.0"));
    }

    public string Name => BuiltInExtensions.Http;

    public IReadOnlyList<string> Methods { get; } = ["get", "post", "put", "delete"];

    public Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (method, args) = request.Method switch
        {
            "get" => (HttpMethod.Get, new ExtensionArguments(request, "url", "headers")),
            "delete" => (HttpMethod.Delete, new ExtensionArguments(request, "url", "headers")),
            "post" => (HttpMethod.Post, new ExtensionArguments(request, "url", "body", "headers")),
            "put" => (HttpMethod.Put, new ExtensionArguments(request, "url", "body", "headers")),
            _ => throw new ExtensionException($"{Name} has no method '{request.Method}'"),
        };
        var hasBody = method == HttpMethod.Post || method == HttpMethod.Put;
        var url = args.RequiredString(0, "url");
        var headers = args.OptionalStringMap(hasBody ? 2 : 1, "headers");
        var panelRequest = PanelRequest.Create(method, hasBody ? args.Optional(1) : null, headers, ExtensionArguments.Error);
        return SendAsync(url, panelRequest, cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    private async Task<JsonNode?> SendAsync(string url, PanelRequest request, CancellationToken cancellationToken)
    {
        var uri = CheckTarget(url);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (request.Size(uri) > _options.MaxRequestBytes)
                {
                    throw ExtensionArguments.Error($"the request is larger than the limit of {_options.MaxRequestBytes} bytes");
                }

                using var message = request.ToMessage(uri, ExtensionArguments.Error);
                using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (redirects == _options.MaxRedirects)
                    {
                        throw ExtensionArguments.Error($"too many redirects (the limit is {_options.MaxRedirects})");
                    }

                    var next = CheckTarget((location.IsAbsoluteUri ? location : new Uri(uri, location)).AbsoluteUri, redirected: true);
                    request = request.Redirected(status, uri, next);
                    uri = next;
                    continue;
                }

                return await PanelResponse.ReadAsync(response, uri, _options.MaxResponseBytes, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw ExtensionArguments.Error($"timed out after {_options.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpCallException ex)
        {
            throw ExtensionArguments.Error(ex.Message);
        }
        catch (HttpRequestException ex)
        {
            throw ExtensionArguments.Error(Describe(ex));
        }
    }

    /// <summary>The URL as a request target, or why a panel may not reach it.</summary>
    private Uri CheckTarget(string url, bool redirected = false)
    {
        var where = redirected ? $"redirected to '{url}': " : "";
        // A bare path such as "/x" parses as an absolute file URI on Unix; it is a relative URL to the panel's author.
        if (url.StartsWith('/') || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw ExtensionArguments.Error($"{where}'{url}' is not an absolute URL");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw ExtensionArguments.Error($"{where}only http and https URLs are allowed, not '{uri.Scheme}'");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw ExtensionArguments.Error($"{where}credentials in the URL are not allowed; send an Authorization header");
        }

        var host = HostPatterns.Normalize(uri.IdnHost);
        if (!_allowedHosts.Matches(host))
        {
            throw ExtensionArguments.Error($"{where}host '{host}' is not in this workspace's allowedHosts");
        }

        return uri;
    }

    /// <summary>A short reason for a transport failure; the reason we raised ourselves when there is one.</summary>
    private static string Describe(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpCallException ours)
            {
                return ours.Message;
            }
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name could not be resolved",
            HttpRequestError.ConnectionError => "the connection failed",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ResponseEnded => "the server closed the connection before the response was complete",
            HttpRequestError.InvalidResponse => "the server sent an invalid response",
            HttpRequestError.ConfigurationLimitExceeded => "the response headers are too large",
            _ => "the request failed",
        };
    }
}
