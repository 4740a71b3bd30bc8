using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Nexus.Server.Api.Graph;

/// <summary>
/// Problem details written by an endpoint itself, for refusals whose status is not the default one of their code in
/// <c>ErrorCodes</c> (e.g. 404 <c>PATH_NOT_FOUND</c>, 503 <c>AI_NOT_CONFIGURED</c>), or that carry extra fields.
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
