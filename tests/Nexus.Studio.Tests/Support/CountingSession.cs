using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Studio.Rendering.Session;

namespace Nexus.Studio.Tests.Support;

/// <summary>A session that counts how often the renderer asks the runtime to evaluate something.</summary>
internal sealed class CountingSession(IPanelSession inner) : DelegatingPanelSession(inner)
{
    private int _evaluations;

    public int Evaluations => Volatile.Read(ref _evaluations);

    /// <summary>The count once no evaluation has come for a while (the renderer's refreshes have all finished).</summary>
    public async Task<int> SettledAsync()
    {
        var last = -1;
        while (Evaluations != last)
        {
            last = Evaluations;
            await Task.Delay(300, Xunit.TestContext.Current.CancellationToken);
        }

        return last;
    }

    public override Task<JsonNode?> EvaluateAsync(ComponentNode component, string prop, ViewScope scope)
    {
        Interlocked.Increment(ref _evaluations);
        return base.EvaluateAsync(component, prop, scope);
    }

    public override Task<string?> EvaluateTextAsync(ComponentNode component, ViewScope scope)
    {
        Interlocked.Increment(ref _evaluations);
        return base.EvaluateTextAsync(component, scope);
    }
}
