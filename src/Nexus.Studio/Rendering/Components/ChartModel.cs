using System.Text.Json.Nodes;
using Nexus.Reactor;

namespace Nexus.Studio.Rendering.Components;

/// <summary>A named row of values of a chart.</summary>
internal sealed record ChartLine(string Name, IReadOnlyList<double> Values);

/// <summary>
/// What a Chart plots, read from its <c>data</c>: a list of numbers (one series), or a list of objects whose
/// <c>xKey</c> field labels the points and whose <c>yKey</c> field holds the values — without a <c>yKey</c>,
/// every numeric field but the label is a series. Values that are not numbers plot as 0.
/// </summary>
internal sealed record ChartModel(IReadOnlyList<string> Labels, IReadOnlyList<ChartLine> Series)
{
    public static readonly ChartModel Empty = new([], []);

    /// <summary>The most points plotted: the latest ones, so a growing series stays readable and cheap.</summary>
    public const int MaxPoints = 1000;

    public bool IsEmpty => Labels.Count == 0 || Series.Count == 0;

    public static ChartModel From(JsonArray? data, string? xKey, string? yKey)
    {
        if (data is null || data.Count == 0)
        {
            return Empty;
        }

        var points = data.Skip(Math.Max(0, data.Count - MaxPoints)).ToList();
        if (points.All(p => p is not JsonObject))
        {
            return new ChartModel(
                [.. points.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))],
                [new ChartLine(yKey ?? "value", [.. points.Select(ValueOf)])]);
        }

        var labelKey = xKey ?? "x";
        var labels = points.Select((p, i) => p is JsonObject o && o[labelKey] is { } label
            ? ViewValues.Display(label)
            : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var seriesKeys = yKey is not null ? [yKey] : NumericKeys(points, labelKey);
        return new ChartModel(labels, [.. seriesKeys.Select(key => new ChartLine(key, [.. points.Select(p => ValueOf((p as JsonObject)?[key]))]))]);
    }

    private static List<string> NumericKeys(List<JsonNode?> points, string labelKey) =>
        [.. points.OfType<JsonObject>()
            .SelectMany(o => o.Where(field => field.Key != labelKey && PropValues.AsNumber(field.Value) is not null).Select(field => field.Key))
            .Distinct(StringComparer.Ordinal)];

    private static double ValueOf(JsonNode? value) => PropValues.AsNumber(value) ?? 0;
}
