using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Nexus.Server.Api.Graph;

/// <summary>
/// Problem details that carry extra fields beside <c>code</c> (a failed patch set's result); plain refusals throw
/// <c>ApiException</c> and take their status from <c>ErrorCodes</c>.
/// </summary>
internal static class CodedProblem
{
    public static ProblemHttpResult Create(int status, string code, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }
}
