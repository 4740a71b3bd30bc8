using System.Text.Json;

namespace Nexus.Nxml.Schema;

/// <summary>
/// A Tool as an MCP tool (§10): its name, its description for AI agents and its JSON Schema
/// <see cref="InputSchema"/>, ready for the MCP SDK's <c>Tool.InputSchema</c>.
/// </summary>
public sealed record ToolDescription(string Name, string? Description, JsonElement InputSchema);
