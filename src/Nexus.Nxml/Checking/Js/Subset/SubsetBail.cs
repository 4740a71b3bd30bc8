namespace Nexus.Nxml.Checking.Js.Subset;

/// <summary>
/// Thrown inside the subset parser when the code leaves the subset (or may not be valid): the parser then
/// returns no tree and Acornima takes the code. Never escapes <see cref="SubsetParser.TryParse"/>. A new instance
/// each time: threads that bail at the same moment must not share one exception object (the runtime writes the
/// stack trace into it while unwinding).
/// </summary>
internal sealed class SubsetBail : Exception
{
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
