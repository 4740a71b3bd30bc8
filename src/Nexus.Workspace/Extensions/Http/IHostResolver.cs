using System.Net;

namespace Nexus.Workspace.Extensions.Http;

/// <summary>
/// Resolves host names for <c>nexus.http</c>. The extension checks the addresses it returns and connects to one of
/// those it approved, so what was checked is what is reached (no second lookup an attacker's DNS could answer
/// differently).
/// </summary>
public interface IHostResolver
{
    /// <summary>The addresses of <paramref name="host"/> (a name, never an IP literal); empty when it has none.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system's resolver (<see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>).</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public static readonly DnsHostResolver Instance = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
