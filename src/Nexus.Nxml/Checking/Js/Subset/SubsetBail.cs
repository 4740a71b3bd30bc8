namespace Nexus.Nxml.Checking.Js.Subset;

/// <summary>
/// Thrown inside the subset parser when the code leaves the subset (or may not be valid): the parser then
/// returns no tree and Acornima takes the code. Never escapes <see cref="SubsetParser.TryParse"/>.
/// </summary>
internal sealed class SubsetBail : Exception
{
    /// <summary>One instance: a bail carries no information, and panel code that leaves the subset should not allocate for it.</summary>
    public static readonly SubsetBail Instance = new();

    public SubsetBail()
        : base("the code leaves the JavaScript subset")
    {
    }

    public SubsetBail(string message)
        : base(message)
    {
    }

    public SubsetBail(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
