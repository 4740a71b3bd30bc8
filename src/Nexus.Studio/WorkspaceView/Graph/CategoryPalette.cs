using Nexus.Graph;

namespace Nexus.Studio.WorkspaceView.Graph;

/// <summary>
/// The colour of each entity category: a fixed palette indexed by the category, so a category has the same colour
/// in every workspace, after every refresh and whichever categories are present or filtered.
/// </summary>
public static class CategoryPalette
{
    // Material colours far enough apart to tell eight categories apart, each dark enough for white text.
    private static readonly string[] Colors =
    [
        "#5e35b1", // concept: deep purple
        "#1e88e5", // component: blue
        "#00897b", // data: teal
        "#e65100", // action: orange
        "#6d4c41", // resource: brown
        "#c62828", // constraint: red
        "#2e7d32", // milestone: green
        "#546e7a", // custom: blue grey
    ];

    /// <summary>The category's colour as a CSS hex colour.</summary>
    public static string ColorOf(EntityCategory category)
    {
        var index = (int)category;
        return index >= 0 && index < Colors.Length
            ? Colors[index]
            : throw new ArgumentOutOfRangeException(nameof(category), category, "not a category of the NOG");
    }
}
