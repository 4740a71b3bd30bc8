using Microsoft.Extensions.Options;

namespace Nexus.Server.Hosting;

/// <summary>
/// The server's own settings, bound from the <c>Nexus</c> configuration section and validated at start-up (a bad
/// value stops the server before it listens, with a message naming the setting).
/// </summary>
public sealed class NexusServerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Nexus";

    /// <summary>The smallest accepted <see cref="MaxRequestBodyBytes"/> (1 KiB).</summary>
    public const long MinRequestBodyBytes = 1024;

    /// <summary>The largest accepted <see cref="MaxRequestBodyBytes"/> (1 GiB).</summary>
    public const long MaxRequestBodyBytesLimit = 1024L * 1024 * 1024;

    /// <summary>
    /// Where the server keeps everything it owns: the platform database (SQLite), the workspace repositories under
    /// <c>workspaces/</c> and generated secrets. Default <c>./data</c>; a relative path is made absolute against the
    /// current directory, and the folder is created at start-up.
    /// </summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The largest request body accepted, in bytes (default 1 MiB; 1 KiB to 1 GiB). Larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long one readiness probe may take before it counts as not ready (default 5 s; 100 ms to 5 min).</summary>
    public TimeSpan ReadinessProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a measurement of a user's storage is reused by the storage quota before the folders are walked again
    /// (default 30 s; 0 to 1 hour). Writes within that window can overshoot the quota by what they add.
    /// </summary>
    public TimeSpan StorageUsageMaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often open workspaces are swept for pending proposals past their age limit, which then expire and lose
    /// their branches (default 1 hour; 1 second to 1 day). Workspaces also sweep when they open.
    /// </summary>
    public TimeSpan ProposalSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The folder holding one sub-folder per workspace.</summary>
    public string WorkspacesDirectory => Path.Combine(DataDirectory, "workspaces");

    /// <summary>The data directory named by <paramref name="configured"/> (or the default), made absolute.</summary>
    public static string ResolveDataDirectory(string? configured) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "./data" : configured);
}

/// <summary>Makes <see cref="NexusServerOptions.DataDirectory"/> absolute once the options are bound.</summary>
internal sealed class NexusServerOptionsSetup : IPostConfigureOptions<NexusServerOptions>
{
    public void PostConfigure(string? name, NexusServerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.DataDirectory) && options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) < 0)
        {
            options.DataDirectory = NexusServerOptions.ResolveDataDirectory(options.DataDirectory);
        }
    }
}

/// <summary>
/// Validates <see cref="NexusServerOptions"/> at start-up and creates the data directory: a directory that cannot be
/// created (a file in the way, no permission) fails start-up here rather than at the first request.
/// </summary>
internal sealed class NexusServerOptionsValidator : IValidateOptions<NexusServerOptions>
{
    public ValidateOptionsResult Validate(string? name, NexusServerOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < NexusServerOptions.MinRequestBodyBytes or > NexusServerOptions.MaxRequestBodyBytesLimit)
        {
            failures.Add($"Nexus:MaxRequestBodyBytes must be between {NexusServerOptions.MinRequestBodyBytes} and {NexusServerOptions.MaxRequestBodyBytesLimit} (was {options.MaxRequestBodyBytes}).");
        }

        if (options.ReadinessProbeTimeout < TimeSpan.FromMilliseconds(100) || options.ReadinessProbeTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Nexus:ReadinessProbeTimeout must be between 100 ms and 5 minutes (was {options.ReadinessProbeTimeout}).");
        }

        if (options.StorageUsageMaxAge < TimeSpan.Zero || options.StorageUsageMaxAge > TimeSpan.FromHours(1))
        {
            failures.Add($"Nexus:StorageUsageMaxAge must be between 0 and 1 hour (was {options.StorageUsageMaxAge}).");
        }

        if (options.ProposalSweepInterval < TimeSpan.FromSeconds(1) || options.ProposalSweepInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"Nexus:ProposalSweepInterval must be between 1 second and 1 day (was {options.ProposalSweepInterval}).");
        }

        var dataProblem = EnsureDataDirectory(options.DataDirectory);
        if (dataProblem is not null)
        {
            failures.Add(dataProblem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? EnsureDataDirectory(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory) || directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return $"Nexus:DataDirectory must be a folder path (was '{directory}').";
        }

        if (File.Exists(directory))
        {
            return $"Nexus:DataDirectory '{directory}' is a file, not a folder.";
        }

        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "workspaces"));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"Nexus:DataDirectory '{directory}' cannot be created: {ex.Message}";
        }
    }
}
