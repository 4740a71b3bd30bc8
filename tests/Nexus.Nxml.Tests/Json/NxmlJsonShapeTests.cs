using System.Text.Json;
using Nexus.Nxml.Json;

namespace Nexus.Nxml.Tests.Json;

/// <summary>The JSON follows §8: golden files pin the exact text; every panel we have is walked for the shape rules.</summary>
public sealed class NxmlJsonShapeTests
{
    private static readonly HashSet<string> NodeKinds = ["NexusPanel", "Data", "State", "Computed", "Logic", "Extension", "Tool", "Arg", "Handler", "Lifecycle", "View"];

    public static TheoryData<string> ValidFiles() => PanelFiles.Valid();

    [Theory]
    [InlineData("tasks", false)]
    [InlineData("comments", true)]
    public void Json_is_exactly_the_golden_file(string name, bool includeLocations)
    {
        var source = File.ReadAllText(Path.Combine(TestPaths.JsonGolden, name + ".nxml"));
        var expected = File.ReadAllText(Path.Combine(TestPaths.JsonGolden, name + ".json")).ReplaceLineEndings("\n").TrimEnd();
        var panel = NxmlDocument.Check(source).Panel!;
        Assert.Equal(expected, NxmlJson.Serialize(panel, new NxmlJsonOptions { Indented = true, IncludeLocations = includeLocations }).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Defaults_are_typed_when_they_parse_and_text_when_they_do_not()
    {
        var panel = NxmlDocument.Parse("""
            <NexusPanel title="T"><Data>
              <State name="l" type="list" default="[]" />
              <State name="n" type="number" default="0x10" />
              <State name="b" type="boolean" default=" false " />
              <State name="o" type="object" default='{"a": [1, 2.50]}' />
              <State name="s" type="string" default="42" />
              <State name="bad" type="number" default="four" />
              <State name="odd" type="int" default="4" />
              <State name="none" type="list" />
            </Data></NexusPanel>
            """).Panel!;
        using var json = JsonDocument.Parse(NxmlJson.Serialize(panel));
        var defaults = json.RootElement.GetProperty("data").GetProperty("states").EnumerateArray()
            .Select(s => s.TryGetProperty("default", out var value) ? value.GetRawText() : "(absent)");
        Assert.Equal(["[]", "16", "false", """{"a":[1,2.50]}""", "\"42\"", "\"four\"", "\"4\"", "(absent)"], defaults);
    }

    [Fact]
    public void Handler_code_is_written_without_html_escapes()
    {
        var panel = NxmlDocument.Check("""
            <NexusPanel title="Ünïcode &amp; co"><Logic><Tool name="t"><Handler>if (1 < 2 && 'é' !== "\"") return '<b>';</Handler></Tool></Logic></NexusPanel>
            """).Panel!;
        var json = NxmlJson.Serialize(panel);
        Assert.Contains("\"title\":\"Ünïcode & co\"", json, StringComparison.Ordinal);
        Assert.Contains("""if (1 < 2 && 'é' !== \"\\\"\") return '<b>';""", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Json_of_every_panel_has_the_shape_of_section_8(string file)
    {
        var document = PanelFiles.Check(file);

        // The benchmark corpus has two boolean defaults the checker rejects ("off", "no"): they stay text.
        var untypedDefaults = document.Diagnostics.Count(d => d.Code == "INVALID_DEFAULT_VALUE");
        using var json = JsonDocument.Parse(NxmlJson.Serialize(document.Panel!));
        var root = json.RootElement;
        AssertNode(root, "NexusPanel");
        Assert.Equal(JsonValueKind.Object, root.GetProperty("meta").ValueKind);
        if (root.TryGetProperty("data", out var data))
        {
            AssertNode(data, "Data");
            foreach (var state in Items(data, "states"))
            {
                AssertNode(state, "State");
                untypedDefaults -= IsTypedDefault(state) ? 0 : 1;
            }

            Assert.All(Items(data, "computed"), c => AssertNode(c, "Computed"));
        }

        Assert.Equal(0, untypedDefaults);
        if (root.TryGetProperty("logic", out var logic))
        {
            AssertLogic(logic);
        }

        if (root.TryGetProperty("view", out var view))
        {
            AssertNode(view, "View");
            if (view.TryGetProperty("root", out var component))
            {
                AssertComponents(component);
            }
        }
    }

    [Fact]
    public void Diagnostics_map_to_their_json_shape()
    {
        var document = ConformanceTests.Check(Path.Combine("nxml", "err-many-at-once.nxml"));
        var diagnostics = document.Diagnostics.Select(DiagnosticJson.From).ToList();
        using var json = JsonDocument.Parse(JsonSerializer.Serialize<IReadOnlyList<DiagnosticJson>>(diagnostics, NxmlJsonContext.Default.IReadOnlyListDiagnosticJson));
        Assert.NotEmpty(diagnostics);
        foreach (var (element, diagnostic) in json.RootElement.EnumerateArray().Zip(document.Diagnostics))
        {
            Assert.Equal(["code", "severity", "message", "line", "column", "endLine", "endColumn", "path"], element.EnumerateObject().Select(p => p.Name));
            Assert.Equal(diagnostic.Code, element.GetProperty("code").GetString());
            Assert.Equal(diagnostic.IsError ? "error" : "warning", element.GetProperty("severity").GetString());
            Assert.Equal(diagnostic.Line, element.GetProperty("line").GetInt32());
            Assert.Equal(diagnostic.Path, element.GetProperty("path").EnumerateArray().Select(p => p.GetString()!));
        }
    }

    private static void AssertLogic(JsonElement logic)
    {
        AssertNode(logic, "Logic");
        Assert.All(Items(logic, "extensions"), e => AssertNode(e, "Extension"));
        Assert.All(Items(logic, "handlers"), AssertHandler);
        foreach (var tool in Items(logic, "tools"))
        {
            AssertNode(tool, "Tool");
            foreach (var arg in Items(tool, "args"))
            {
                AssertNode(arg, "Arg");
                Assert.True(arg.GetProperty("required").ValueKind is JsonValueKind.True or JsonValueKind.False);
                Assert.True(IsTypedDefault(arg));
            }

            AssertHandlerOwner(tool);
        }

        foreach (var lifecycle in Items(logic, "lifecycles"))
        {
            AssertNode(lifecycle, "Lifecycle");
            AssertHandlerOwner(lifecycle);
        }
    }

    private static void AssertHandlerOwner(JsonElement owner)
    {
        Assert.True(owner.TryGetProperty("handler", out var handler) || owner.TryGetProperty("handlerRef", out _));
        if (handler.ValueKind == JsonValueKind.Object)
        {
            AssertHandler(handler);
        }

        if (owner.TryGetProperty("capabilities", out var capabilities))
        {
            Assert.All(capabilities.EnumerateArray(), c =>
            {
                Assert.False(c.TryGetProperty("kind", out _));
                Assert.Equal(JsonValueKind.String, c.GetProperty("type").ValueKind);
            });
        }
    }

    private static void AssertHandler(JsonElement handler)
    {
        AssertNode(handler, "Handler");
        Assert.Equal(JsonValueKind.String, handler.GetProperty("code").ValueKind);
        Assert.True(handler.GetProperty("isAsync").ValueKind is JsonValueKind.True or JsonValueKind.False);
    }

    /// <summary>Components have no kind, props of strings, children always; walked with a stack (views can be deep).</summary>
    private static void AssertComponents(JsonElement root)
    {
        var pending = new Stack<JsonElement>([root]);
        while (pending.TryPop(out var component))
        {
            Assert.False(component.TryGetProperty("kind", out _));
            Assert.Equal(JsonValueKind.String, component.GetProperty("type").ValueKind);
            Assert.All(component.GetProperty("props").EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
            AssertLocation(component);
            if (component.TryGetProperty("layout", out var layout))
            {
                Assert.InRange(layout.GetProperty("colSpan").GetInt32(), 1, 12);
            }

            foreach (var child in component.GetProperty("children").EnumerateArray())
            {
                pending.Push(child);
            }
        }
    }

    private static void AssertNode(JsonElement node, string kind)
    {
        Assert.Contains(kind, NodeKinds);
        Assert.Equal(kind, node.GetProperty("kind").GetString());
        Assert.Equal("kind", node.EnumerateObject().First().Name);
        AssertLocation(node);
        Assert.All(node.EnumerateObject(), p => Assert.NotEqual(JsonValueKind.Null, p.Value.ValueKind));
    }

    private static void AssertLocation(JsonElement node)
    {
        var loc = node.GetProperty("loc");
        Assert.Equal(["startLine", "startColumn", "endLine", "endColumn"], loc.EnumerateObject().Select(p => p.Name));
        Assert.True(loc.GetProperty("startLine").GetInt32() >= 1);
    }

    /// <summary>A default that parses has the JSON shape of its type (§2).</summary>
    private static bool IsTypedDefault(JsonElement node)
    {
        if (!node.TryGetProperty("default", out var value))
        {
            return true;
        }

        var expected = node.GetProperty("type").GetString() switch
        {
            "number" => [JsonValueKind.Number],
            "boolean" => [JsonValueKind.True, JsonValueKind.False],
            "list" => [JsonValueKind.Array],
            "object" => [JsonValueKind.Object],
            _ => new[] { JsonValueKind.String },
        };
        return expected.Contains(value.ValueKind);
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement node, string name) => node.GetProperty(name).EnumerateArray();
}
