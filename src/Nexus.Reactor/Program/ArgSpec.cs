using System.Text.Json;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Syntax;

namespace Nexus.Reactor.Program;

/// <summary>An Arg of a tool: name, type, whether it is required and its typed default.</summary>
internal sealed record ArgSpec(string Name, string Type, bool Required, JsonElement? Default)
{
    public static ArgSpec From(ArgNode arg) => new(
        arg.Name!,
        arg.Type!,
        arg.IsRequired,
        arg.Default is not null && ValueTypes.TryParseDefault(arg.Type!, arg.Default, out var value, out _) ? value : null);
}
