using Microsoft.AspNetCore.Http.HttpResults;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Workspace.Git;

namespace Nexus.Server.Api.Workspaces;

/// <summary><c>/api/workspaces/{ws}/commits</c> and <c>/revert</c>: viewers read the history, editors revert.</summary>
internal static class WorkspaceHistoryEndpoints
{
    public static void Map(RouteGroupBuilder workspaces, WorkspacesApiOptions options)
    {
        workspaces.MapGet("/{ws}/commits", async Task<Ok<List<CommitResponse>>> (string ws, string? path, int? limit, HttpContext context, WorkspaceAccess access, CancellationToken cancellationToken) =>
        {
            var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
            var count = options.Commits.Take(limit);

            IReadOnlyList<CommitInfo> commits;
            try
            {
                commits = workspace.Live.History(string.IsNullOrWhiteSpace(path) ? null : path, count);
            }
            catch (ArgumentException)
            {
                throw new ApiException(ErrorCodes.BadRequest, "path is not a valid path in the workspace");
            }

            return TypedResults.Ok(commits.Select(CommitResponse.From).ToList());
        });
        workspaces.MapGet("/{ws}/commits/{sha}/diff", async Task<Ok<CommitDiffResponse>> (string ws, string sha, HttpContext context, WorkspaceAccess access, CancellationToken cancellationToken) =>
        {
            var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Viewer, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new CommitDiffResponse(sha, workspace.Live.Diff(sha)));
        });
        workspaces.MapPost("/{ws}/revert", async Task<Ok<ShaResponse>> (string ws, RevertRequest request, HttpContext context, WorkspaceAccess access, CancellationToken cancellationToken) =>
        {
            var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new ShaResponse(await workspace.Live.RevertAsync(request.Sha ?? "").ConfigureAwait(false)));
        });
    }
}
