using System.Text.Json;
using Nexus.Nxml.Schema;
using Nexus.Nxml.Syntax;
using Nexus.Nxml.Tests.Json;

namespace Nexus.Nxml.Tests.Schema;

/// <summary>Tools as MCP tools (§10): exact schemas for a few tools, and the schema rules over every panel we have.</summary>
public sealed class ToolSchemasTests
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public static TheoryData<string> ValidFiles() => PanelFiles.Valid();

    [Fact]
    public void Tool_with_a_required_and_an_optional_arg()
    {
        var tool = GoldenTasks().Logic!.Tools[0];
        Assert.Equal(
            """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"text":{"type":"string"},"priority":{"type":"number","default":1}},"required":["text"],"additionalProperties":false}""",
            ToolSchemas.InputSchema(tool).GetRawText());
    }

    [Fact]
    public void Tool_without_args_takes_an_empty_object_and_has_no_required_list()
    {
        var tool = GoldenTasks().Logic!.Tools[1];
        Assert.Equal("""{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{},"additionalProperties":false}""", ToolSchemas.InputSchema(tool).GetRawText());
    }

    [Fact]
    public void Every_type_maps_and_descriptions_and_typed_defaults_are_copied()
    {
        var panel = Parse("""
            <NexusPanel title="T"><Logic><Tool name="t" description="Does &quot;t&quot;">
              <Arg name="s" type="string" description="Some text" />
              <Arg name="n" type="number" default="2.5" required="true" />
              <Arg name="b" type="boolean" required="false" />
              <Arg name="l" type="list" default="[1, 2]" description="Numbers" />
              <Arg name="o" type="object" default='{"a": "é"}' />
              <Arg name="bad" type="number" default="four" />
              <Arg name="odd" type="int" />
              <Arg name="s" type="number" />
              <Handler>return 1;</Handler>
            </Tool></Logic></NexusPanel>
            """);
        var description = Assert.Single(ToolSchemas.Describe(panel));
        Assert.Equal("t", description.Name);
        Assert.Equal("Does \"t\"", description.Description);
        Assert.Equal(
            """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"s":{"type":"string","description":"Some text"},"n":{"type":"number","default":2.5},"b":{"type":"boolean"},"l":{"type":"array","description":"Numbers","default":[1,2]},"o":{"type":"object","default":{"a":"é"}},"bad":{"type":"number"},"odd":{}},"required":["s","odd"],"additionalProperties":false}""",
            description.InputSchema.GetRawText());
    }

    [Fact]
    public void State_resource_schema_types_states_and_marks_computeds_read_only()
    {
        Assert.Equal(
            """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"todos":{"type":"array","default":[]},"limit":{"type":"number","default":1000},"ready":{"type":"boolean","default":true},"filter":{"type":"string","default":"all"},"open":{"readOnly":true}},"required":["todos","limit","ready","filter"],"additionalProperties":false}""",
            ToolSchemas.StateResourceSchema(GoldenTasks()).GetRawText());
    }

    [Fact]
    public void Schema_outlives_the_call_and_can_be_used_as_an_mcp_input_schema()
    {
        var schema = ToolSchemas.InputSchema(GoldenTasks().Logic!.Tools[0]);
        GC.Collect();
        Assert.Equal(JsonValueKind.Object, schema.ValueKind);
        Assert.Equal("object", schema.GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Every_tool_of_every_panel_has_a_schema_that_accepts_its_own_defaults(string file)
    {
        var panel = PanelFiles.Check(file).Panel!;
        var descriptions = ToolSchemas.Describe(panel);
        Assert.Equal(panel.Tools.Select(t => t.Name), descriptions.Select(d => d.Name));
        foreach (var (tool, description) in panel.Tools.Zip(descriptions))
        {
            var schema = description.InputSchema;
            Assert.Equal(Draft, schema.GetProperty("$schema").GetString());
            Assert.Equal("object", schema.GetProperty("type").GetString());
            Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
            var properties = schema.GetProperty("properties");
            Assert.Equal(tool.Args.Select(a => a.Name), properties.EnumerateObject().Select(p => p.Name));
            var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToList() : [];
            Assert.Equal(tool.Args.Where(a => a.IsRequired).Select(a => a.Name), required);
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.TryGetProperty("default", out var value))
                {
                    Assert.True(Accepts(property.Value, value), $"{tool.Name}.{property.Name}: {value} does not match {property.Value}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void State_resource_schema_accepts_the_default_state(string file)
    {
        var panel = PanelFiles.Check(file).Panel!;
        var schema = ToolSchemas.StateResourceSchema(panel);
        var properties = schema.GetProperty("properties");
        Assert.Equal(panel.States.Select(s => s.Name).Concat(panel.Computeds.Select(c => c.Name)), properties.EnumerateObject().Select(p => p.Name));
        foreach (var state in panel.States.Where(s => global::Nexus.Nxml.Checking.ValueTypes.IsKnown(s.Type)))
        {
            var property = properties.GetProperty(state.Name!);
            var value = property.TryGetProperty("default", out var declared) ? declared : global::Nexus.Nxml.Checking.ValueTypes.DefaultOf(state.Type!);
            Assert.True(Accepts(property, value), $"{state.Name}: {value} does not match {property}");
        }
    }

    /// <summary>The part of JSON Schema validation these schemas use: <c>type</c> only.</summary>
    private static bool Accepts(JsonElement schema, JsonElement value) =>
        !schema.TryGetProperty("type", out var type) || type.GetString() switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "array" => value.ValueKind == JsonValueKind.Array,
            "object" => value.ValueKind == JsonValueKind.Object,
            _ => false,
        };

    private static PanelNode GoldenTasks() => Parse(File.ReadAllText(Path.Combine(TestPaths.JsonGolden, "tasks.nxml")));

    private static PanelNode Parse(string source) => NxmlDocument.Check(source).Panel!;
}
