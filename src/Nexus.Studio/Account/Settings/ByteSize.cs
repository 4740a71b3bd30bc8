using System.Globalization;

namespace Nexus.Studio.Account.Settings;

/// <summary>Byte counts in human units (binary: 1 KB = 1,024 bytes, as the plans are defined).</summary>
public static class ByteSize
{
    private static readonly string[] Units = ["bytes", "KB", "MB", "GB", "TB"];

    /// <summary><c>512 bytes</c>, <c>1.5 KB</c>, <c>100 MB</c>: one decimal below 10 of a unit, none above.</summary>
    public static string Format(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var format = unit == 0 || value >= 10 ? "0" : "0.#";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
