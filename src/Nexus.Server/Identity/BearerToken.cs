namespace Nexus.Server.Identity;

/// <summary>
/// Where a request carries its token: <c>Authorization: Bearer …</c>, or <c>?access_token=</c> on WebSocket paths
/// (ending in <c>/ws</c>) only, because browsers cannot set headers on a WebSocket upgrade. Anywhere else a token in
/// the query would end up in logs and browser history, so it is ignored.
/// </summary>
internal static class BearerToken
{
    public const string QueryParameter = "access_token";

    public static string? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return token.Length == 0 ? null : token;
        }

        if (request.Path.Value?.EndsWith("/ws", StringComparison.Ordinal) == true
            && request.Query.TryGetValue(QueryParameter, out var values) && !string.IsNullOrEmpty(values.ToString()))
        {
            return values.ToString();
        }

        return null;
    }
}
