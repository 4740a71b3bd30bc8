using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Nexus.Graph;
using Nexus.Server.Data;
using Nexus.Nxml.Diagnostics;
using Nexus.Workspace;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Errors;

/// <summary>
/// Turns every exception that escapes an endpoint into problem details. Coded refusals of the layers below keep
/// their code and message; anything else is <c>500 INTERNAL_ERROR</c> with neither message nor stack trace (those
/// go to the log only, since they may name files, queries or secrets).
/// </summary>
internal sealed partial class NexusExceptionHandler(IProblemDetailsService problemDetails, ILogger<NexusExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            LogRefusal(logger, (string)problem.Extensions["code"]!, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }).ConfigureAwait(false);
    }

    /// <summary>The problem details of an exception (never its stack trace; its message only when it is meant for callers).</summary>
    internal static ProblemDetails Describe(Exception exception) => exception switch
    {
        WorkspaceException e => Coded(e.Code, e.Message, e.Diagnostics.IsDefaultOrEmpty ? null : e.Diagnostics.Select(d => ToJson(d, file: null))),
        ProposalInvalidException e => Coded(e.Code, e.Message, e.Diagnostics.SelectMany(pair => pair.Value.Select(d => ToJson(d, pair.Key)))),
        ProposalException e => Coded(e.Code, e.Message, diagnostics: null),
        GraphException e => Coded(e.Code, e.Message, diagnostics: null),
        ApiException e => Coded(e.Code, e.Message, diagnostics: null),
        PlatformDataException { Error: PlatformDataError.LastOwner } => Coded(ErrorCodes.LastOwner, "the workspace needs another owner first", diagnostics: null),
        PlatformDataException { Error: PlatformDataError.UserNotFound } => Coded(ErrorCodes.UserNotFound, "no such user", diagnostics: null),
        PlatformDataException { Error: PlatformDataError.WorkspaceNotFound } => Coded(WorkspaceErrorCodes.NotFound, "no such workspace", diagnostics: null),
        PlatformDataException { Error: not PlatformDataError.Configuration } e => Coded(ErrorCodes.BadRequest, e.Message, diagnostics: null),
        BadHttpRequestException e => Coded(ErrorCodes.ForStatus(e.StatusCode), e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "the request body is too large" : "the request is malformed", diagnostics: null, e.StatusCode),
        _ => Coded(ErrorCodes.Internal, detail: null, diagnostics: null),
    };

    private static ProblemDetails Coded(string code, string? detail, IEnumerable<Dictionary<string, object?>>? diagnostics, int? status = null)
    {
        var problem = new ProblemDetails { Status = status ?? ErrorCodes.StatusOf(code), Detail = detail };
        problem.Extensions["code"] = code;
        if (diagnostics is not null)
        {
            problem.Extensions["diagnostics"] = diagnostics.ToList();
        }

        return problem;
    }

    /// <summary>A diagnostic as the API shows it (<c>nxml.md</c> §7), with the file it is in when there are several.</summary>
    private static Dictionary<string, object?> ToJson(Diagnostic diagnostic, string? file)
    {
        var json = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["code"] = diagnostic.Code,
            ["severity"] = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning",
            ["message"] = diagnostic.Message,
            ["line"] = diagnostic.Line,
            ["column"] = diagnostic.Column,
            ["endLine"] = diagnostic.EndLine,
            ["endColumn"] = diagnostic.EndColumn,
            ["path"] = diagnostic.Path.IsDefault ? [] : diagnostic.Path.ToArray(),
        };
        if (file is not null)
        {
            json["file"] = file;
        }

        return json;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void LogFailureCore(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {Method} {Path} refused with {Code}")]
    private static partial void LogRefusalCore(ILogger logger, string code, string method, string path);

    private static void LogRefusal(ILogger logger, string code, string method, PathString path) => LogRefusalCore(logger, code, method, path.Value ?? "");

    private static void LogFailure(ILogger logger, Exception exception, string method, PathString path) => LogFailureCore(logger, exception, method, path.Value ?? "");
}
