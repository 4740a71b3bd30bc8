using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Server.Data;
using Nexus.Workspace;
using Nexus.Workspace.Hosting;

namespace Nexus.Server.Api.Realtime;

/// <summary>
/// Answers one client's messages: TRIGGER and SET (editors only; answered by RESULT), SUBSCRIBE/UNSUBSCRIBE, PONG.
/// Anything unreadable is an <c>ERROR BAD_MESSAGE</c>; the connection stays open. Messages are handled one at a
/// time, in order, so a client's RESULTs come in the order of its requests. A write while the owner's storage is
/// full is an <c>ERROR STORAGE_LIMIT</c>. A RESULT is sent once the frames of what its call did (PROGRESS, EVENT,
/// VIEW) are on their way (<c>caughtUp</c>), so it never overtakes them.
/// </summary>
internal sealed class PanelSocketCommands(HostedPanel panel, WorkspaceRole role, Func<ValueTask<string?>> storageRefusal, PatchFilter filter, Func<JsonObject, Task> send, Func<Task> caughtUp)
{
    private string? _runningTool;
    private string? _runningRequestId;

    /// <summary>The request id of this client's running TRIGGER of <paramref name="tool"/>, for its PROGRESS frames.</summary>
    public string? RequestIdFor(string? tool) =>
        tool is not null && string.Equals(Volatile.Read(ref _runningTool), tool, StringComparison.Ordinal) ? Volatile.Read(ref _runningRequestId) : null;

    public async Task HandleAsync(ReadOnlyMemory<byte> message)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(message.Span) as JsonObject;
        }
        catch (JsonException exception)
        {
            await send(PanelSocketFrames.Error(PanelSocketFrames.BadMessage, $"not JSON: {exception.Message}")).ConfigureAwait(false);
            return;
        }

        if (json is null || !TryString(json, "type", out var type))
        {
            await send(PanelSocketFrames.Error(PanelSocketFrames.BadMessage, "a message is a JSON object with a string 'type'")).ConfigureAwait(false);
            return;
        }

        var requestId = TryString(json, "requestId", out var id) ? id : null;
        var refusal = type switch
        {
            "TRIGGER" => await TriggerAsync(json, requestId).ConfigureAwait(false),
            "SET" => await SetAsync(json, requestId).ConfigureAwait(false),
            "SUBSCRIBE" => Keys(json, filter.Subscribe),
            "UNSUBSCRIBE" => Keys(json, filter.Unsubscribe),
            "PONG" => null,
            _ => $"unknown message type '{type}'",
        };
        if (refusal is not null)
        {
            await send(PanelSocketFrames.Error(PanelSocketFrames.BadMessage, refusal, requestId)).ConfigureAwait(false);
        }
    }

    private async Task<string?> TriggerAsync(JsonObject json, string? requestId)
    {
        if (!TryString(json, "tool", out var tool))
        {
            return "TRIGGER needs a string 'tool'";
        }

        if (await RefuseWriteAsync(requestId).ConfigureAwait(false))
        {
            return null;
        }

        Volatile.Write(ref _runningRequestId, requestId);
        Volatile.Write(ref _runningTool, tool);
        try
        {
            await RunAsync(() => panel.CallAsync(tool, json["args"]?.DeepClone()), requestId).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _runningTool, null);
            Volatile.Write(ref _runningRequestId, null);
        }

        return null;
    }

    private async Task<string?> SetAsync(JsonObject json, string? requestId)
    {
        if (!TryString(json, "path", out var path))
        {
            return "SET needs a string 'path' such as '$state.draft'";
        }

        if (!json.ContainsKey("value"))
        {
            return "SET needs a 'value'";
        }

        if (!await RefuseWriteAsync(requestId).ConfigureAwait(false))
        {
            await RunAsync(() => panel.SetAsync(path, json["value"]?.DeepClone()), requestId).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>A failed handler is a RESULT with status error; only a panel that does not run is an ERROR.</summary>
    private async Task RunAsync(Func<Task<Nexus.Reactor.Execution.ToolResult>> work, string? requestId)
    {
        JsonObject frame;
        try
        {
            frame = PanelSocketFrames.Result(requestId, await work().ConfigureAwait(false));
            await caughtUp().ConfigureAwait(false);
        }
        catch (WorkspaceException exception)
        {
            frame = PanelSocketFrames.Error(exception.Code, exception.Message, requestId);
        }

        await send(frame).ConfigureAwait(false);
    }

    /// <summary>Answers an ERROR (and true) when this client may not change the panel now: a viewer, or no storage left.</summary>
    private async Task<bool> RefuseWriteAsync(string? requestId)
    {
        var refusal = role < WorkspaceRole.Editor
            ? PanelSocketFrames.Error(Errors.ErrorCodes.Forbidden, "changing the panel needs the editor role in the workspace", requestId)
            : await storageRefusal().ConfigureAwait(false) is { } full
                ? PanelSocketFrames.Error(Errors.ErrorCodes.StorageLimit, full, requestId)
                : null;
        if (refusal is null)
        {
            return false;
        }

        await send(refusal).ConfigureAwait(false);
        return true;
    }

    private static string? Keys(JsonObject json, Action<IEnumerable<string>> apply)
    {
        if (json["keys"] is not JsonArray array || array.Any(k => k?.GetValueKind() != JsonValueKind.String))
        {
            return "'keys' must be an array of state key names";
        }

        apply([.. array.Select(k => k!.GetValue<string>())]);
        return null;
    }

    private static bool TryString(JsonObject json, string name, out string value)
    {
        if (json[name] is JsonValue node && node.GetValueKind() == JsonValueKind.String)
        {
            value = node.GetValue<string>();
            return true;
        }

        value = "";
        return false;
    }
}
