using System.Globalization;
using System.Text.RegularExpressions;
using Nexus.Studio.WorkspaceView.History;

namespace Nexus.Studio.WorkspaceView.Proposals;

/// <summary>One side of a side-by-side row: the line's number in its file, its text without the diff marker, and its kind.</summary>
public sealed record DiffCell(int Number, string Text, DiffLineKind Kind);

/// <summary>
/// A row of a side-by-side diff: the old file's line on the left and the new file's on the right (either may be
/// missing where lines were only added or only removed), or a full-width note (<see cref="Note"/>: a hunk header).
/// </summary>
public sealed record SideBySideRow(DiffCell? Left, DiffCell? Right, string? Note = null);

/// <summary>
/// Lays the lines of a unified diff (<see cref="UnifiedDiff.Parse"/>) out side by side: no second diff algorithm,
/// only a different view of the same lines. A run of removed lines followed by added lines is paired row by row (a
/// changed line sits beside its new version); file headers are left out (the view names the file).
/// </summary>
public static partial class SideBySideDiff
{
    public static IReadOnlyList<SideBySideRow> Build(IReadOnlyList<DiffLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = new List<SideBySideRow>();
        var removed = new List<DiffCell>();
        var added = new List<DiffCell>();
        int oldLine = 0, newLine = 0;

        void Flush()
        {
            for (var i = 0; i < Math.Max(removed.Count, added.Count); i++)
            {
                rows.Add(new SideBySideRow(i < removed.Count ? removed[i] : null, i < added.Count ? added[i] : null));
            }

            removed.Clear();
            added.Clear();
        }

        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case DiffLineKind.Removed:
                    removed.Add(new DiffCell(oldLine++, line.Text[1..], DiffLineKind.Removed));
                    break;
                case DiffLineKind.Added:
                    added.Add(new DiffCell(newLine++, line.Text[1..], DiffLineKind.Added));
                    break;
                case DiffLineKind.Context when line.Text.StartsWith('\\'):
                    // "\ No newline at end of file" belongs to the line before it, on no side in particular.
                    Flush();
                    rows.Add(new SideBySideRow(null, null, line.Text));
                    break;
                case DiffLineKind.Context:
                    Flush();
                    var text = line.Text.Length == 0 ? "" : line.Text[1..];
                    rows.Add(new SideBySideRow(new DiffCell(oldLine++, text, DiffLineKind.Context), new DiffCell(newLine++, text, DiffLineKind.Context)));
                    break;
                case DiffLineKind.Hunk:
                    Flush();
                    (oldLine, newLine) = Starts(line.Text);
                    rows.Add(new SideBySideRow(null, null, line.Text));
                    break;
                default:
                    Flush();
                    break;
            }
        }

        Flush();
        return rows;
    }

    /// <summary>The first old and new line numbers of a hunk (<c>@@ -3,4 +3,5 @@</c> → 3, 3).</summary>
    private static (int Old, int New) Starts(string header)
    {
        var match = HunkHeader().Match(header);
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : (0, 0);
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@")]
    private static partial Regex HunkHeader();
}
