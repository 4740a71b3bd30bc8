using MudBlazor;

namespace Nexus.Studio.Account.Settings;

/// <summary>How full one plan limit is, as a bar shows it: the share used and a colour that warns near the limit.</summary>
public readonly record struct UsageLevel(double Percent, Color Color, string Name)
{
    /// <summary>From this share of the limit on, the bar warns.</summary>
    public const double WarningPercent = 80;

    /// <summary>The level of <paramref name="used"/> against <paramref name="limit"/>; a limit of zero or less is always full.</summary>
    public static UsageLevel Of(long used, long limit)
    {
        var percent = limit <= 0 ? 100 : Math.Clamp(used * 100.0 / limit, 0, 100);
        return used >= limit
            ? new UsageLevel(percent, Color.Error, "full")
            : percent >= WarningPercent
                ? new UsageLevel(percent, Color.Warning, "near")
                : new UsageLevel(percent, Color.Success, "ok");
    }
}
