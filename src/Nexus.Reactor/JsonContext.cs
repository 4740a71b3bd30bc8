using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Reactor;

/// <summary>Source-generated JSON metadata for the runtime.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class JsonContext : JsonSerializerContext;
