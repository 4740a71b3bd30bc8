namespace Nexus.Graph;

/// <summary>The limits of one <see cref="NogGraph"/>. Every value is validated when set.</summary>
public sealed record NogGraphOptions
{
    public static readonly NogGraphOptions Default = new();

    /// <summary>Characters of an entity or relationship id. Default 512.</summary>
    public int MaxIdLength
    {
        get;
        init => field = value is >= 16 and <= 65_536 ? value : throw Invalid(nameof(MaxIdLength), value, "between 16 and 65,536");
    } = 512;

    /// <summary>The largest depth a neighbour query may ask for (<c>INVALID_QUERY</c> beyond it). Default 16.</summary>
    public int MaxNeighborDepth
    {
        get;
        init => field = value is >= 1 and <= 1_000 ? value : throw Invalid(nameof(MaxNeighborDepth), value, "between 1 and 1,000");
    } = 16;

    private static ArgumentOutOfRangeException Invalid(string name, object value, string rule) => new(name, value, $"{name} must be {rule}");
}
