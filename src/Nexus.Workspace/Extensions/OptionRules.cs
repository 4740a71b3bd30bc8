namespace Nexus.Workspace.Extensions;

/// <summary>The checks every extension option runs when it is set, with one wording for their errors.</summary>
internal static class OptionRules
{
    public static int Positive(string name, int value) => value > 0 ? value : throw Invalid(name, value, "positive");

    public static long Positive(string name, long value) => value > 0 ? value : throw Invalid(name, value, "positive");

    public static int AtLeastZero(string name, int value) => value >= 0 ? value : throw Invalid(name, value, "zero or more");

    public static TimeSpan Between(string name, TimeSpan value, TimeSpan max) =>
        value > TimeSpan.Zero && value <= max ? value : throw Invalid(name, value, $"above zero and at most {max}");

    public static TimeSpan? NullOrBetween(string name, TimeSpan? value, TimeSpan max) =>
        value is null ? null : Between(name, value.Value, max);

    /// <summary>A list option: not null, no null or blank item, each item checked by <paramref name="check"/>.</summary>
    public static IReadOnlyList<string> Items(string name, IReadOnlyList<string>? value, Func<string, string?> check)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} must be a list (empty for none)");
        }

        foreach (var item in value)
        {
            var problem = string.IsNullOrWhiteSpace(item) ? "is blank" : check(item);
            if (problem is not null)
            {
                throw new ArgumentException($"{name}: '{item}' {problem}", name);
            }
        }

        return [.. value];
    }

    private static ArgumentOutOfRangeException Invalid(string name, object value, string rule) => new(name, value, $"{name} must be {rule}");
}
