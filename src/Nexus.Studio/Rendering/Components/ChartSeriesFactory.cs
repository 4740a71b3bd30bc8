using MudBlazor;
using MudBlazor.Charts;

namespace Nexus.Studio.Rendering.Components;

/// <summary>Turns a <see cref="ChartModel"/> into MudBlazor chart series and options for a chart type.</summary>
internal static class ChartSeriesFactory
{
    /// <summary>The series to draw; a pie shows the first series only (one value per slice).</summary>
    public static List<ChartSeries<double>> For(string kind, ChartModel model)
    {
        var lines = kind == "pie" ? model.Series.Take(1) : model.Series;
        return [.. lines.Select(line => new ChartSeries<double> { Name = line.Name, Data = new ChartData<double>([.. line.Values]) })];
    }

    public static IChartOptions OptionsFor(string kind) => kind switch
    {
        "area" => new LineChartOptions { LineDisplayType = LineDisplayType.Area },
        "bar" => new BarChartOptions(),
        "pie" => new PieChartOptions(),
        _ => new LineChartOptions(),
    };
}
