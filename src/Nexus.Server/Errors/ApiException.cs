namespace Nexus.Server.Errors;

/// <summary>
/// A refusal of the HTTP API itself (not of a lower layer): a machine-readable <see cref="Code"/> whose status comes
/// from <see cref="ErrorCodes"/>, and a message meant for the caller.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException()
        : this(ErrorCodes.BadRequest, "the request was refused")
    {
    }

    public ApiException(string message)
        : this(ErrorCodes.BadRequest, message)
    {
    }

    public ApiException(string message, Exception inner)
        : base(message, inner)
    {
        Code = ErrorCodes.BadRequest;
    }

    public ApiException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
