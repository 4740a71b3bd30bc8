using System.Collections.Concurrent;
using System.Net;
using Nexus.Workspace.Extensions.Http;

namespace Nexus.Workspace.Tests.Extensions;

/// <summary>A DNS the test writes: names map to the addresses given; unknown names do not resolve.</summary>
internal sealed class FakeResolver(IReadOnlyDictionary<string, string[]> names) : IHostResolver
{
    public ConcurrentQueue<string> Lookups { get; } = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(host);
        return Task.FromResult(names.TryGetValue(host, out var addresses) ? addresses.Select(IPAddress.Parse).ToArray() : []);
    }
}
