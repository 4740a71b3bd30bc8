using System.Text.Json.Nodes;

namespace Nexus.Reactor.Extensions;

/// <summary>
/// What a host gives panels as <c>$ext</c>: extensions by name (<c>nexus.http</c>, ...), each an object of
/// async methods taking and returning JSON. The reactor ships none; the workspace layer registers real ones.
/// Capabilities (<c>ext:&lt;alias&gt;</c>) are checked before a call reaches the host.
/// </summary>
public interface IExtensionHost
{
    /// <summary>
    /// Calls a method of an extension. Throw <see cref="ExtensionException"/> (or let any exception escape) for a
    /// failure the handler should see as an error; honour <paramref name="cancellationToken"/> (the handler's time ran out).
    /// </summary>
    Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken);
}

/// <summary>One call of an extension method: which panel, which extension, which method, with which JSON arguments.</summary>
public sealed record ExtensionCall(string PanelId, string Extension, string Method, IReadOnlyList<JsonNode?> Arguments);

/// <summary>A failure an extension reports to the handler (its message reaches the handler's <c>catch</c>).</summary>
public sealed class ExtensionException : Exception
{
    public ExtensionException()
    {
    }

    public ExtensionException(string message)
        : base(message)
    {
    }

    public ExtensionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The host with no extensions: every call fails with a clear message.</summary>
public sealed class NoExtensions : IExtensionHost
{
    public static readonly NoExtensions Instance = new();

    public Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromException<JsonNode?>(new ExtensionException($"extension '{request.Extension}' is not available on this host"));
    }
}
