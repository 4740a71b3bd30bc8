using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;

namespace Nexus.Studio.Tests.Support;

/// <summary>Generous waits: a live panel answers asynchronously (the journal write comes first), never in a fixed time.</summary>
internal static class Waiting
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static void Until<T>(this IRenderedComponent<T> rendered, Action assertion)
        where T : IComponent => rendered.WaitForAssertion(assertion, Timeout);

    /// <summary>
    /// Finds an element and acts on it, again if the panel re-rendered in between (a change arriving from the
    /// runtime replaces the element's event handlers, and the event was then not delivered).
    /// </summary>
    public static void Act(Action findAndAct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                findAndAct();
                return;
            }
            catch (UnknownEventHandlerIdException) when (attempt < 50)
            {
            }
        }
    }
}
