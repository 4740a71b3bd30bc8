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
