using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Nexus.LoadGen;

/// <summary>The kinds of server frame the generator tells apart (<c>api.md</c> "WebSocket: one panel").</summary>
internal enum FrameType
{
    Other,
    Connected,
    Result,
    Patch,
    Error,
    Ping,
}

/// <summary>
/// What the generator needs from one server frame: its type, request id (the generator sends whole numbers), state
/// version, whether a RESULT succeeded, and a PATCH's server timestamp. Read with <see cref="Utf8JsonReader"/>, skipping
/// everything else, so the generator spends as little as possible of the CPU it shares with the server.
/// </summary>
internal readonly record struct Frame(FrameType Type, long RequestId, long Version, bool Succeeded, DateTimeOffset? Timestamp, string? Code)
{
    public static Frame Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var type = FrameType.Other;
        long requestId = -1, version = -1;
        var succeeded = false;
        DateTimeOffset? timestamp = null;
        string? code = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("a server frame is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = TypeOf(ref reader);
            }
            else if (reader.ValueTextEquals("requestId"u8))
            {
                reader.Read();
                requestId = reader.TokenType == JsonTokenType.String && Utf8Parser.TryParse(reader.ValueSpan, out long id, out var used) && used == reader.ValueSpan.Length ? id : -1;
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                version = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : -1;
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                succeeded = reader.ValueTextEquals("success"u8);
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                timestamp = reader.TokenType == JsonTokenType.String ? DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture) : null;
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                code = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new Frame(type, requestId, version, succeeded, timestamp, code);
    }

    private static FrameType TypeOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("RESULT"u8) ? FrameType.Result
        : reader.ValueTextEquals("PATCH"u8) ? FrameType.Patch
        : reader.ValueTextEquals("CONNECTED"u8) ? FrameType.Connected
        : reader.ValueTextEquals("ERROR"u8) ? FrameType.Error
        : reader.ValueTextEquals("PING"u8) ? FrameType.Ping
        : FrameType.Other;
}
