using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nexus.Workspace.Extensions.Http;

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
