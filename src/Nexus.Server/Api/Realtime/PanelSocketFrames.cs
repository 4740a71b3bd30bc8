using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Reactor;
using Nexus.Reactor.Execution;
using Nexus.Workspace.Hosting;

namespace Nexus.Server.Api.Realtime;

/// <summary>The JSON of the server's frames (<c>api.md</c> "WebSocket: one panel").</summary>
internal static class PanelSocketFrames
{
    /// <summary>The code of an unreadable, unknown or incomplete client message; the connection stays open.</summary>
    public const string BadMessage = "BAD_MESSAGE";

    /// <summary>The code of a client message over <see cref="PanelSocketOptions.MaxMessageBytes"/>; the socket is then closed.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";

    /// <summary>
    /// The encoded PATCH of each committed change as heard by sockets without a SUBSCRIBE filter: every such socket of
    /// the panel sends the same bytes, so a change fanned out to N sockets is built and encoded once, not N times.
    /// Keyed by the notification instance (shared by all subscribers), released with it.
    /// </summary>
    private static readonly ConditionalWeakTable<StateCommitted, EncodedFrame> SharedPatches = [];

    /// <summary>An encoded frame, or nothing to send (<see cref="Bytes"/> null).</summary>
    private sealed record EncodedFrame(byte[]? Bytes);

    /// <summary>A frame as the UTF-8 JSON text sent in one WebSocket text message.</summary>
    public static byte[] Encode(JsonObject frame)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            frame.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static JsonObject Connected(string panelId, JsonObject state, long version) =>
        new() { ["type"] = "CONNECTED", ["panelId"] = panelId, ["state"] = state, ["version"] = version };

    public static JsonObject Result(string? requestId, ToolResult result)
    {
        var json = result.ToJson();
        var frame = new JsonObject { ["type"] = "RESULT", ["requestId"] = requestId };
        foreach (var name in (string[])["status", "mutations", "computed", "events", "viewUpdates", "returnValue", "version"])
        {
            frame[name] = json[name]?.DeepClone();
        }

        frame["error"] = json["error"]?.DeepClone();
        return frame;
    }

    public static JsonObject Error(string code, string message, string? requestId = null)
    {
        var frame = new JsonObject { ["type"] = "ERROR", ["code"] = code, ["message"] = message };
        if (requestId is not null)
        {
            frame["requestId"] = requestId;
        }

        return frame;
    }

    public static JsonObject Ping() => new() { ["type"] = "PING" };

    /// <summary>
    /// The encoded frame for a notification, or null when this client should not hear it (a PATCH whose keys are all
    /// filtered out, a commit without changes). A PATCH for a socket that hears every key is the shared encoding
    /// (its timestamp is when the first socket encoded it). <paramref name="progressRequestId"/> names the caller's
    /// own running request.
    /// </summary>
    public static byte[]? EncodedFor(PanelNotification notification, PatchFilter filter, DateTimeOffset now, string? progressRequestId) =>
        notification is StateCommitted { InProgress: false } committed && filter.IncludesAll
            ? SharedPatches.GetValue(committed, c => new EncodedFrame(Patch(c, filter: null, now) is { } patch ? Encode(patch) : null)).Bytes
            : For(notification, filter, now, progressRequestId) is { } frame ? Encode(frame) : null;

    /// <summary>
    /// The frame for a notification, or null when this client should not hear it (a PATCH whose keys are all
    /// filtered out, a commit without changes). <paramref name="progressRequestId"/> names the caller's own running request.
    /// </summary>
    private static JsonObject? For(PanelNotification notification, PatchFilter filter, DateTimeOffset now, string? progressRequestId) => notification switch
    {
        StateCommitted { InProgress: true } progress => new JsonObject
        {
            ["type"] = "PROGRESS",
            ["requestId"] = progressRequestId,
            ["mutations"] = Mutations(progress.Mutations),
        },
        StateCommitted committed => Patch(committed, filter, now),
        EventEmitted emitted => new JsonObject { ["type"] = "EVENT", ["name"] = emitted.Event.Name, ["payload"] = emitted.Event.Payload?.DeepClone() },
        ViewChanged view => new JsonObject
        {
            ["type"] = "VIEW",
            ["id"] = view.Update.Id,
            ["prop"] = view.Update.Name,
            ["kind"] = view.Update.Kind,
            ["value"] = view.Update.Value?.DeepClone(),
        },
        PanelReloaded reloaded => new JsonObject { ["type"] = "RELOADED", ["source"] = reloaded.Source, ["version"] = reloaded.Version },
        _ => null,
    };

    /// <summary>The PATCH of a change narrowed to <paramref name="filter"/>'s keys (null: every key), or null when nothing is left.</summary>
    private static JsonObject? Patch(StateCommitted committed, PatchFilter? filter, DateTimeOffset now)
    {
        var mutations = committed.Mutations.Where(m => filter?.Includes(m.Key) ?? true).ToList();
        var computed = committed.Computed.Where(c => filter?.Includes(c.Key) ?? true).ToList();
        if (mutations.Count == 0 && computed.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["type"] = "PATCH",
            ["mutations"] = Mutations(mutations),
            ["computed"] = new JsonArray([.. computed.Select(c => (JsonNode)new JsonObject { ["key"] = c.Key, ["value"] = c.Value?.DeepClone() })]),
            ["version"] = committed.Version,
            ["timestamp"] = now,
        };
    }

    private static JsonArray Mutations(IEnumerable<StateMutation> mutations) =>
        new([.. mutations.Select(m => (JsonNode)new JsonObject { ["key"] = m.Key, ["value"] = m.Value?.DeepClone(), ["operation"] = m.Operation })]);
}
