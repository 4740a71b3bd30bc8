using System.Globalization;

namespace Nexus.Studio.Account.Settings;

/// <summary>The expiries a new token can be given: common spans up to the platform's longest, and "never".</summary>
public static class TokenExpiry
{
    /// <summary>The choice meaning "does not expire" (the API's missing <c>expiresInDays</c>).</summary>
    public const int Never = 0;

    /// <summary>The preselected choice: tokens expire unless the user asks otherwise.</summary>
    public const int DefaultDays = 30;

    private static readonly int[] Spans = [7, 30, 90, 365];

    /// <summary>The choices in days (<see cref="Never"/> last) for a platform allowing at most <paramref name="maxDays"/>.</summary>
    public static IReadOnlyList<int> Choices(int maxDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDays, 1);
        var days = Spans.Where(d => d <= maxDays).ToList();
        if (!days.Contains(maxDays))
        {
            days.Add(maxDays);
        }

        days.Add(Never);
        return days;
    }

    /// <summary>The choice preselected among <paramref name="choices"/>.</summary>
    public static int Default(IReadOnlyList<int> choices) => choices.Contains(DefaultDays) ? DefaultDays : choices[0];

    public static string Label(int days) => days switch
    {
        Never => "Never expires",
        1 => "1 day",
        365 => "1 year",
        _ => days.ToString(CultureInfo.InvariantCulture) + " days",
    };

    /// <summary>The API's <c>expiresInDays</c> for a choice.</summary>
    public static int? ToRequest(int days) => days == Never ? null : days;
}
