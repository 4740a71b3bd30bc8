using System.CommandLine;
using Nexus.Nxml.Layout;
using Nexus.Nxml.Syntax;

namespace Nexus.Cli.Commands;

/// <summary><c>nexus layout FILE [--svg OUT]</c>: the layout tree, and an SVG sketch of the 12-column grid.</summary>
public static class LayoutCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The NXML file" };
        var svg = new Option<string?>("--svg") { Description = "Also write an SVG sketch of the layout to this file" };
        var command = new Command("layout", "Show where the layout pass places each component (12-column grid), optionally as an SVG sketch.")
        {
            file,
            svg,
        };
        command.SetAction(result => Run(result.GetRequiredValue(file), result.GetValue(svg), console));
        return command;
    }

    private static int Run(string path, string? svgPath, CliConsole console)
    {
        if (SourceFile.Load(path, console) is not { } source)
        {
            return ExitCodes.Usage;
        }

        if (source.Document.Panel is not { } panel)
        {
            Output.DiagnosticOutput.WriteText(console.Error, path, source.Document);
            return ExitCodes.Findings;
        }

        if (panel.View?.Root is { } root)
        {
            WriteTree(console.Out, root, string.Empty);
        }
        else
        {
            console.Out.WriteLine("(no view: a headless panel)");
        }

        if (svgPath is not null && !TryWrite(svgPath, LayoutSketch.ToSvg(panel), console))
        {
            return ExitCodes.Usage;
        }

        Output.DiagnosticOutput.WriteText(console.Error, path, source.Document);
        return source.Document.IsValid ? ExitCodes.Ok : ExitCodes.Findings;
    }

    /// <summary>One line per component: its label, and for auto-layout children the grid row and columns they take.</summary>
    private static void WriteTree(TextWriter writer, ComponentNode component, string indent, string placement = "")
    {
        writer.WriteLine($"{indent}{placement}{LayoutSketch.LabelOf(component)}{Describe(component)}");
        var column = 0;
        var row = 1;
        foreach (var child in component.Children)
        {
            var childPlacement = string.Empty;
            if (child.Layout is { } info)
            {
                if (info.NewRow)
                {
                    row++;
                    column = 0;
                }

                childPlacement = $"[row {row}, cols {column + 1}-{column + info.ColSpan}] ";
                column += info.ColSpan;
            }

            WriteTree(writer, child, indent + "  ", childPlacement);
        }
    }

    private static string Describe(ComponentNode component) => component.Type switch
    {
        "Layout" when component.IsImplicit => "  (implicit root)",
        "Layout" when component.Prop("strategy")?.Trim() != LayoutPass.StrategyOf(component) => $"  (as {LayoutPass.StrategyOf(component)})",
        _ => string.Empty,
    };

    private static bool TryWrite(string path, string content, CliConsole console)
    {
        try
        {
            File.WriteAllText(path, content);
            console.Error.WriteLine($"wrote {path}");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"nexus: cannot write {path}: {ex.Message}");
            return false;
        }
    }
}
