using Nexus.Studio.WorkspaceView.History;
using Nexus.Studio.WorkspaceView.Proposals;

namespace Nexus.Studio.Tests.WorkspaceView.Proposals;

/// <summary>The side-by-side layout of a unified diff: the same lines, paired, with their numbers in the old and new file.</summary>
public sealed class SideBySideDiffTests
{
    private const string Patch = """
        diff --git a/panels/a.nxml b/panels/a.nxml
        index 1111111..2222222 100644
        --- a/panels/a.nxml
        +++ b/panels/a.nxml
        @@ -3,4 +3,5 @@
         keep
        -old one
        -old two
        +new one
        +new two
        +new three
         tail
        \ No newline at end of file
        """;

    [Fact]
    public void Removed_lines_sit_beside_the_added_lines_that_replace_them_with_their_line_numbers()
    {
        var rows = SideBySideDiff.Build(UnifiedDiff.Parse(Patch));

        Assert.Equal("@@ -3,4 +3,5 @@", rows[0].Note);
        Assert.Equal(new SideBySideRow(new DiffCell(3, "keep", DiffLineKind.Context), new DiffCell(3, "keep", DiffLineKind.Context)), rows[1]);
        Assert.Equal(new SideBySideRow(new DiffCell(4, "old one", DiffLineKind.Removed), new DiffCell(4, "new one", DiffLineKind.Added)), rows[2]);
        Assert.Equal(new SideBySideRow(new DiffCell(5, "old two", DiffLineKind.Removed), new DiffCell(5, "new two", DiffLineKind.Added)), rows[3]);
        Assert.Equal(new SideBySideRow(null, new DiffCell(6, "new three", DiffLineKind.Added)), rows[4]);
        Assert.Equal(new SideBySideRow(new DiffCell(6, "tail", DiffLineKind.Context), new DiffCell(7, "tail", DiffLineKind.Context)), rows[5]);
        Assert.Equal(@"\ No newline at end of file", rows[6].Note);
        Assert.Equal(7, rows.Count);
    }

    [Fact]
    public void A_deleted_file_has_only_a_left_side_and_file_headers_are_left_out()
    {
        var rows = SideBySideDiff.Build(UnifiedDiff.Parse("diff --git a/x b/x\ndeleted file mode 100644\n--- a/x\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-one\n-two\n"));

        Assert.Equal(["@@ -1,2 +0,0 @@", null, null], rows.Select(r => r.Note));
        Assert.All(rows.Skip(1), row => Assert.Null(row.Right));
        Assert.Equal(["one", "two"], rows.Skip(1).Select(r => r.Left!.Text));
        Assert.Equal([1, 2], rows.Skip(1).Select(r => r.Left!.Number));
    }

    [Fact]
    public void An_empty_diff_has_no_rows_and_null_is_refused()
    {
        Assert.Empty(SideBySideDiff.Build(UnifiedDiff.Parse("")));
        Assert.Throws<ArgumentNullException>(() => SideBySideDiff.Build(null!));
    }
}
