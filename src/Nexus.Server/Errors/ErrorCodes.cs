using Nexus.Graph;
using Nexus.Server.Hosting;
using Nexus.Workspace;

namespace Nexus.Server.Errors;

/// <summary>
/// The machine-readable error codes of the server and the HTTP status each one maps to. Codes come from the
/// layers below (<see cref="WorkspaceErrorCodes"/>, <see cref="GraphErrorCodes"/>, proposal codes) or from HTTP itself.
/// </summary>
public static class ErrorCodes
{
    /// <summary>An unexpected failure; its details are only in the server log.</summary>
    public const string Internal = "INTERNAL_ERROR";

    public const string BadRequest = "BAD_REQUEST";
    public const string NotFound = "NOT_FOUND";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string NotReady = "NOT_READY";
    public const string Forbidden = "FORBIDDEN";
    public const string WorkspaceLimit = "WORKSPACE_LIMIT";
    public const string PanelLimit = WorkspaceErrorCodes.PanelLimit;
    public const string StorageLimit = "STORAGE_LIMIT";
    public const string ToolNotFound = "TOOL_NOT_FOUND";
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string MemberNotFound = "MEMBER_NOT_FOUND";
    public const string LastOwner = "LAST_OWNER";
    public const string PathNotFound = "PATH_NOT_FOUND";
    public const string AiNotConfigured = "AI_NOT_CONFIGURED";

    private static readonly Dictionary<string, int> Statuses = new(StringComparer.Ordinal)
    {
        [WorkspaceErrorCodes.InvalidNxml] = StatusCodes.Status400BadRequest,
        [WorkspaceErrorCodes.InvalidPanelId] = StatusCodes.Status400BadRequest,
        [WorkspaceIds.InvalidCode] = StatusCodes.Status400BadRequest,
        [GraphErrorCodes.InvalidEntity] = StatusCodes.Status400BadRequest,
        [GraphErrorCodes.InvalidRelationship] = StatusCodes.Status400BadRequest,
        [GraphErrorCodes.InvalidPatch] = StatusCodes.Status400BadRequest,
        [GraphErrorCodes.InvalidQuery] = StatusCodes.Status400BadRequest,
        [GraphErrorCodes.InvalidJson] = StatusCodes.Status400BadRequest,
        [GraphErrorCodes.MissingEndpoint] = StatusCodes.Status400BadRequest,
        [BadRequest] = StatusCodes.Status400BadRequest,
        [WorkspaceErrorCodes.NotFound] = StatusCodes.Status404NotFound,
        [WorkspaceErrorCodes.PanelNotFound] = StatusCodes.Status404NotFound,
        [WorkspaceErrorCodes.TemplateNotFound] = StatusCodes.Status404NotFound,
        [WorkspaceErrorCodes.CommitNotFound] = StatusCodes.Status404NotFound,
        [GraphErrorCodes.EntityNotFound] = StatusCodes.Status404NotFound,
        [GraphErrorCodes.RelationshipNotFound] = StatusCodes.Status404NotFound,
        [NotFound] = StatusCodes.Status404NotFound,
        [Forbidden] = StatusCodes.Status403Forbidden,
        [ToolNotFound] = StatusCodes.Status404NotFound,
        [UserNotFound] = StatusCodes.Status404NotFound,
        [MemberNotFound] = StatusCodes.Status404NotFound,
        [PathNotFound] = StatusCodes.Status404NotFound,
        [LastOwner] = StatusCodes.Status409Conflict,
        [AiNotConfigured] = StatusCodes.Status503ServiceUnavailable,
        [WorkspaceLimit] = StatusCodes.Status429TooManyRequests,
        [PanelLimit] = StatusCodes.Status429TooManyRequests,
        [StorageLimit] = StatusCodes.Status507InsufficientStorage,
        [WorkspaceErrorCodes.Exists] = StatusCodes.Status409Conflict,
        [WorkspaceErrorCodes.PanelExists] = StatusCodes.Status409Conflict,
        [WorkspaceErrorCodes.Conflict] = StatusCodes.Status409Conflict,
        [WorkspaceErrorCodes.Locked] = StatusCodes.Status409Conflict,
        [GraphErrorCodes.DuplicateId] = StatusCodes.Status409Conflict,
        ["INVALID_STATE"] = StatusCodes.Status409Conflict,
        [WorkspaceErrorCodes.PanelFailed] = StatusCodes.Status422UnprocessableEntity,
        [PayloadTooLarge] = StatusCodes.Status413PayloadTooLarge,
        [WorkspaceErrorCodes.Failed] = StatusCodes.Status500InternalServerError,
        ["PROPOSAL_ERROR"] = StatusCodes.Status500InternalServerError,
        ["ACCEPT_FAILED"] = StatusCodes.Status500InternalServerError,
        [Internal] = StatusCodes.Status500InternalServerError,
        [WorkspaceErrorCodes.NotDurable] = StatusCodes.Status503ServiceUnavailable,
        [WorkspaceHost.ShuttingDownCode] = StatusCodes.Status503ServiceUnavailable,
        [NotReady] = StatusCodes.Status503ServiceUnavailable,
    };

    /// <summary>
    /// The status of a code. A code this table does not know came with a refusal from a lower layer, so it is
    /// the caller's problem: 400.
    /// </summary>
    public static int StatusOf(string code) => Statuses.GetValueOrDefault(code, StatusCodes.Status400BadRequest);

    /// <summary>The code for a response that has a status but no code of its own (404 for an unknown route, ...).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => "UNAUTHORIZED",
        StatusCodes.Status403Forbidden => "FORBIDDEN",
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        StatusCodes.Status429TooManyRequests => "RATE_LIMITED",
        StatusCodes.Status503ServiceUnavailable => "UNAVAILABLE",
        >= 500 => Internal,
        _ => "HTTP_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
