namespace Nexus.Nxml.Diagnostics;

/// <summary>The diagnostic codes of the NXML reference (§7). Warnings are listed in <see cref="Warnings"/>.</summary>
public static class DiagnosticCodes
{
    public const string ParseError = "PARSE_ERROR";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string NestingTooDeep = "NESTING_TOO_DEEP";
    public const string InvalidRoot = "INVALID_ROOT";
    public const string UnknownElement = "UNKNOWN_ELEMENT";
    public const string DuplicateSection = "DUPLICATE_SECTION";
    public const string MissingAttribute = "MISSING_ATTRIBUTE";
    public const string InvalidIdentifier = "INVALID_IDENTIFIER";
    public const string InvalidType = "INVALID_TYPE";
    public const string InvalidDefaultValue = "INVALID_DEFAULT_VALUE";
    public const string DuplicateState = "DUPLICATE_STATE";
    public const string CircularComputed = "CIRCULAR_COMPUTED";
    public const string ComputedNotWritable = "COMPUTED_NOT_WRITABLE";
    public const string DuplicateTool = "DUPLICATE_TOOL";
    public const string DuplicateArg = "DUPLICATE_ARG";
    public const string MissingHandler = "MISSING_HANDLER";
    public const string UndefinedHandlerReference = "UNDEFINED_HANDLER_REFERENCE";
    public const string InvalidHandlerSyntax = "INVALID_HANDLER_SYNTAX";
    public const string InvalidLifecycleEvent = "INVALID_LIFECYCLE_EVENT";
    public const string DuplicateLifecycle = "DUPLICATE_LIFECYCLE";
    public const string InvalidExtensionName = "INVALID_EXTENSION_NAME";
    public const string DuplicateExtensionAlias = "DUPLICATE_EXTENSION_ALIAS";
    public const string UndeclaredExtension = "UNDECLARED_EXTENSION";
    public const string InvalidCapability = "INVALID_CAPABILITY";
    public const string ForbiddenGlobal = "FORBIDDEN_GLOBAL";
    public const string InvalidExpression = "INVALID_EXPRESSION";
    public const string InvalidPropValue = "INVALID_PROP_VALUE";
    public const string DuplicateViewId = "DUPLICATE_VIEW_ID";
    public const string UndefinedStateReference = "UNDEFINED_STATE_REFERENCE";
    public const string UndefinedToolReference = "UNDEFINED_TOOL_REFERENCE";
    public const string InvalidScopeReference = "INVALID_SCOPE_REFERENCE";
    public const string InvalidBindingPath = "INVALID_BINDING_PATH";

    public const string UnusedState = "UNUSED_STATE";
    public const string UnusedTool = "UNUSED_TOOL";
    public const string NoMountWithExtensions = "NO_MOUNT_WITH_EXTENSIONS";
    public const string UnknownComponent = "UNKNOWN_COMPONENT";

    public static readonly IReadOnlySet<string> Warnings = new HashSet<string>(StringComparer.Ordinal)
    {
        UnusedState, UnusedTool, NoMountWithExtensions, UnknownComponent,
    };

    public static DiagnosticSeverity SeverityOf(string code) =>
        Warnings.Contains(code) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
}
