using System.Runtime.CompilerServices;

namespace Nexus.Nxml;

/// <summary>
/// The recursive passes over a view (builder, checker, layout, printer, sketch) call this at each level: a
/// thread with a small stack then gets an <see cref="InsufficientExecutionStackException"/> (which
/// <see cref="NxmlDocument"/> reports as <c>NESTING_TOO_DEEP</c>) instead of a stack overflow that would end
/// the process.
/// </summary>
internal static class StackGuard
{
    public static void Ensure() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
