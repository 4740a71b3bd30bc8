using Microsoft.Extensions.Logging;

namespace Nexus.Workspace;

/// <summary>The workspace layer's log messages (source-generated: no formatting cost when the level is off).</summary>
internal static partial class WorkspaceLog
{
    [LoggerMessage(1, LogLevel.Error, "Saving the state of workspace {Workspace} failed; it is retried with the next change")]
    public static partial void SaveFailed(ILogger logger, Exception exception, string workspace);

    [LoggerMessage(2, LogLevel.Information, "Workspace {Workspace}: {Count} journaled changes recovered")]
    public static partial void Recovered(ILogger logger, string workspace, int count);

    [LoggerMessage(4, LogLevel.Warning, "Workspace {Workspace}: the extension settings of nexus.json are not valid; every extension is disabled")]
    public static partial void BadExtensionSettings(ILogger logger, Exception exception, string workspace);

    [LoggerMessage(3, LogLevel.Warning, "Panel {Panel} of workspace {Workspace} failed to start")]
    public static partial void PanelFailed(ILogger logger, Exception exception, string panel, string workspace);
}
