using System.Text.Json.Serialization;

namespace Nexus.Workspace.Extensions;

/// <summary>
/// Which built-in extensions a workspace enables and their limits, as read from the <c>extensions</c> section of
/// <c>nexus.json</c> (camelCase). Every value is validated when set.
/// </summary>
public sealed record ExtensionSettings
{
    public static readonly ExtensionSettings Default = new();

    /// <summary>
    /// Names of the enabled extensions (<c>nexus.http</c>, <c>nexus.fs</c>, <c>nexus.kv</c>); a call of any other is
    /// refused. Default <c>nexus.fs</c> and <c>nexus.kv</c>: reaching the network is a decision a workspace makes.
    /// </summary>
    [JsonPropertyName("enabled")]
    public IReadOnlyList<string> Enabled
    {
        get;
        init => field = OptionRules.Items(nameof(Enabled), value, name => BuiltInExtensions.IsValidName(name) ? null : "is not an extension name");
    } = [BuiltInExtensions.Fs, BuiltInExtensions.Kv];

    /// <summary>Limits of <c>nexus.http</c>.</summary>
    [JsonPropertyName("http")]
    public HttpExtensionOptions Http { get; init => field = value ?? throw new ArgumentNullException(nameof(Http)); } = new();

    /// <summary>Limits of <c>nexus.fs</c>.</summary>
    [JsonPropertyName("fs")]
    public FsExtensionOptions Fs { get; init => field = value ?? throw new ArgumentNullException(nameof(Fs)); } = new();

    /// <summary>Limits of <c>nexus.kv</c>.</summary>
    [JsonPropertyName("kv")]
    public KvExtensionOptions Kv { get; init => field = value ?? throw new ArgumentNullException(nameof(Kv)); } = new();
}
