namespace Nexus.Graph;

/// <summary>The rule every entity and relationship id follows: 1 to a bounded number of characters, no control characters.</summary>
internal static class GraphIds
{
    public static bool IsValid(string? id, int maxLength) =>
        !string.IsNullOrEmpty(id) && id.Length <= maxLength && !id.Any(char.IsControl);

    /// <summary>The id shortened for an error message.</summary>
    public static string Show(string? id) => id is null ? "null" : id.Length <= 80 ? id : id[..80] + "...";
}
