using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;

namespace Nexus.Studio.Rendering.Components;

/// <summary>One item of an Iterate: its render key and its scope.</summary>
internal sealed record IteratedItem(string Key, ViewScope Scope)
{
    /// <summary>
    /// The items of a list (anything else has none). The key is the item's <c>key</c> field when the Iterate names
    /// one, else its position; a repeated or missing key falls back to the position, so keys stay unique.
    /// </summary>
    public static IReadOnlyList<IteratedItem> From(ComponentNode iterate, ViewScope scope, JsonNode? items)
    {
        if (items is not JsonArray list)
        {
            return [];
        }

        var keyField = iterate.Prop("key")?.Trim();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IteratedItem>(list.Count);
        for (var index = 0; index < list.Count; index++)
        {
            var item = list[index];
            var key = keyField is { Length: > 0 } && item is JsonObject fields && fields[keyField] is { } value
                ? "k:" + ViewValues.Display(value)
                : null;
            if (key is null || !seen.Add(key))
            {
                key = "i:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                seen.Add(key);
            }

            result.Add(new IteratedItem(key, scope.Enter(iterate, index, item)));
        }

        return result;
    }
}
