using System.Text.Json.Serialization;

namespace Nexus.Workspace.Extensions;

/// <summary>Limits of <c>nexus.kv</c>, the per-panel session store. Every value is validated when set.</summary>
public sealed record KvExtensionOptions
{
    private static readonly TimeSpan LongestTtl = TimeSpan.FromDays(365);

    /// <summary>Bytes of one value as JSON (UTF-8). Default 256 KiB.</summary>
    [JsonPropertyName("maxValueBytes")]
    public int MaxValueBytes { get; init => field = OptionRules.Positive(nameof(MaxValueBytes), value); } = 256 * 1024;

    /// <summary>Characters of one key. Default 256.</summary>
    [JsonPropertyName("maxKeyLength")]
    public int MaxKeyLength { get; init => field = OptionRules.Positive(nameof(MaxKeyLength), value); } = 256;

    /// <summary>How long a value set without <c>ttlSeconds</c> lives. Default none (until <see cref="MaxTtl"/>, if any).</summary>
    [JsonPropertyName("defaultTtl")]
    public TimeSpan? DefaultTtl { get; init => field = OptionRules.NullOrBetween(nameof(DefaultTtl), value, LongestTtl); }

    /// <summary>
    /// The longest any value lives: a longer <c>ttlSeconds</c> is refused and a longer <see cref="DefaultTtl"/> is cut
    /// to it. <c>null</c> for no limit. Default 30 days, at most 365 days.
    /// </summary>
    [JsonPropertyName("maxTtl")]
    public TimeSpan? MaxTtl { get; init => field = OptionRules.NullOrBetween(nameof(MaxTtl), value, LongestTtl); } = TimeSpan.FromDays(30);
}
