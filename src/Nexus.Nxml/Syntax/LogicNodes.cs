using System.Collections.Immutable;

namespace Nexus.Nxml.Syntax;

/// <summary><c>&lt;Logic&gt;</c>: what the panel can do.</summary>
public sealed record LogicNode(
    ImmutableArray<ExtensionNode> Extensions,
    ImmutableArray<ToolNode> Tools,
    ImmutableArray<HandlerNode> Handlers,
    ImmutableArray<LifecycleNode> Lifecycles) : SyntaxNode
{
    /// <summary>The Logic-level handler with this name (the <c>&lt;Tool handler="h"/&gt;</c> form), or null.</summary>
    public HandlerNode? NamedHandler(string name)
    {
        foreach (var handler in Handlers)
        {
            if (handler.Name == name)
            {
                return handler;
            }
        }

        return null;
    }
}

/// <summary><c>&lt;Extension name alias source/&gt;</c>.</summary>
public sealed record ExtensionNode(string? Name, string? Alias, string? Source) : SyntaxNode
{
    /// <summary>The alias handlers use (<c>$ext.&lt;alias&gt;</c>): the explicit one, else the last segment of the name.</summary>
    public string? EffectiveAlias => Alias ?? (Name is null ? null : Name[(Name.LastIndexOf('.') + 1)..]);
}

/// <summary>Something that runs a handler: a Tool or a Lifecycle.</summary>
public interface IHandlerOwner
{
    /// <summary>The name of a Logic-level handler (<c>handler="h"</c>), or null.</summary>
    string? HandlerRef { get; }

    /// <summary>The inline <c>&lt;Handler&gt;</c>, or null.</summary>
    HandlerNode? Handler { get; }

    /// <summary>Declared capabilities; null when none are declared (they are then inferred from the code).</summary>
    ImmutableArray<CapabilityNode>? Capabilities { get; }
}

/// <summary><c>&lt;Tool&gt;</c>: an action of the panel, callable by the view, by other tools and by AI (as an MCP tool).</summary>
public sealed record ToolNode(
    string? Name,
    string? Description,
    string? HandlerRef,
    ImmutableArray<ArgNode> Args,
    ImmutableArray<CapabilityNode>? Capabilities,
    HandlerNode? Handler) : SyntaxNode, IHandlerOwner;

/// <summary><c>&lt;Arg name type required default description/&gt;</c>. <see cref="Required"/> is the raw attribute.</summary>
public sealed record ArgNode(string? Name, string? Type, string? Required, string? Default, string? Description) : SyntaxNode
{
    /// <summary>An Arg is required unless <c>required="false"</c> or it has a default.</summary>
    public bool IsRequired => Default is null && !string.Equals(Required?.Trim(), "false", StringComparison.Ordinal);
}

/// <summary><c>&lt;Capability type scope/&gt;</c>; a missing scope means <c>*</c>.</summary>
public sealed record CapabilityNode(string? Type, string? Scope) : SyntaxNode;

/// <summary>
/// A <c>&lt;Handler&gt;</c>: the body of an async JavaScript function. <see cref="Code"/> is the raw text
/// (or the CDATA content) with blank first and last lines removed and the common indentation taken away;
/// <see cref="CodeSpan"/> is where the raw text stands in the source.
/// </summary>
public sealed record HandlerNode(string? Name, string Code, bool IsAsync) : SyntaxNode
{
    /// <summary>Where the code (the raw text or the CDATA content) stands in the source.</summary>
    public SourceSpan CodeSpan { get; init; }
}

/// <summary><c>&lt;Lifecycle on="mount|unmount"&gt;</c> with its handler.</summary>
public sealed record LifecycleNode(
    string? On,
    string? HandlerRef,
    ImmutableArray<CapabilityNode>? Capabilities,
    HandlerNode? Handler) : SyntaxNode, IHandlerOwner;
