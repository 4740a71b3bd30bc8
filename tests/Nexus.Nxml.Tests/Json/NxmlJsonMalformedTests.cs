using System.Text;
using CsCheck;
using Nexus.Nxml.Json;

namespace Nexus.Nxml.Tests.Json;

/// <summary>Anything that is not a JSON AST of a panel is an <see cref="NxmlJsonException"/> that says where and why.</summary>
public sealed class NxmlJsonMalformedTests
{
    private const string Panel = """{"kind":"NexusPanel","meta":{"title":"T"}""";

    public static TheoryData<string, string, string> MalformedInputs() => new()
    {
        { "null", "$", "found null" },
        { "", "$", "does not contain any JSON" },
        { "not json", "$", "invalid JSON literal" },
        { "[]", "$", "not an object" },
        { "42", "$", "not an object" },
        { "{}", "$", "expected \"kind\": \"NexusPanel\", it is missing" },
        { """{"kind":"Panel"}""", "$", "found \"Panel\"" },
        { Panel, "$", "open JSON object" },
        { Panel + ""","data":{"kind":"Data","states":[{"kind":"State","name":"x""", "$.data.states[0].name", "end of data" },
        { """{"kind":"NexusPanel","meta":{"title":5}}""", "$.meta.title", "not a string" },
        { """{"kind":"NexusPanel","meta":{"tags":"a, b"}}""", "$.meta.tags", "not an array" },
        { """{"kind":"NexusPanel","kind":"NexusPanel"}""", "$.kind", "Duplicate property 'kind'" },
        { Panel + ""","data":{"kind":"Data","states":{}}}""", "$.data.states", "not an array" },
        { Panel + ""","data":{"kind":"Data","states":[null]}}""", "$.data.states[0]", "found null" },
        { Panel + ""","data":{"kind":"Data","states":[{"name":"x"}]}}""", "$.data.states[0]", "expected \"kind\": \"State\"" },
        { Panel + ""","data":{"states":[]}}""", "$.data", "expected \"kind\": \"Data\"" },
        { Panel + ""","data":[]}""", "$.data", "not an object" },
        { Panel + ""","logic":{"kind":"Logic","tools":[{"kind":"Tool","name":"t","handler":{"kind":"Handler"}}]}}""", "$.logic.tools[0].handler", "needs \"code\"" },
        { Panel + ""","logic":{"kind":"Logic","tools":[{"kind":"Tool","args":[{"kind":"Arg","required":"yes"}]}]}}""", "$.logic.tools[0].args[0].required", "true or false" },
        { Panel + ""","logic":{"kind":"Logic","tools":[{"kind":"Tool","handler":{"kind":"Handler","code":1}}]}}""", "$.logic.tools[0].handler.code", "not a string" },
        { Panel + ""","logic":{"kind":"Logic","lifecycles":[{"kind":"Tool"}]}}""", "$.logic.lifecycles[0]", "expected \"kind\": \"Lifecycle\"" },
        { Panel + ""","logic":{"kind":"Logic","tools":[{"kind":"Tool","capabilities":[null]}]}}""", "$.logic.tools[0].capabilities[0]", "found null" },
        { Panel + ""","view":{"kind":"View","root":{"props":{}}}}""", "$.view.root", "non-empty \"type\"" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Text","props":{"content":3}}}}""", "$.view.root.props.content", "must be a string" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Text","props":{"a":"1","a":"2"}}}}""", "$.view.root.props.a", "more than once" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Layout","children":{}}}}""", "$.view.root.children", "must be an array" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Layout","children":[{"type":"A","x":1,"x":2,"type":"B"}]}}}""", "$.view.root.children[0].type", "duplicate property 'type'" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Layout","children":[{"type":"Text"},1]}}}""", "$.view.root.children", "must be component objects, not a number" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Layout","children":[{"type":"Row","children":[{"type":"Text","text":false}]}]}}}""", "$.view.root.children[0].children[0].text", "must be a string" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Layout","children":[null]}}}""", "$.view.root.children[0]", "found null" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Metric","layout":{"colSpan":0,"newRow":false}}}}""", "$.view.root.layout.colSpan", "between 1 and 12" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Metric","layout":{"colSpan":"3"}}}}""", "$.view.root.layout.colSpan", "an integer" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Metric","loc":[]}}}""", "$.view.root.loc", "must be an object" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Metric","comments":[1]}}}""", "$.view.root.comments[0]", "must be a string" },
        { Panel + ""","view":{"kind":"View","root":{"type":"Layout","children":[{"type":"Text"}""", "$.view.root", "open JSON object" },
        { Panel + ""","trailingComments":[null]}""", "$.trailingComments[0]", "found null" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Malformed_json_is_an_nxml_json_exception_naming_the_path(string json, string path, string problem)
    {
        var error = Assert.Throws<NxmlJsonException>(() => NxmlJson.Deserialize(json));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"invalid NXML JSON at {path}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);

        var fromBytes = Assert.Throws<NxmlJsonException>(() => NxmlJson.Deserialize(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(error.Message, fromBytes.Message);
    }

    [Fact]
    public void Invalid_utf8_is_an_nxml_json_exception()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("""{"kind":"NexusPanel","meta":{"title":"""), 0x22, 0xC3, 0x28, 0x22, 0x7D, 0x7D];
        Assert.Throws<NxmlJsonException>(() => NxmlJson.Deserialize(bytes));
    }

    [Fact]
    public void Unknown_properties_and_missing_lists_are_accepted()
    {
        var panel = NxmlJson.Deserialize("""{"kind":"NexusPanel","extra":1,"data":{"kind":"Data"},"view":{"kind":"View","root":{"type":"Text","x":{"y":[1]}}}}""");
        Assert.Null(panel.Meta.Title);
        Assert.Empty(panel.Data!.States);
        Assert.Empty(panel.View!.Root!.Children);
        Assert.Empty(panel.View.Root.Attributes);
    }

    [Fact]
    public void Truncated_or_corrupted_json_never_throws_anything_else()
    {
        var json = NxmlJson.Serialize(ConformanceTests.Check(Path.Combine("nxml", "valid-tasks.nxml")).Panel!);
        const string Noise = "{}[],:\"0tn\\ ";
        Gen.Select(Gen.Int[0, json.Length], Gen.Int[0, json.Length - 1], Gen.Int[0, Noise.Length - 1]).Sample((cut, at, noise) =>
        {
            ThrowsOnlyNxmlJsonException(json[..cut]);
            ThrowsOnlyNxmlJsonException(string.Concat(json.AsSpan(0, at), Noise.AsSpan(noise, 1), json.AsSpan(at + 1)));
        });
    }

    private static void ThrowsOnlyNxmlJsonException(string json)
    {
        try
        {
            NxmlJson.Deserialize(json);
        }
        catch (NxmlJsonException)
        {
        }
    }
}
