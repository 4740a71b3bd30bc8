namespace Nexus.Workspace.Hosting;

/// <summary>
/// One process owns a workspace folder at a time: an exclusive lock on <c>workspace.lock</c>, held while the
/// workspace is open and released by the operating system if the process dies. Holding it is what makes lock
/// files left in the repository by a killed process provably stale, so they can be removed on open.
/// </summary>
internal sealed class WorkspaceLock : IDisposable
{
    public const string FileName = "workspace.lock";

    private readonly FileStream _file;

    private WorkspaceLock(FileStream file) => _file = file;

    public static WorkspaceLock Acquire(string directory)
    {
        try
        {
            return new WorkspaceLock(new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new WorkspaceException(WorkspaceErrorCodes.Locked, "the workspace is open in another process");
        }
    }

    public void Dispose() => _file.Dispose();
}
