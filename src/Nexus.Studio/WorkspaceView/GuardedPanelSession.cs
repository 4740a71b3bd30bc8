using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Reactor.Execution;
using Nexus.Studio.Platform;
using Nexus.Studio.Rendering.Session;

namespace Nexus.Studio.WorkspaceView;

/// <summary>
/// A live panel whose writes (tool calls, two-way bindings) first ask the platform whether the user may change the
/// workspace now — role and storage, the same checks as the HTTP API's tool calls. A refusal becomes a failed tool
/// result, which the view shows like any other failure; reads pass straight through.
/// </summary>
internal sealed class GuardedPanelSession(IPanelSession inner, Func<Task> ensureCanChange) : DelegatingPanelSession(inner)
{
    /// <summary>The code of a write the platform refused.</summary>
    public const string RefusedCode = "REFUSED";

    public override Task<ToolResult> TriggerAsync(ComponentNode component, ViewScope scope) =>
        GuardedAsync(component.Type, () => base.TriggerAsync(component, scope));

    public override Task<ToolResult> SetAsync(string path, JsonNode? value, ViewScope scope) =>
        GuardedAsync(path, () => base.SetAsync(path, value, scope));

    private async Task<ToolResult> GuardedAsync(string what, Func<Task<ToolResult>> write)
    {
        try
        {
            await ensureCanChange().ConfigureAwait(false);
        }
        catch (PlatformRefusalException refusal)
        {
            return new ToolResult(what, false, null, [], [], [], [], new ToolError(RefusedCode, refusal.Message), 0);
        }

        return await write().ConfigureAwait(false);
    }
}
