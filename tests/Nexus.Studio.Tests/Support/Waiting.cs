using Bunit;
using Microsoft.AspNetCore.Components;

namespace Nexus.Studio.Tests.Support;

/// <summary>Generous waits: a live panel answers asynchronously (the journal write comes first), never in a fixed time.</summary>
internal static class Waiting
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static void Until<T>(this IRenderedComponent<T> rendered, Action assertion)
        where T : IComponent => rendered.WaitForAssertion(assertion, Timeout);

    /// <summary>
    /// Finds an element and acts on it in one step on the renderer's dispatcher, so a change arriving from the
    /// runtime cannot re-render the panel between finding the element and raising its event.
    /// </summary>
    public static void Act<T>(this IRenderedComponent<T> rendered, Action findAndAct)
        where T : IComponent => rendered.InvokeAsync(findAndAct).GetAwaiter().GetResult();
}
