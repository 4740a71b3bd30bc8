using Microsoft.AspNetCore.Http.HttpResults;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Workspace;
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
            return TypedResults.Ok(new CommitDiffResponse(sha, DiffOf(workspace.Live, sha)));
        });
        workspaces.MapPost("/{ws}/revert", async Task<Ok<ShaResponse>> (string ws, RevertRequest request, HttpContext context, WorkspaceAccess access, CancellationToken cancellationToken) =>
        {
            var workspace = await access.RequireAsync(context.User, ws, WorkspaceRole.Editor, cancellationToken).ConfigureAwait(false);
            var sha = request.Sha ?? "";
            DiffOf(workspace.Live, sha);
            try
            {
                return TypedResults.Ok(new ShaResponse(await workspace.Live.RevertAsync(sha).ConfigureAwait(false)));
            }
            catch (GitStoreException refusal) when (refusal is not GitConflictException)
            {
                // The commit exists (checked above), so this is "main already lacks its changes".
                throw new ApiException(WorkspaceErrorCodes.Conflict, "there is nothing left to revert in this commit");
            }
        });
    }

    /// <summary>The commit's diff; 404 COMMIT_NOT_FOUND for a sha that is not a commit of the workspace.</summary>
    private static string DiffOf(NexusWorkspace workspace, string sha)
    {
        if (!IsShaLike(sha))
        {
            throw new WorkspaceException(WorkspaceErrorCodes.CommitNotFound, "no such commit");
        }

        try
        {
            return workspace.Git.Diff(sha);
        }
        catch (GitStoreException)
        {
            throw new WorkspaceException(WorkspaceErrorCodes.CommitNotFound, "no such commit");
        }
    }

    /// <summary>Only hex shas are looked up, so branch names and revision expressions (<c>HEAD~1</c>) are not commits here.</summary>
    private static bool IsShaLike(string sha) => sha.Length is >= 4 and <= 64 && sha.All(char.IsAsciiHexDigit);
}
