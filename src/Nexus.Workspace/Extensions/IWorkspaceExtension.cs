using System.Text.Json.Nodes;
using Nexus.Reactor.Extensions;

namespace Nexus.Workspace.Extensions;

/// <summary>
/// One extension a workspace can offer panels as <c>$ext</c>. <see cref="WorkspaceExtensionHost"/> routes calls to it
/// by <see cref="Name"/> after checking that it is enabled and that the method is one of <see cref="Methods"/>.
/// </summary>
public interface IWorkspaceExtension
{
    /// <summary>The name panels declare (<c>&lt;Extension name="nexus.fs" /&gt;</c>).</summary>
    string Name { get; }

    /// <summary>The methods it answers.</summary>
    IReadOnlyList<string> Methods { get; }

    /// <summary>
    /// Runs one call. Bad input and refused operations are <see cref="ExtensionException"/> with a message meant for
    /// the panel; cancellation is <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken);
}
