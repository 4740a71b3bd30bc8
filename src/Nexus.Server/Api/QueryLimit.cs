using System.Globalization;
using Nexus.Server.Errors;

namespace Nexus.Server.Api;

/// <summary>A <c>?limit=</c> of a list endpoint: what it is when absent, and the largest a caller may ask for (both settings).</summary>
public sealed record QueryLimit(int Default, int Max)
{
    /// <summary>How many items to return for the caller's <paramref name="limit"/>; 400 <c>BAD_REQUEST</c> outside 1..Max.</summary>
    public int Take(int? limit) => limit switch
    {
        null => Default,
        >= 1 when limit <= Max => limit.Value,
        _ => throw new ApiException(ErrorCodes.BadRequest, $"'limit' must be between 1 and {Max.ToString(CultureInfo.InvariantCulture)}"),
    };

    /// <summary>
    /// Checks a pair of settings (<c>section:defaultName</c>, <c>section:maxName</c>): the largest between 1 and
    /// <paramref name="ceiling"/>, the default between 1 and the largest. Throws a message naming the setting.
    /// </summary>
    public static QueryLimit Validated(string section, string defaultName, int defaultValue, string maxName, int maxValue, int ceiling)
    {
        if (maxValue < 1 || maxValue > ceiling)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{section}:{maxName} must be between 1 and {ceiling} (is {maxValue})."));
        }

        if (defaultValue < 1 || defaultValue > maxValue)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{section}:{defaultName} must be between 1 and {maxName} (is {defaultValue})."));
        }

        return new QueryLimit(defaultValue, maxValue);
    }
}
