using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Nxml.Json;

namespace Nexus.Nxml;

/// <summary>
/// Source-generated System.Text.Json metadata for everything the language layer reads or writes as JSON:
/// the JSON AST (<see cref="PanelJson"/>, §8) and diagnostics (<see cref="Json.DiagnosticJson"/>, §7).
/// Public so that hosts (the CLI, the HTTP API) can embed these records in their own JSON. <c>MaxDepth</c>
/// leaves room for the deepest view the parser accepts (1024 elements, about two JSON levels each).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    MaxDepth = 4096)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(PanelJson))]
[JsonSerializable(typeof(DiagnosticJson))]
[JsonSerializable(typeof(IReadOnlyList<DiagnosticJson>))]
public sealed partial class NxmlJsonContext : JsonSerializerContext;
