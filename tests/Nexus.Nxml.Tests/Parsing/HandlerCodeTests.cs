using Nexus.Nxml.Parsing;

namespace Nexus.Nxml.Tests.Parsing;

public sealed class HandlerCodeTests
{
    public static TheoryData<string> PanelFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Conformance, "nxml"), "*.nxml")
                     .Concat(Directory.GetFiles(Path.Combine(TestPaths.Conformance, "wild"), "*.nxml"))
                     .Concat(Directory.GetFiles(TestPaths.BenchCorpus, "*.nxml")).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PanelFiles))]
    public void Every_character_of_normalised_code_maps_back_to_the_same_character_in_the_file(string file)
    {
        var source = File.ReadAllText(file);
        var panel = NxmlDocument.Parse(source).Panel;
        if (panel?.Logic is not { } logic)
        {
            return;
        }

        var handlers = logic.Tools.Select(t => t.Handler).Concat(logic.Lifecycles.Select(l => l.Handler)).Concat(logic.Handlers).OfType<Nexus.Nxml.Syntax.HandlerNode>();
        foreach (var handler in handlers)
        {
            var lines = handler.Code.Split('\n');
            for (var line = 0; line < lines.Length; line++)
            {
                for (var column = 0; column < lines[line].Length; column++)
                {
                    var position = HandlerCode.Locate(source, handler, line, column)!.Value;
                    Assert.Equal(lines[line][column], source[position.Offset]);
                    var lineStart = source.LastIndexOf('\n', Math.Max(0, position.Offset - 1)) + 1;
                    Assert.Equal(position.Offset - (position.Offset == 0 ? 0 : lineStart) + 1, position.Column);
                    Assert.Equal(source[..position.Offset].Count(c => c == '\n') + 1, position.Line);
                }
            }
        }
    }

    [Fact]
    public void A_handler_without_source_has_no_location()
    {
        var handler = new Nexus.Nxml.Syntax.HandlerNode(null, "return 1;", IsAsync: false);
        Assert.Null(HandlerCode.Locate("<x/>", handler, 0, 0));
    }
}
