namespace Nexus.Reactor.Execution;

/// <summary>The run-time error codes of §5 ("Results").</summary>
public static class RuntimeErrorCodes
{
    public const string ToolNotFound = "TOOL_NOT_FOUND";
    public const string InvalidArgs = "INVALID_ARGS";
    public const string TypeMismatch = "TYPE_MISMATCH";
    public const string ComputedNotWritable = "COMPUTED_NOT_WRITABLE";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string Timeout = "TIMEOUT";
    public const string MemoryLimit = "MEMORY_LIMIT";
    public const string ResourceLimit = "RESOURCE_LIMIT";
    public const string HandlerError = "HANDLER_ERROR";
    public const string ExtensionError = "EXTENSION_ERROR";
}
