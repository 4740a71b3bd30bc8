using Bunit;
using Microsoft.AspNetCore.Components;

namespace Nexus.Studio.Tests.Support;

/// <summary>Generous waits: a live panel answers asynchronously (the journal write comes first), never in a fixed time.</summary>
internal static class Waiting
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static void Until<T>(this IRenderedComponent<T> rendered, Action assertion)
        where T : IComponent => rendered.WaitForAssertion(assertion, Timeout);
}
