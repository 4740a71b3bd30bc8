using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nexus.Server.Data;
using Nexus.Server.Errors;

namespace Nexus.Server.Api.Workspaces;

/// <summary>
/// A refusal of the workspaces API whose code the shared table does not know (USER_NOT_FOUND, MEMBER_NOT_FOUND,
/// LAST_OWNER), so it carries its own status.
/// </summary>
internal sealed class WorkspacesApiRefusal(int status, string code, string message) : Exception(message)
{
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string MemberNotFound = "MEMBER_NOT_FOUND";
    public const string LastOwner = "LAST_OWNER";

    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>
    /// The endpoint filter of the workspaces API: its own refusals and the platform stores' refusals become problem
    /// details (everything else goes on to the shared exception handler).
    /// </summary>
    public static async ValueTask<object?> AnswerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (WorkspacesApiRefusal refusal)
        {
            return Problem(refusal.Status, refusal.Code, refusal.Message);
        }
        catch (PlatformDataException refusal) when (refusal.Error != PlatformDataError.Configuration)
        {
            return refusal.Error switch
            {
                PlatformDataError.LastOwner => Problem(StatusCodes.Status409Conflict, LastOwner, "the workspace needs another owner first"),
                PlatformDataError.UserNotFound => Problem(StatusCodes.Status404NotFound, UserNotFound, "no such user"),
                PlatformDataError.WorkspaceNotFound => Problem(StatusCodes.Status404NotFound, Nexus.Workspace.WorkspaceErrorCodes.NotFound, "no such workspace"),
                _ => Problem(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, refusal.Message),
            };
        }
    }

    private static ProblemHttpResult Problem(int status, string code, string message)
    {
        var problem = new ProblemDetails { Status = status, Detail = message };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}
