using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Nexus.Graph;

/// <summary>Source-generated metadata for the few BCL types the graph turns into JSON elements.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(string))]
internal sealed partial class NogJsonContext : JsonSerializerContext;
