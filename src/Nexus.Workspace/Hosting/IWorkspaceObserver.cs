namespace Nexus.Workspace.Hosting;

/// <summary>
/// Told what workspaces do, so a host can count it (metrics). Calls come from any thread while the work happens:
/// they must be cheap and must not throw.
/// </summary>
public interface IWorkspaceObserver
{
    /// <summary>A tool ran to its (durable) result: <paramref name="outcome"/> is the result's status (<c>success</c> or <c>error</c>).</summary>
    void ToolExecuted(string panelId, string tool, string outcome, TimeSpan duration);

    /// <summary>A commit was written to a workspace repository (any branch).</summary>
    void Committed();
}
