using System.Net;
using System.Net.Sockets;

namespace Nexus.Workspace.Extensions.Http;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of <c>nexus.http</c>: resolves the host itself, keeps only
/// the addresses a panel may reach, and connects the socket to one of them. Every connection (first request,
/// each redirect, every new pooled connection) passes here, so the address checked is the address connected to.
/// </summary>
internal sealed class GuardedConnector(IHostResolver resolver, HostPatterns privateNetworkHosts)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = HostPatterns.Normalize(context.DnsEndPoint.Host);
        var addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        var approved = privateNetworkHosts.Matches(host)
            ? addresses
            : [.. addresses.Where(a => AddressPolicy.Classify(a) == AddressKind.Public)];
        if (approved.Length == 0)
        {
            var kind = AddressPolicy.Describe(AddressPolicy.Classify(addresses[0]));
            throw new HttpCallException($"host '{host}' resolves to {kind}, which panels may not reach (a workspace admin can allow it in allowPrivateNetworkHosts)");
        }

        SocketException? lastFailure = null;
        foreach (var approvedAddress in approved)
        {
            var address = approvedAddress.IsIPv4MappedToIPv6 ? approvedAddress.MapToIPv4() : approvedAddress;
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastFailure = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpCallException($"could not connect to '{host}' port {context.DnsEndPoint.Port} ({lastFailure?.SocketErrorCode.ToString() ?? "no address"})");
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            throw new HttpCallException($"host '{host}' could not be resolved");
        }

        return addresses is { Length: > 0 } ? addresses : throw new HttpCallException($"host '{host}' could not be resolved");
    }
}
