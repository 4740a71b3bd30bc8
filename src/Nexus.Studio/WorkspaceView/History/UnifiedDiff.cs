namespace Nexus.Studio.WorkspaceView.History;

/// <summary>What a line of a unified diff is, so the view can colour it.</summary>
public enum DiffLineKind
{
    Context,
    Added,
    Removed,

    /// <summary>A hunk header (<c>@@ -1,3 +1,4 @@</c>).</summary>
    Hunk,

    /// <summary>A file header (<c>diff --git</c>, <c>index</c>, <c>---</c>, <c>+++</c>, mode and rename lines).</summary>
    File,
}

/// <summary>One line of a unified diff and its kind.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>Splits a unified diff (as Git writes it) into lines with their kinds.</summary>
public static class UnifiedDiff
{
    public static IReadOnlyList<DiffLine> Parse(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var lines = new List<DiffLine>();
        var inHunk = false;
        foreach (var text in diff.TrimEnd('\n').Split('\n'))
        {
            var line = text.TrimEnd('\r');
            var kind = KindOf(line, inHunk);
            // A file header ends the hunk before it; "---"/"+++" inside a hunk are a removed "--" or an added "++" line.
            inHunk = kind switch
            {
                DiffLineKind.Hunk => true,
                DiffLineKind.File => false,
                _ => inHunk,
            };
            lines.Add(new DiffLine(kind, line));
        }

        return diff.Length == 0 ? [] : lines;
    }

    private static DiffLineKind KindOf(string line, bool inHunk)
    {
        if (line.StartsWith("diff --git ", StringComparison.Ordinal))
        {
            return DiffLineKind.File;
        }

        if (line.StartsWith("@@", StringComparison.Ordinal))
        {
            return DiffLineKind.Hunk;
        }

        if (!inHunk)
        {
            return DiffLineKind.File;
        }

        return line.Length == 0 ? DiffLineKind.Context : line[0] switch
        {
            '+' => DiffLineKind.Added,
            '-' => DiffLineKind.Removed,
            _ => DiffLineKind.Context,
        };
    }
}
