namespace Nexus.Workspace.Extensions.Http;

/// <summary>A failure of <c>nexus.http</c> whose message is meant for the panel as it is.</summary>
internal sealed class HttpCallException : Exception
{
    public HttpCallException()
    {
    }

    public HttpCallException(string message)
        : base(message)
    {
    }

    public HttpCallException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
