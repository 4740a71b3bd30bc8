using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Nexus.Reactor;

namespace Nexus.Workspace;

/// <summary>How a workspace runs. Every limit has a documented default and is validated when set.</summary>
public sealed record WorkspaceOptions
{
    public static readonly WorkspaceOptions Default = new();

    /// <summary>How long after the first change of a burst the dirty panels' state is committed (default 500 ms).</summary>
    public TimeSpan PersistDebounce
    {
        get;
        init => field = value >= TimeSpan.Zero && value <= TimeSpan.FromMinutes(10)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PersistDebounce), value, "must be between 0 and 10 minutes");
    } = TimeSpan.FromMilliseconds(500);

    /// <summary>How far an acknowledged mutation is made durable before its result returns (default <see cref="JournalDurability.Fsync"/>).</summary>
    public JournalDurability Durability { get; init; } = JournalDurability.Fsync;

    /// <summary>How many notifications a subscriber may have waiting before it is dropped (default 1,024).</summary>
    public int SubscriberQueueCapacity
    {
        get;
        init => field = value is >= 1 and <= 1_000_000
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SubscriberQueueCapacity), value, "must be between 1 and 1,000,000");
    } = 1_024;

    /// <summary>The limits every panel of the workspace runs with.</summary>
    public ReactorOptions PanelLimits { get; init; } = ReactorOptions.Default;

    /// <summary>Panel templates by id (source text), offered by <c>AddPanelFromTemplateAsync</c>.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; init; } = new Dictionary<string, string>();

    /// <summary>Where <c>nexus.kv</c> keeps session state; default: one in-process cache shared by the process.</summary>
    public IDistributedCache? SessionCache { get; init; }

    /// <summary>Limits and expiry of proposals (default: pending proposals expire after 7 days).</summary>
    public Proposals.ProposalOptions Proposals { get; init; } = Nexus.Workspace.Proposals.ProposalOptions.Default;

    /// <summary>Who commits (default "Nexus" &lt;nexus@localhost&gt;).</summary>
    public Git.GitIdentity? Committer { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Told about tool executions and commits (for metrics); default none.</summary>
    public Hosting.IWorkspaceObserver? Observer { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }
}

/// <summary>What "durable" means for an acknowledged mutation.</summary>
public enum JournalDurability
{
    /// <summary>Written and fsync'ed before the result returns: survives a process crash and a power loss.</summary>
    Fsync,

    /// <summary>Written to the operating system before the result returns: survives a process crash, not a power loss.</summary>
    OsBuffer,
}
