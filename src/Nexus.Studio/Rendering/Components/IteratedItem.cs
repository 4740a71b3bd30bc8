using System.Text.Json.Nodes;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;

namespace Nexus.Studio.Rendering.Components;

/// <summary>One item of an Iterate: its render key, its value and position, the scope around the Iterate, and the item's scope.</summary>
internal sealed record IteratedItem(string Key, int Index, JsonNode? Item, ViewScope Outer, ViewScope Scope)
{
    /// <summary>
    /// The items of a list (anything else has none). The key is the item's <c>key</c> field when the Iterate names
    /// one, else its position; a repeated or missing key falls back to the position, so keys stay unique. An item
    /// that is unchanged (same key, position and value, in the same outer scope) keeps its scope from
    /// <paramref name="previous"/>, so its elements need not evaluate again when another item changes.
    /// </summary>
    public static IReadOnlyList<IteratedItem> From(ComponentNode iterate, ViewScope scope, JsonNode? items, IReadOnlyList<IteratedItem>? previous = null)
    {
        if (items is not JsonArray list)
        {
            return [];
        }

        var before = previous?.Where(p => ReferenceEquals(p.Outer, scope)).ToDictionary(p => p.Key, StringComparer.Ordinal);
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

            var kept = before?.GetValueOrDefault(key);
            result.Add(kept is not null && kept.Index == index && JsonNode.DeepEquals(kept.Item, item)
                ? kept
                : new IteratedItem(key, index, item, scope, scope.Enter(iterate, index, item)));
        }

        return result;
    }
}
