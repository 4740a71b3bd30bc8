using System.Text;

namespace Nexus.Nxml.Checking.Js;

/// <summary>
/// The kinds of syntax node the analysis tells apart. Everything else is <see cref="Other"/>: the analysis only
/// walks into its children.
/// </summary>
internal enum JsKind : byte
{
    Other,
    Identifier,
    Member,
    Assignment,
    Update,
    Delete,
    Call,
    Await,
    Declaration,
    Declarator,
    ForOf,
    Property,
    ClassMember,
    Labeled,
    /// <summary>A node whose identifiers are not references (<c>break</c>, <c>continue</c>, <c>new.target</c>).</summary>
    Skip,
    Chain,
    Parenthesized,
    Function,
    AssignmentPattern,
    Rest,
    ArrayPattern,
    ObjectPattern,
    /// <summary>A string literal, or a template literal without substitutions.</summary>
    Literal,
}

[Flags]
internal enum JsFlags : byte
{
    None = 0,
    Computed = 1,
    Await = 2,
    /// <summary>A function whose first child is its name.</summary>
    HasId = 4,
    /// <summary>A literal whose value is decoded from the code when it is needed.</summary>
    Lazy = 8,
    /// <summary>An expression written in parentheses (<c>((x)) =&gt; 1</c> is not an arrow function).</summary>
    Parenthesized = 16,
}

/// <summary>One node: children are linked through <see cref="First"/> and <see cref="Next"/> (-1 ends a list).</summary>
internal struct JsNode
{
    public JsKind Kind;
    public JsFlags Flags;
    public int Start;
    public int End;
    public int First;
    public int Next;
    /// <summary>Parameters of a function (they follow its name, when it has one).</summary>
    public int Count;
    /// <summary>An identifier's name, or a literal's value unless it is <see cref="JsFlags.Lazy"/>.</summary>
    public string? Name;
}

/// <summary>
/// A compact syntax tree of one piece of JavaScript: just what <see cref="JsAnalyzer"/> needs, in one array.
/// Both front ends build it: <see cref="Subset.SubsetParser"/> for the common code it recognises, and
/// <see cref="AcornimaTree"/> from Acornima's tree for everything else. Offsets count from the code's start.
/// </summary>
internal sealed class JsTree
{
    private JsNode[] _nodes = new JsNode[256];

    public int Count { get; private set; }

    /// <summary>The code the offsets of lazy literals refer to.</summary>
    public string Text { get; private set; } = "";

    public int TextStart { get; private set; }

    public ref JsNode this[int index] => ref _nodes[index];

    public void Reset(string text, int textStart)
    {
        // Nodes are overwritten as they are added: the old ones need no clearing.
        Count = 0;
        Text = text;
        TextStart = textStart;
    }

    public int Add(JsKind kind, int start, int end, string? name = null, JsFlags flags = JsFlags.None)
    {
        if (Count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        _nodes[Count] = new JsNode { Kind = kind, Flags = flags, Start = start, End = end, First = -1, Next = -1, Name = name };
        return Count++;
    }

    /// <summary>A node with up to three children, in order (-1 entries are left out).</summary>
    public int AddParent(JsKind kind, int start, int end, JsFlags flags, int first, int second = -1, int third = -1)
    {
        var parent = Add(kind, start, end, flags: flags);
        var last = -1;
        foreach (var child in (ReadOnlySpan<int>)[first, second, third])
        {
            if (child >= 0)
            {
                last = Link(parent, last, child);
            }
        }

        return parent;
    }

    /// <summary>Appends <paramref name="child"/> to <paramref name="parent"/>'s children after <paramref name="last"/> (-1: as the first); returns it.</summary>
    public int Link(int parent, int last, int child)
    {
        if (last < 0)
        {
            _nodes[parent].First = child;
        }
        else
        {
            _nodes[last].Next = child;
        }

        return child;
    }

    /// <summary>The node's second child (-1 when it has fewer).</summary>
    public int Second(int node) => _nodes[node].First < 0 ? -1 : _nodes[_nodes[node].First].Next;

    public int ChildCount(int node)
    {
        var count = 0;
        for (var child = _nodes[node].First; child >= 0; child = _nodes[child].Next)
        {
            count++;
        }

        return count;
    }

    /// <summary>A literal's value: kept, or decoded from the quoted text it was written as.</summary>
    public string? LiteralValue(int node)
    {
        ref var literal = ref _nodes[node];
        return (literal.Flags & JsFlags.Lazy) != 0
            ? Subset.SubsetLexer.DecodeQuoted(Text.AsSpan(TextStart + literal.Start + 1, literal.End - literal.Start - 2))
            : literal.Name;
    }

    /// <summary>The tree as text (kinds, names, the offsets the analysis reports, flags): what the tests compare.</summary>
    public string Describe(int root)
    {
        var text = new StringBuilder();
        Describe(root, 0, text);
        return text.ToString();
    }

    private void Describe(int node, int depth, StringBuilder text)
    {
        ref var n = ref _nodes[node];
        text.Append(' ', depth * 2).Append(n.Kind);
        if (n.Kind is JsKind.Identifier or JsKind.Member)
        {
            text.Append(' ').Append(n.Start).Append('-').Append(n.End);
        }

        if (n.Kind is JsKind.Identifier or JsKind.Literal)
        {
            text.Append(" '").Append(n.Kind == JsKind.Literal ? LiteralValue(node) : n.Name).Append('\'');
        }

        var flags = n.Flags & (JsFlags.Computed | JsFlags.Await | JsFlags.HasId);
        if (flags != JsFlags.None)
        {
            text.Append(' ').Append(flags);
        }

        if (n.Kind == JsKind.Function)
        {
            text.Append(" params=").Append(n.Count);
        }

        text.AppendLine();
        for (var child = n.First; child >= 0; child = _nodes[child].Next)
        {
            Describe(child, depth + 1, text);
        }
    }
}
