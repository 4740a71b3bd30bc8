using Nexus.Nxml;

namespace Nexus.Workspace.Proposals;

/// <summary>Limits of the proposal service. Every value is validated when set.</summary>
public sealed record ProposalOptions
{
    public static readonly ProposalOptions Default = new();

    /// <summary>How long a proposal may stay pending before <see cref="ProposalService.ExpireStale"/> expires it. Default 7 days.</summary>
    public TimeSpan MaxAge
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(MaxAge), value, "MaxAge must be positive");
    } = TimeSpan.FromDays(7);

    /// <summary>Files one proposal may change. Default 500.</summary>
    public int MaxChanges { get; init => field = Positive(nameof(MaxChanges), value); } = 500;

    /// <summary>Bytes of one changed file. Default 4 MiB.</summary>
    public int MaxFileBytes { get; init => field = Positive(nameof(MaxFileBytes), value); } = 4 * 1024 * 1024;

    /// <summary>Characters of a title or an author. Default 200.</summary>
    public int MaxTitleLength { get; init => field = Positive(nameof(MaxTitleLength), value); } = 200;

    /// <summary>Characters of a description or a reasoning. Default 20,000.</summary>
    public int MaxTextLength { get; init => field = Positive(nameof(MaxTextLength), value); } = 20_000;

    /// <summary>How changed panels (<c>panels/**.nxml</c>) are checked. Default <see cref="CheckOptions.Default"/>.</summary>
    public CheckOptions Check { get; init => field = value ?? throw new ArgumentNullException(nameof(Check)); } = CheckOptions.Default;

    private static int Positive(string name, int value) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
}
