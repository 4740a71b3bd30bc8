using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nexus.Workspace.Extensions.Http;

/// <summary>A request as a panel described it: method, headers and body, checked once and replayed on redirects.</summary>
internal sealed class PanelRequest
{
    /// <summary>Headers the transport owns; a panel setting them could smuggle requests or pick another virtual host.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer",
        "expect", "proxy-authorization", "proxy-connection", "proxy-authenticate",
    };

    /// <summary>Headers that carry credentials: not sent on to another origin after a redirect.</summary>
    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase) { "authorization", "cookie" };

    private PanelRequest(HttpMethod method, IReadOnlyList<KeyValuePair<string, string>> headers, byte[]? body, string? bodyType)
    {
        Method = method;
        Headers = headers;
        Body = body;
        BodyType = bodyType;
    }

    public HttpMethod Method { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[]? Body { get; }

    private string? BodyType { get; }

    /// <summary>Checks the headers and encodes the body: a string is sent as text, any other JSON value as JSON.</summary>
    public static PanelRequest Create(HttpMethod method, JsonNode? body, IReadOnlyList<KeyValuePair<string, string>> headers, Func<string, Exception> error)
    {
        foreach (var (name, value) in headers)
        {
            if (name.Length == 0 || !name.All(IsTokenChar))
            {
                throw error($"'{name}' is not a valid header name");
            }

            if (ReservedHeaders.Contains(name))
            {
                throw error($"the header '{name}' is set by the connection and may not be given");
            }

            if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                throw error($"the value of header '{name}' contains a line break or NUL");
            }
        }

        return body switch
        {
            null => new PanelRequest(method, headers, null, null),
            JsonValue text when text.GetValueKind() == JsonValueKind.String =>
                new PanelRequest(method, headers, Encoding.UTF8.GetBytes(text.GetValue<string>()), "text/plain; charset=utf-8"),
            _ => new PanelRequest(method, headers, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json; charset=utf-8"),
        };
    }

    public long Size(Uri uri) =>
        uri.AbsoluteUri.Length + Headers.Sum(h => (long)Encoding.UTF8.GetByteCount(h.Key) + Encoding.UTF8.GetByteCount(h.Value)) + (Body?.Length ?? 0);

    /// <summary>
    /// The request to follow a redirect with <paramref name="status"/>: 303, and 301/302 after a POST, continue as a
    /// GET without body (as browsers do); credentials stay behind when the origin changes.
    /// </summary>
    public PanelRequest Redirected(int status, Uri from, Uri to)
    {
        var asGet = status == 303 || (status is 301 or 302 && Method == HttpMethod.Post);
        var sameOrigin = Uri.Compare(from, to, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
        var headers = sameOrigin ? Headers : [.. Headers.Where(h => !CredentialHeaders.Contains(h.Key))];
        return asGet ? new PanelRequest(HttpMethod.Get, headers, null, null) : new PanelRequest(Method, headers, Body, BodyType);
    }

    public HttpRequestMessage ToMessage(Uri uri, Func<string, Exception> error)
    {
        var message = new HttpRequestMessage(Method, uri);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(BodyType!);
        }

        foreach (var (name, value) in Headers)
        {
            if (message.Headers.TryAddWithoutValidation(name, value))
            {
                continue;
            }

            if (message.Content is null)
            {
                message.Dispose();
                throw error($"the header '{name}' describes a body, and this request has none");
            }

            message.Content.Headers.Remove(name);
            if (!message.Content.Headers.TryAddWithoutValidation(name, value))
            {
                message.Dispose();
                throw error($"the header '{name}' cannot be set");
            }
        }

        return message;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}

/// <summary>Reads a response into the JSON a panel gets: <c>{status, url, headers, text, json}</c>.</summary>
internal static class PanelResponse
{
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, Uri uri, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var body = await ReadBoundedAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
        var text = EncodingOf(response.Content.Headers.ContentType).GetString(body);
        var headers = new JsonObject();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", values);
        }

        return new JsonObject
        {
            ["status"] = (int)response.StatusCode,
            ["url"] = uri.AbsoluteUri,
            ["headers"] = headers,
            ["text"] = text,
            ["json"] = IsJson(response.Content.Headers.ContentType) ? TryParse(text) : null,
        };
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    body.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return body.ToArray();
        }
    }

    private static HttpCallException TooLarge(long maxBytes) => new($"the response is larger than the limit of {maxBytes} bytes");

    private static Encoding EncodingOf(MediaTypeHeaderValue? type)
    {
        try
        {
            return type?.CharSet is { Length: > 0 } charset ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static JsonNode? TryParse(string text)
    {
        try
        {
            // Duplicate keys fail here rather than later, when the panel's runtime walks the object.
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
