using Microsoft.Extensions.Options;

namespace Nexus.Server.Hosting;

/// <summary>
/// Expires pending proposals past their age limit in the open workspaces, every
/// <see cref="NexusServerOptions.ProposalSweepInterval"/>. A workspace sweeps itself when it opens, but a server
/// keeps workspaces open for days; without this an old proposal would stay pending (and its branch would stay)
/// until someone touched it.
/// </summary>
internal sealed partial class ProposalExpirySweeper(WorkspaceHost workspaces, IOptions<NexusServerOptions> options, TimeProvider time, ILogger<ProposalExpirySweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ProposalSweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await SweepAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync()
    {
        foreach (var workspace in workspaces.OpenNow())
        {
            try
            {
                var expired = await workspace.ExpireStaleProposalsAsync().ConfigureAwait(false);
                if (expired.Count > 0)
                {
                    LogExpired(logger, expired.Count, workspace.Name);
                }
            }
#pragma warning disable CA1031 // One workspace failing (closed meanwhile, disk trouble) must not stop the sweep of the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, ex, workspace.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} pending proposal(s) of workspace {Workspace}")]
    private static partial void LogExpired(ILogger logger, int count, string workspace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not expire the proposals of workspace {Workspace}")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string workspace);
}
