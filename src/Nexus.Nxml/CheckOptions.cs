namespace Nexus.Nxml;

/// <summary>Limits and host knowledge for <see cref="NxmlDocument.Check(string, CheckOptions?)"/>. Every value is validated when set.</summary>
public sealed record CheckOptions
{
    /// <summary>The hard ceiling for <see cref="MaxNestingDepth"/>: deeper trees are refused before they reach recursive passes.</summary>
    public const int NestingDepthCeiling = 1024;

    public static readonly CheckOptions Default = new();

    /// <summary>Documents larger than this many UTF-8 bytes are refused with <c>DOCUMENT_TOO_LARGE</c>. Default 1 MiB.</summary>
    public int MaxDocumentBytes
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDocumentBytes), value, "must be positive");
    } = 1024 * 1024;

    /// <summary>Element nesting deeper than this is refused with <c>NESTING_TOO_DEEP</c>. Default 256, at most <see cref="NestingDepthCeiling"/>.</summary>
    public int MaxNestingDepth
    {
        get;
        init => field = value is > 0 and <= NestingDepthCeiling
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxNestingDepth), value, $"must be between 1 and {NestingDepthCeiling}");
    } = 256;

    /// <summary>Custom components the host can render: they do not raise <c>UNKNOWN_COMPONENT</c>.</summary>
    public IReadOnlySet<string> KnownComponents
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(KnownComponents));
    } = new HashSet<string>(StringComparer.Ordinal);
}
