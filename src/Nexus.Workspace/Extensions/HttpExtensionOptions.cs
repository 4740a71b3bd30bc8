using System.Text.Json.Serialization;
using Nexus.Workspace.Extensions.Http;

namespace Nexus.Workspace.Extensions;

/// <summary>Limits of <c>nexus.http</c>. Every value is validated when set.</summary>
public sealed record HttpExtensionOptions
{
    /// <summary>
    /// Hosts a panel may reach: exact names (<c>api.example.com</c>), IP literals, <c>*.example.com</c> (any name
    /// below <c>example.com</c>, not <c>example.com</c> itself) or <c>*</c> (any host). Default none. Whatever the list
    /// says, loopback, private, link-local and other non-public addresses stay refused unless the host is also in
    /// <see cref="AllowPrivateNetworkHosts"/>.
    /// </summary>
    [JsonPropertyName("allowedHosts")]
    public IReadOnlyList<string> AllowedHosts
    {
        get;
        init => field = OptionRules.Items(nameof(AllowedHosts), value, pattern => HostPatterns.Check(pattern, allowAny: true));
    } = [];

    /// <summary>
    /// Hosts for which loopback, private, link-local and other non-public addresses are allowed: an explicit admin
    /// decision (an intranet service, a local development server). Same patterns as <see cref="AllowedHosts"/>
    /// except <c>*</c>; a host must be in both lists. Default none.
    /// </summary>
    [JsonPropertyName("allowPrivateNetworkHosts")]
    public IReadOnlyList<string> AllowPrivateNetworkHosts
    {
        get;
        init => field = OptionRules.Items(nameof(AllowPrivateNetworkHosts), value, pattern => HostPatterns.Check(pattern, allowAny: false));
    } = [];

    /// <summary>Wall time of one call: connecting, every redirect and reading the whole response. Default 10 s, at most 5 minutes.</summary>
    [JsonPropertyName("timeout")]
    public TimeSpan Timeout { get; init => field = OptionRules.Between(nameof(Timeout), value, TimeSpan.FromMinutes(5)); } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes of a response body read before the call fails (counted while reading, whatever Content-Length says). Default 1 MiB.</summary>
    [JsonPropertyName("maxResponseBytes")]
    public long MaxResponseBytes { get; init => field = OptionRules.Positive(nameof(MaxResponseBytes), value); } = 1024 * 1024;

    /// <summary>Redirects followed, each checked like the first request; one more fails the call (0: any redirect fails). Default 5.</summary>
    [JsonPropertyName("maxRedirects")]
    public int MaxRedirects { get; init => field = OptionRules.AtLeastZero(nameof(MaxRedirects), value); } = 5;

    /// <summary>Bytes of a request: the URL, the header names and values and the body. Default 1 MiB.</summary>
    [JsonPropertyName("maxRequestBytes")]
    public long MaxRequestBytes { get; init => field = OptionRules.Positive(nameof(MaxRequestBytes), value); } = 1024 * 1024;
}
