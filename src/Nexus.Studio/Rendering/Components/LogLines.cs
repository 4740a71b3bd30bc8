using System.Text.Json.Nodes;
using Nexus.Reactor;

namespace Nexus.Studio.Rendering.Components;

/// <summary>How LogStream shows the items of its list.</summary>
internal static class LogLines
{
    /// <summary>The last <paramref name="max"/> items as text, and how many earlier ones were left out.</summary>
    public static (IReadOnlyList<string> Lines, int Hidden) Last(JsonArray? items, int max)
    {
        if (items is null)
        {
            return ([], 0);
        }

        var skip = Math.Max(0, items.Count - max);
        return ([.. items.Skip(skip).Select(Line)], skip);
    }

    /// <summary>Text as it is; an entry object as "[time] level: message"; anything else as JSON.</summary>
    public static string Line(JsonNode? item)
    {
        if (item is not JsonObject entry || (entry["message"] ?? entry["text"]) is not { } message)
        {
            return ViewValues.Display(item);
        }

        var time = entry["time"] ?? entry["timestamp"];
        var level = entry["level"];
        return (time is null ? string.Empty : $"[{ViewValues.Display(time)}] ")
            + (level is null ? string.Empty : ViewValues.Display(level) + ": ")
            + ViewValues.Display(message);
    }
}
