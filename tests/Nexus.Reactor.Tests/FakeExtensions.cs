using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Nexus.Reactor.Extensions;

namespace Nexus.Reactor.Tests;

/// <summary>An extension host whose answers the test controls (the real extensions come with the workspace layer).</summary>
internal sealed class FakeExtensions : IExtensionHost
{
    private readonly ConcurrentQueue<(ExtensionCall Call, TaskCompletionSource<JsonNode?> Answer)> _calls = new();

    public Func<ExtensionCall, JsonNode?>? Immediate { get; set; }

    public int Count => _calls.Count;

    public Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken)
    {
        if (Immediate is { } answer)
        {
            return Task.FromResult(answer(request));
        }

        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        _calls.Enqueue((request, completion));
        return completion.Task;
    }

    /// <summary>Waits for the next call the panel makes.</summary>
    public async Task<(ExtensionCall Call, TaskCompletionSource<JsonNode?> Answer)> NextAsync()
    {
        for (var i = 0; i < 500; i++)
        {
            if (_calls.TryDequeue(out var call))
            {
                return call;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("the panel made no extension call");
    }
}
