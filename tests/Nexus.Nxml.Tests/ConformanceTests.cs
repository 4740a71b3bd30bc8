using System.Text.Json;

namespace Nexus.Nxml.Tests;

/// <summary>The shared NXML conformance suite (../shared/conformance/nxml): every file against expected.json.</summary>
public sealed class ConformanceTests
{
    private static readonly JsonElement Expected = LoadExpected();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Expected.EnumerateObject())
        {
            data.Add(entry.Name);
        }

        return data;
    }

    public static TheoryData<string> WildFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Conformance, "wild"), "*.nxml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Every_conformance_file_has_an_expectation_and_every_expectation_a_file()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.Conformance, "nxml"), "*.nxml").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var expected = Expected.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(expected, files);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_reports_exactly_the_expected_codes(string file)
    {
        var expectation = Expected.GetProperty(file);
        var document = Check(Path.Combine("nxml", file));
        var report = Describe(document);

        var errors = document.Diagnostics.Where(d => d.IsError).Select(d => d.Code).ToHashSet();
        var expectedErrors = expectation.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        Assert.True(expectedErrors.SetEquals(errors), $"errors: expected [{string.Join(", ", expectedErrors)}]\n{report}");

        if (expectation.TryGetProperty("warnings", out var warningsElement))
        {
            var warnings = document.Diagnostics.Where(d => !d.IsError).Select(d => d.Code).ToHashSet();
            var expectedWarnings = warningsElement.EnumerateArray().Select(e => e.GetString()!).ToHashSet();
            Assert.True(expectedWarnings.SetEquals(warnings), $"warnings: expected [{string.Join(", ", expectedWarnings)}]\n{report}");
        }

        if (expectation.TryGetProperty("at", out var at))
        {
            foreach (var location in at.EnumerateArray())
            {
                var code = location.GetProperty("code").GetString();
                var line = location.GetProperty("line").GetInt32();
                Assert.True(document.Diagnostics.Any(d => d.Code == code && d.Line == line), $"expected {code} on line {line}\n{report}");
            }
        }

        Assert.Equal(errors.Count == 0, document.IsValid);
    }

    [Theory]
    [MemberData(nameof(WildFiles))]
    public void Panels_from_the_wild_check_without_errors(string file)
    {
        var document = Check(Path.Combine("wild", file));
        Assert.True(document.IsValid, Describe(document));
    }

    internal static NxmlDocument Check(string relativePath) =>
        NxmlDocument.Check(File.ReadAllText(Path.Combine(TestPaths.Conformance, relativePath)));

    internal static string Describe(NxmlDocument document) =>
        document.Diagnostics.IsEmpty ? "(no diagnostics)" : string.Join("\n", document.Diagnostics.Select(d => d.Format("panel")));

    private static JsonElement LoadExpected()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Conformance, "nxml", "expected.json")));
        return json.RootElement.Clone();
    }
}
