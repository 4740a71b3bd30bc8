using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Nxml.Json;

namespace Nexus.Cli.Output;

/// <summary>Diagnostics for people (compiler-style lines) and for programs (JSON).</summary>
public static class DiagnosticOutput
{
    public static void WriteText(TextWriter writer, string file, NxmlDocument document)
    {
        foreach (var diagnostic in document.Diagnostics)
        {
            writer.WriteLine(diagnostic.Format(file));
        }
    }

    /// <summary><c>[ { "file", "diagnostics": [ { "code", "severity", "message", "line", "column", "path", ... } ] } ]</c>.</summary>
    public static string ToJson(IEnumerable<SourceFile> files)
    {
        var report = files.Select(f => new FileDiagnosticsJson(f.Path, [.. f.Document.Diagnostics.Select(DiagnosticJson.From)])).ToList();
        return JsonSerializer.Serialize(report, CliJson.Options.GetTypeInfo(typeof(List<FileDiagnosticsJson>)));
    }
}

public sealed record FileDiagnosticsJson(string File, IReadOnlyList<DiagnosticJson> Diagnostics);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<FileDiagnosticsJson>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

/// <summary>JSON for a terminal and for programs, not for HTML: characters such as &lt; stay readable.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(CliJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
