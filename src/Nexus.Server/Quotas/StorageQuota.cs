using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Nexus.Server.Api;
using Nexus.Server.Data;
using Nexus.Server.Errors;
using Nexus.Server.Hosting;

namespace Nexus.Server.Quotas;

/// <summary>What a user's workspaces take on disk against what the user's plan allows.</summary>
public sealed record StorageMeasurement(long UsedBytes, long LimitBytes)
{
    public bool IsFull => UsedBytes >= LimitBytes;
}

/// <summary>
/// The storage quota: the bytes of every workspace folder a user owns (repository, journal, assets) against the
/// plan's <c>StorageBytes</c>. Writes that grow a workspace (tool calls, panel edits, proposals, new workspaces) are
/// refused with 507 <c>STORAGE_LIMIT</c> once the owner is at the limit; reads and deletions always work, so a user
/// can make room. Measuring walks the folders, so a measurement is reused for
/// <see cref="NexusServerOptions.StorageUsageMaxAge"/>: within that window writes can overshoot the limit.
/// </summary>
public sealed class StorageQuota(IServiceScopeFactory scopes, WorkspaceHost host, TimeProvider time, IOptions<NexusServerOptions> options)
{
    private readonly ConcurrentDictionary<Guid, (StorageMeasurement Measurement, long TakenAt)> _recent = new();

    /// <summary>Measures the user's storage now (and remembers it for the quota checks).</summary>
    public async Task<StorageMeasurement> MeasureAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var takenAt = time.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var plan = await scope.ServiceProvider.GetRequiredService<PlanStore>().GetForUserAsync(userId, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ErrorCodes.UserNotFound, "the account no longer exists");
        var workspaces = await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().ListForUserAsync(userId, cancellationToken).ConfigureAwait(false);
        long bytes = 0;
        foreach (var owned in workspaces.Where(w => w.Workspace.OwnerId == userId))
        {
            var hostId = WorkspaceAccess.HostId(owned.Workspace.Id);
            if (host.Exists(hostId))
            {
                bytes += FolderBytes(Path.Combine(host.WorkspacesDirectory, hostId));
            }
        }

        var measurement = new StorageMeasurement(bytes, plan.StorageBytes);
        _recent[userId] = (measurement, takenAt);
        return measurement;
    }

    /// <summary>
    /// Throws 507 <c>STORAGE_LIMIT</c> when the user's workspaces already take what the plan allows; with
    /// <paramref name="fresh"/> the folders are measured now instead of reusing a recent measurement.
    /// </summary>
    public async Task EnsureRoomAsync(Guid userId, bool fresh = false, CancellationToken cancellationToken = default)
    {
        if (await RefusalAsync(userId, fresh, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            throw new ApiException(ErrorCodes.StorageLimit, refusal);
        }
    }

    /// <summary>Why a write may not grow the user's workspaces now (naming usage, limit and the way out), or null when there is room.</summary>
    public async ValueTask<string?> RefusalAsync(Guid userId, bool fresh = false, CancellationToken cancellationToken = default)
    {
        var measurement = fresh ? await MeasureAsync(userId, cancellationToken).ConfigureAwait(false) : await CurrentAsync(userId, cancellationToken).ConfigureAwait(false);
        return measurement.IsFull
            ? string.Create(CultureInfo.InvariantCulture,
                $"the workspaces' owner uses {measurement.UsedBytes:N0} bytes of the {measurement.LimitBytes:N0} the plan allows; delete panels, assets or workspaces to make room")
            : null;
    }

    /// <summary>The latest measurement, measured again when it is older than the configured age.</summary>
    private async ValueTask<StorageMeasurement> CurrentAsync(Guid userId, CancellationToken cancellationToken) =>
        _recent.TryGetValue(userId, out var recent) && time.GetElapsedTime(recent.TakenAt) < options.Value.StorageUsageMaxAge
            ? recent.Measurement
            : await MeasureAsync(userId, cancellationToken).ConfigureAwait(false);

    /// <summary>Drops the remembered measurement (a workspace was created, cloned or deleted).</summary>
    public void Forget(Guid userId) => _recent.TryRemove(userId, out _);

    /// <summary>The bytes of every file under the folder; files that vanish while counting (a commit in flight) count as 0.</summary>
    private static long FolderBytes(string folder)
    {
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        long total = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", enumeration))
        {
            try
            {
                total += file.Length;
            }
            catch (FileNotFoundException)
            {
            }
        }

        return total;
    }
}
