namespace Nexus.Reactor.Execution;

/// <summary>
/// Stops a handler with a run-time error code (<c>PERMISSION_DENIED</c>, <c>TYPE_MISMATCH</c>, ...). It is a
/// host exception, not a JavaScript one: handler code cannot catch it with <c>try</c>/<c>catch</c>, so a
/// refused access always fails the tool with its code.
/// </summary>
internal sealed class SandboxAbort(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static SandboxAbort PermissionDenied(string what) =>
        new(RuntimeErrorCodes.PermissionDenied, $"{what} is not granted to this handler (declare it in <Capabilities> or let the checker infer it from the code)");
}
