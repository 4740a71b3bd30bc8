using Microsoft.Extensions.Options;
using Nexus.Server.Hosting;

namespace Nexus.Server.Operations;

/// <summary>Ready when a file can be written to and deleted from the data directory.</summary>
internal sealed class StorageReadinessProbe(IOptions<NexusServerOptions> options) : IReadinessProbe
{
    public string Name => "storage";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(options.Value.DataDirectory, $".ready-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
            return ReadinessResult.Ready;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReadinessResult.NotReady("the data directory is not writable");
        }
    }
}

/// <summary>Ready when the workspace host has started and is not shutting down.</summary>
internal sealed class WorkspaceHostReadinessProbe(WorkspaceHost host) : IReadinessProbe
{
    public string Name => "workspaces";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(host.IsAccepting ? ReadinessResult.Ready : ReadinessResult.NotReady("the workspace host is not running"));
}
