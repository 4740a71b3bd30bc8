using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Reactor.Execution;

namespace Nexus.Workspace.Persistence;

/// <summary>
/// One journal line: <c>{"p":"panel","v":version,"s":{"key":value,...}}</c> and a newline. A line is only
/// trusted when it is complete (ends with a newline) and parses: a crash can leave a torn last line, which is
/// ignored — its call had not been acknowledged.
/// </summary>
internal sealed record JournalRecord(string PanelId, long Version, JsonObject Sets)
{
    public static byte[] Encode(string panelId, long version, IReadOnlyList<StateMutation> mutations)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("p", panelId);
            writer.WriteNumber("v", version);
            writer.WriteStartObject("s");
            foreach (var mutation in mutations)
            {
                writer.WritePropertyName(mutation.Key);
                if (mutation.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    mutation.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var line = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>Every complete record of the journal folder, oldest first.</summary>
    public static IReadOnlyList<JournalRecord> ReadAll(string directory)
    {
        var records = new List<JournalRecord>();
        foreach (var (_, path) in StateJournal.Segments(directory))
        {
            ReadSegment(File.ReadAllBytes(path), records);
        }

        return records;
    }

    private static void ReadSegment(ReadOnlySpan<byte> bytes, List<JournalRecord> records)
    {
        while (bytes.Length > 0)
        {
            var end = bytes.IndexOf((byte)'\n');
            if (end < 0 || Decode(bytes[..end]) is not { } record)
            {
                return; // a torn tail: written when the process died, never acknowledged
            }

            records.Add(record);
            bytes = bytes[(end + 1)..];
        }
    }

    private static JournalRecord? Decode(ReadOnlySpan<byte> line)
    {
        try
        {
            if (JsonNode.Parse(line) is JsonObject { } obj
                && obj["p"]?.GetValue<string>() is { } panel
                && obj["v"]?.GetValue<long>() is { } version
                && obj["s"] is JsonObject sets)
            {
                obj.Remove("s");
                return new JournalRecord(panel, version, sets);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
        }

        return null;
    }
}
