using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Nexus.Workspace.Manifest;

/// <summary>
/// <c>nexus.json</c>: the workspace's name, its panels in display order with their placement on the grid, and
/// its settings (which extensions are enabled and how they are limited). Written pretty-printed so its Git diffs
/// read well.
/// </summary>
public sealed record WorkspaceManifest
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public ImmutableArray<PanelPlacement> Panels { get; init; } = [];

    /// <summary>Extension settings (see the extensions' options); absent means no extension is enabled.</summary>
    public JsonObject? Extensions { get; init; }

    public WorkspaceManifest WithPanel(PanelPlacement placement) =>
        this with { Panels = Panels.RemoveAll(p => p.Id == placement.Id).Add(placement) };

    public WorkspaceManifest WithoutPanel(string panelId) =>
        this with { Panels = Panels.RemoveAll(p => p.Id == panelId) };

    public string ToJson() => JsonSerializer.Serialize(this, ManifestJson.Default.WorkspaceManifest) + "\n";

    /// <summary>Reads <c>nexus.json</c>; a missing or unreadable file is a clear error naming the problem.</summary>
    public static WorkspaceManifest Parse(string json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize(json, ManifestJson.Default.WorkspaceManifest)
                ?? throw new WorkspaceException("nexus.json is empty");
            if (manifest.Panels.IsDefault)
            {
                manifest = manifest with { Panels = [] };
            }

            return manifest;
        }
        catch (JsonException ex)
        {
            throw new WorkspaceException(WorkspaceErrorCodes.Failed, $"nexus.json is not valid: {ex.Message}");
        }
    }

    public bool Equals(WorkspaceManifest? other) => other is not null && ToJson() == other.ToJson();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());
}

/// <summary>Where a panel sits on the workspace grid (columns and rows of the UI's layout; null = automatic).</summary>
public sealed record PanelPlacement(string Id, int? X = null, int? Y = null, int? Width = null, int? Height = null)
{
    /// <summary>The grid's columns: a width is 1 to this many.</summary>
    public const int GridColumns = 12;

    /// <summary>The tallest a panel may be, in grid rows.</summary>
    public const int MaxRows = 24;

    /// <summary>Why these placements cannot be saved (a repeated id, a width or height off the grid), or null when they can.</summary>
    public static string? Problem(IReadOnlyList<PanelPlacement> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var placement in placements)
        {
            var problem = !seen.Add(placement.Id) ? "is placed twice"
                : placement.Width is < 1 or > GridColumns ? $"has width {placement.Width}; a width is 1 to {GridColumns} columns"
                : placement.Height is < 1 or > MaxRows ? $"has height {placement.Height}; a height is 1 to {MaxRows} rows"
                : placement.X is < 0 || placement.Y is < 0 ? "has a negative position"
                : null;
            if (problem is not null)
            {
                return $"panel '{placement.Id}' {problem}";
            }
        }

        return null;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    IndentSize = 2,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(WorkspaceManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
