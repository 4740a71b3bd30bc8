using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Nxml;

/// <summary>Source-generated System.Text.Json metadata for everything the language layer reads or writes as JSON.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 4096)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class NxmlJsonContext : JsonSerializerContext;
