using System.Text.Json.Serialization;

namespace Nexus.Workspace.Extensions;

/// <summary>Limits of <c>nexus.fs</c> over the workspace's <c>assets/</c> folder. Every value is validated when set.</summary>
public sealed record FsExtensionOptions
{
    /// <summary>Bytes of one file read or written (UTF-8). Default 1 MiB.</summary>
    [JsonPropertyName("maxFileBytes")]
    public long MaxFileBytes { get; init => field = OptionRules.Positive(nameof(MaxFileBytes), value); } = 1024 * 1024;

    /// <summary>Bytes of all files under <c>assets/</c> together; a write that would pass it fails. Default 64 MiB.</summary>
    [JsonPropertyName("maxTotalBytes")]
    public long MaxTotalBytes { get; init => field = OptionRules.Positive(nameof(MaxTotalBytes), value); } = 64 * 1024 * 1024;

    /// <summary>
    /// Files under <c>assets/</c> together; a write creating one more fails. Also the most entries <c>list</c> returns
    /// for one folder. Default 1,000.
    /// </summary>
    [JsonPropertyName("maxFiles")]
    public int MaxFiles { get; init => field = OptionRules.Positive(nameof(MaxFiles), value); } = 1_000;

    /// <summary>Characters of a path relative to <c>assets/</c>. Default 256.</summary>
    [JsonPropertyName("maxPathLength")]
    public int MaxPathLength { get; init => field = OptionRules.Positive(nameof(MaxPathLength), value); } = 256;
}
