using System.Text;
using Nexus.Nxml.Json;

namespace Nexus.Nxml.Tests.Json;

/// <summary>The deepest views the parser accepts go through JSON both ways; deeper JSON is refused cleanly.</summary>
public sealed class NxmlJsonDepthTests
{
    [Theory]
    [InlineData(900, 1000)]
    [InlineData(CheckOptions.NestingDepthCeiling - 2, CheckOptions.NestingDepthCeiling)]
    public void Deep_view_serializes_and_deserializes(int containers, int maxNesting)
    {
        var document = NxmlDocument.Check(NestedContainers(containers), new CheckOptions { MaxNestingDepth = maxNesting });
        Assert.True(document.IsValid, ConformanceTests.Describe(document));

        var json = NxmlJson.Serialize(document.Panel!);
        var read = NxmlJson.Deserialize(json);

        var depth = 0;
        for (var component = read.View!.Root; component is not null; component = component.Children.SingleOrDefault())
        {
            depth++;
        }

        Assert.Equal(containers, depth);
        Assert.Equal(NxmlJson.Serialize(document.Panel!, new NxmlJsonOptions { IncludeLocations = false }), NxmlJson.Serialize(read));
    }

    [Fact]
    public void View_nested_deeper_than_the_parser_allows_is_refused_with_its_path()
    {
        // 1100 components are about 2,200 JSON levels: within MaxDepth, beyond what the parser would build.
        var error = Assert.Throws<NxmlJsonException>(() => NxmlJson.Deserialize(NestedComponentsJson(1100)));
        Assert.Contains("nested deeper than 1024", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.view.root.children[0].children[0]", error.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_deeper_than_max_depth_is_refused()
    {
        var error = Assert.Throws<NxmlJsonException>(() => NxmlJson.Deserialize(NestedComponentsJson(3000)));
        Assert.Contains("maximum configured depth of 4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_arrays_in_a_default_are_refused_not_a_stack_overflow()
    {
        var json = """{"kind":"NexusPanel","data":{"kind":"Data","states":[{"kind":"State","name":"x","type":"list","default":""" + new string('[', 100_000);
        Assert.Throws<NxmlJsonException>(() => NxmlJson.Deserialize(json));
    }

    [Fact]
    public void Json_of_the_deepest_view_goes_both_ways_on_a_small_stack()
    {
        // Reading and writing use explicit stacks: 256 KiB is far less than the recursion would need.
        var json = NestedComponentsJson(CheckOptions.NestingDepthCeiling - 2);
        var tooDeep = NestedComponentsJson(2000);
        Exception? failure = null;
        string? written = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    written = NxmlJson.Serialize(NxmlJson.Deserialize(json));
                    Assert.Throws<NxmlJsonException>(() => NxmlJson.Deserialize(tooDeep));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    failure = ex;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Equal(json, written);
    }

    internal static string NestedContainers(int depth)
    {
        var source = new StringBuilder("<NexusPanel title=\"Deep\"><View>");
        source.Insert(source.Length, "<Container>", depth);
        source.Insert(source.Length, "</Container>", depth);
        return source.Append("</View></NexusPanel>").ToString();
    }

    private static string NestedComponentsJson(int depth)
    {
        var json = new StringBuilder("""{"kind":"NexusPanel","meta":{"title":"Deep"},"view":{"kind":"View","root":""");
        json.Insert(json.Length, """{"type":"Container","props":{},"children":[""", depth);
        json.Append(']', 1).Append('}', 1);
        json.Insert(json.Length, "]}", depth - 1);
        return json.Append("}}").ToString();
    }
}
