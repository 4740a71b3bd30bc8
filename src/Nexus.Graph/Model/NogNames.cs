using System.Collections.Frozen;
using System.Text;

namespace Nexus.Graph;

/// <summary>
/// The JSON names of the NOG's enums: snake_case of the member name (<c>DependsOn</c> → <c>"depends_on"</c>,
/// <c>Ai</c> → <c>"ai"</c>). One table per enum, so parsing never depends on reflection at run time.
/// </summary>
public static class NogNames
{
    public static string Of(EntityCategory value) => Names<EntityCategory>.ToName[value];

    public static string Of(EntityStatus value) => Names<EntityStatus>.ToName[value];

    public static string Of(RelationshipType value) => Names<RelationshipType>.ToName[value];

    public static string Of(RelationshipSource value) => Names<RelationshipSource>.ToName[value];

    /// <summary>The enum value whose JSON name is <paramref name="name"/> (exact, case-sensitive).</summary>
    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        if (name is not null && Names<T>.FromName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Every JSON name of <typeparamref name="T"/>, in declaration order (for error messages and docs).</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Names<T>.Ordered;

    internal static string Name<T>(T value)
        where T : struct, Enum => Names<T>.ToName[value];

    internal static bool IsDefined<T>(T value)
        where T : struct, Enum => Names<T>.ToName.ContainsKey(value);

    private static string SnakeCase(string member)
    {
        var builder = new StringBuilder(member.Length + 4);
        for (var i = 0; i < member.Length; i++)
        {
            if (char.IsUpper(member[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(member[i]));
        }

        return builder.ToString();
    }

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered = [.. Enum.GetValues<T>().Select(v => SnakeCase(v.ToString()))];

        public static readonly FrozenDictionary<T, string> ToName = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => SnakeCase(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromName = Enum.GetValues<T>().ToFrozenDictionary(v => SnakeCase(v.ToString()), v => v, StringComparer.Ordinal);
    }
}
