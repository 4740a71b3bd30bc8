using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Nexus.Reactor.Extensions;

namespace Nexus.Reactor.Tests.Hostile;

/// <summary>
/// The <c>test.echo</c> extension of hostile panels: <c>back(x)</c> answers <c>x</c> (asynchronously),
/// <c>never()</c> never answers until cancelled; every call is recorded.
/// </summary>
public sealed class EchoExtensions : IExtensionHost
{
    public ConcurrentQueue<ExtensionCall> Calls { get; } = new();

    public async Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Calls.Enqueue(request);
        switch (request.Method)
        {
            case "back":
                await Task.Yield();
                return request.Arguments.Count > 0 ? request.Arguments[0]?.DeepClone() : null;
            case "never":
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            default:
                throw new ExtensionException("no method " + request.Method);
        }
    }
}
