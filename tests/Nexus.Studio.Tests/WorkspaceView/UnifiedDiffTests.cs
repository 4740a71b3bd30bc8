using Nexus.Studio.WorkspaceView.History;

namespace Nexus.Studio.Tests.WorkspaceView;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Lines_are_classified_by_their_place_in_the_file_and_hunk()
    {
        const string diff = """
            diff --git a/state/counter.json b/state/counter.json
            index 1111111..2222222 100644
            --- a/state/counter.json
            +++ b/state/counter.json
            @@ -1,3 +1,3 @@
             {
            -  "count": 0
            +  "count": 1
            --- a line that was "-- a line"
             }
            diff --git a/panels/x.nxml b/panels/x.nxml
            --- /dev/null
            +++ b/panels/x.nxml
            """;

        var kinds = UnifiedDiff.Parse(diff.ReplaceLineEndings("\n") + "\n").Select(l => l.Kind).ToList();

        Assert.Equal(
            [
                DiffLineKind.File, DiffLineKind.File, DiffLineKind.File, DiffLineKind.File, DiffLineKind.Hunk,
                DiffLineKind.Context, DiffLineKind.Removed, DiffLineKind.Added, DiffLineKind.Removed, DiffLineKind.Context,
                DiffLineKind.File, DiffLineKind.File, DiffLineKind.File,
            ],
            kinds);
    }

    [Fact]
    public void An_empty_diff_has_no_lines_and_null_is_refused()
    {
        Assert.Empty(UnifiedDiff.Parse(""));
        Assert.Throws<ArgumentNullException>(() => UnifiedDiff.Parse(null!));
    }
}
