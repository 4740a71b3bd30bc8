using Nexus.Nxml.Json;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Tests.Json;

/// <summary>
/// JSON → tree → JSON is the identity on every panel we have. Reading drops source spans, so JSON written
/// with locations reads back to the same tree as JSON written without them.
/// </summary>
public sealed class NxmlJsonRoundTripTests
{
    private static readonly NxmlJsonOptions WithLocations = new() { IncludeLocations = true };
    private static readonly NxmlJsonOptions WithoutLocations = new() { IncludeLocations = false };

    public static TheoryData<string> ValidFiles() => PanelFiles.Valid();

    public static TheoryData<string> FilesWithErrors() => PanelFiles.ParsedWithErrors();

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_panel_round_trips_through_json(string file) => AssertRoundTrips(Panel(file));

    [Theory]
    [MemberData(nameof(FilesWithErrors))]
    public void Panel_with_errors_round_trips_through_json(string file) => AssertRoundTrips(Panel(file));

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Indented_json_reads_back_to_the_same_tree(string file)
    {
        var panel = Panel(file);
        var indented = NxmlJson.Serialize(panel, new NxmlJsonOptions { Indented = true });
        Assert.Contains("\n", indented, StringComparison.Ordinal);
        Assert.Equal(NxmlJson.Serialize(panel, WithoutLocations), NxmlJson.Serialize(NxmlJson.Deserialize(indented)));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Utf8_and_string_forms_agree(string file)
    {
        var panel = Panel(file);
        var bytes = NxmlJson.SerializeToUtf8Bytes(panel);
        Assert.Equal(NxmlJson.Serialize(panel), System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(NxmlJson.Serialize(panel, WithoutLocations), NxmlJson.Serialize(NxmlJson.Deserialize(bytes)));
    }

    [Fact]
    public void Nodes_read_from_json_have_synthetic_attributes_and_no_spans()
    {
        var panel = NxmlJson.Deserialize(NxmlJson.Serialize(Panel("nxml/valid-tasks.nxml")));
        Assert.Equal("Tasks", panel.Attribute("title")?.Value);
        Assert.Equal("todo, personal", panel.Attribute("tags")?.Value);
        var state = panel.Data!.States[0];
        Assert.Equal(["name", "type", "default"], state.Attributes.Select(a => a.Name));
        Assert.True(state.Attributes.All(a => a.ValueSpan.IsEmpty));
        Assert.Equal("id", panel.Logic!.Tools[1].Args[0].Attribute("name")?.Value);
        Assert.True(panel.Span.IsEmpty);
    }

    [Fact]
    public void Typed_defaults_read_back_as_attribute_text()
    {
        var panel = NxmlJson.Deserialize("""
            {"kind":"NexusPanel","meta":{"title":"T"},"data":{"kind":"Data","states":[
              {"kind":"State","name":"n","type":"number","default":1e3},
              {"kind":"State","name":"f","type":"number","default":-2.50},
              {"kind":"State","name":"b","type":"boolean","default":true},
              {"kind":"State","name":"l","type":"list","default":[1, {"a": "é<"}]},
              {"kind":"State","name":"o","type":"object","default":{}},
              {"kind":"State","name":"s","type":"string","default":"{not json"},
              {"kind":"State","name":"x","type":"string"}]}}
            """);
        Assert.Equal(["1000", "-2.5", "true", "[1,{\"a\":\"é<\"}]", "{}", "{not json", null], panel.Data!.States.Select(s => s.Default));
    }

    [Theory]
    [InlineData("""{"kind":"Arg","name":"a","type":"number","required":false}""", "false", null)]
    [InlineData("""{"kind":"Arg","name":"a","type":"number","required":true}""", null, null)]
    [InlineData("""{"kind":"Arg","name":"a","type":"number"}""", null, null)]
    [InlineData("""{"kind":"Arg","name":"a","type":"number","required":false,"default":2}""", null, "2")]
    public void Required_false_becomes_an_attribute_only_when_no_default_makes_it_optional(string arg, string? required, string? defaultText)
    {
        var json = $$$"""{"kind":"NexusPanel","meta":{"title":"T"},"logic":{"kind":"Logic","tools":[{"kind":"Tool","name":"t","args":[{{{arg}}}],"handler":{"kind":"Handler","code":""}}]}}""";
        var read = NxmlJson.Deserialize(json).Logic!.Tools[0].Args[0];
        Assert.Equal(required, read.Required);
        Assert.Equal(defaultText, read.Default);
    }

    private static void AssertRoundTrips(PanelNode panel)
    {
        foreach (var options in new[] { WithLocations, WithoutLocations })
        {
            var json = NxmlJson.Serialize(panel, options);
            var read = NxmlJson.Deserialize(json);

            // The tree read back has no spans, so it serializes as the original does without locations.
            Assert.Equal(NxmlJson.Serialize(panel, WithoutLocations), NxmlJson.Serialize(read, options));
            Assert.Equal(NxmlJson.Serialize(read), NxmlJson.Serialize(NxmlJson.Deserialize(NxmlJson.Serialize(read))));
        }

        var plain = NxmlJson.Serialize(panel, WithoutLocations);
        Assert.Equal(plain, NxmlJson.Serialize(NxmlJson.Deserialize(plain), WithoutLocations));
    }

    private static PanelNode Panel(string file) =>
        PanelFiles.Check(file).Panel ?? throw new InvalidOperationException($"{file} does not parse");
}
