using System.Collections.Immutable;

namespace Nexus.Nxml.Syntax;

/// <summary><c>&lt;Data&gt;</c>: what the panel knows.</summary>
public sealed record DataNode(ImmutableArray<StateNode> States, ImmutableArray<ComputedNode> Computed) : SyntaxNode;

/// <summary><c>&lt;State name type default/&gt;</c>. Values are as written (null when the attribute is absent).</summary>
public sealed record StateNode(string? Name, string? Type, string? Default) : SyntaxNode;

/// <summary><c>&lt;Computed name value/&gt;</c>: a read-only value computed by a JavaScript expression.</summary>
public sealed record ComputedNode(string? Name, string? Value) : SyntaxNode;
