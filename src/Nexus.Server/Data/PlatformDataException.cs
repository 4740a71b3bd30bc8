namespace Nexus.Server.Data;

/// <summary>A data operation or the database configuration was refused for a reason the caller can act on.</summary>
public sealed class PlatformDataException : Exception
{
    public PlatformDataException(PlatformDataError error, string message)
        : base(message) => Error = error;

    public PlatformDataException(PlatformDataError error, string message, Exception innerException)
        : base(message, innerException) => Error = error;

    public PlatformDataException()
        : this(PlatformDataError.InvalidInput, "invalid platform data")
    {
    }

    public PlatformDataException(string message)
        : this(PlatformDataError.InvalidInput, message)
    {
    }

    public PlatformDataException(string message, Exception innerException)
        : this(PlatformDataError.InvalidInput, message, innerException)
    {
    }

    /// <summary>What went wrong, for mapping to an API error code.</summary>
    public PlatformDataError Error { get; }
}

/// <summary>Why a <see cref="PlatformDataException"/> was thrown.</summary>
public enum PlatformDataError
{
    /// <summary>An argument is empty, too long or out of range.</summary>
    InvalidInput,

    /// <summary>Another user already has this email (compared case-insensitively).</summary>
    EmailTaken,

    /// <summary>The user does not exist.</summary>
    UserNotFound,

    /// <summary>The workspace does not exist.</summary>
    WorkspaceNotFound,

    /// <summary>The plan does not exist.</summary>
    PlanNotFound,

    /// <summary>A token with this hash already exists.</summary>
    TokenExists,

    /// <summary>The change would leave a workspace without an owner.</summary>
    LastOwner,

    /// <summary><c>Nexus:Database</c> or <c>ConnectionStrings:Platform</c> is missing or wrong.</summary>
    Configuration,
}
