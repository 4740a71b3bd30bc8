using System.Runtime.CompilerServices;
using Acornima.Ast;

namespace Nexus.Nxml.Checking.Js;

/// <summary>
/// Copies an Acornima tree into a <see cref="JsTree"/>: the node kinds the analysis tells apart keep their
/// children in a fixed order (a member's object, then its property); every other node keeps Acornima's children.
/// </summary>
internal static class AcornimaTree
{
    public static int Convert(JsTree tree, Node node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException();
        }

        switch (node.Type)
        {
            case NodeType.Identifier:
                return tree.Add(JsKind.Identifier, node.Start, node.End, ((Identifier)node).Name);
            case NodeType.MemberExpression:
                var member = (MemberExpression)node;
                return Parent(tree, JsKind.Member, node, Flag(member.Computed), member.Object, member.Property);
            case NodeType.AssignmentExpression:
                var assignment = (AssignmentExpression)node;
                return Parent(tree, JsKind.Assignment, node, JsFlags.None, assignment.Left, assignment.Right);
            case NodeType.UpdateExpression:
                return Parent(tree, JsKind.Update, node, JsFlags.None, ((UpdateExpression)node).Argument);
            case NodeType.UnaryExpression when ((UnaryExpression)node).Operator == Acornima.Operator.Delete:
                return Parent(tree, JsKind.Delete, node, JsFlags.None, ((UnaryExpression)node).Argument);
            case NodeType.CallExpression:
                var call = (CallExpression)node;
                return WithList(tree, tree.Add(JsKind.Call, node.Start, node.End), Convert(tree, call.Callee), call.Arguments);
            case NodeType.AwaitExpression:
                return Parent(tree, JsKind.Await, node, JsFlags.None, ((AwaitExpression)node).Argument);
            case NodeType.VariableDeclaration:
                return WithList(tree, tree.Add(JsKind.Declaration, node.Start, node.End), -1, ((VariableDeclaration)node).Declarations);
            case NodeType.VariableDeclarator:
                var declarator = (VariableDeclarator)node;
                return Parent(tree, JsKind.Declarator, node, JsFlags.None, declarator.Id, declarator.Init);
            case NodeType.ForOfStatement:
                var forOf = (ForOfStatement)node;
                return Parent(tree, JsKind.ForOf, node, forOf.Await ? JsFlags.Await : JsFlags.None, forOf.Left, forOf.Right, forOf.Body);
            case NodeType.Property:
                var property = (Property)node;
                return Parent(tree, JsKind.Property, node, Flag(property.Computed), property.Key, property.Value);
            case NodeType.MethodDefinition or NodeType.PropertyDefinition or NodeType.AccessorProperty:
                var classMember = (ClassProperty)node;
                return Parent(tree, JsKind.ClassMember, node, Flag(classMember.Computed), classMember.Key, classMember.Value);
            case NodeType.LabeledStatement:
                return Parent(tree, JsKind.Labeled, node, JsFlags.None, ((LabeledStatement)node).Body);
            case NodeType.BreakStatement or NodeType.ContinueStatement or NodeType.MetaProperty:
                return tree.Add(JsKind.Skip, node.Start, node.End);
            case NodeType.ChainExpression:
                return Parent(tree, JsKind.Chain, node, JsFlags.None, ((ChainExpression)node).Expression);
            case NodeType.ParenthesizedExpression:
                return Parent(tree, JsKind.Parenthesized, node, JsFlags.None, ((ParenthesizedExpression)node).Expression);
            case NodeType.AssignmentPattern:
                var pattern = (AssignmentPattern)node;
                return Parent(tree, JsKind.AssignmentPattern, node, JsFlags.None, pattern.Left, pattern.Right);
            case NodeType.RestElement:
                return Parent(tree, JsKind.Rest, node, JsFlags.None, ((RestElement)node).Argument);
            case NodeType.ArrayPattern:
                return WithList(tree, tree.Add(JsKind.ArrayPattern, node.Start, node.End), -1, ((ArrayPattern)node).Elements);
            case NodeType.ObjectPattern:
                return WithList(tree, tree.Add(JsKind.ObjectPattern, node.Start, node.End), -1, ((ObjectPattern)node).Properties);
            case NodeType.Literal when node is StringLiteral literal:
                return tree.Add(JsKind.Literal, node.Start, node.End, literal.Value);
            case NodeType.TemplateLiteral when node is TemplateLiteral { Expressions.Count: 0, Quasis.Count: 1 } template:
                return tree.Add(JsKind.Literal, node.Start, node.End, template.Quasis[0].Value.Cooked);
            case NodeType.ArrowFunctionExpression or NodeType.FunctionExpression or NodeType.FunctionDeclaration:
                return Function(tree, (IFunction)node, node);
            default:
                var other = tree.Add(JsKind.Other, node.Start, node.End);
                var last = -1;
                foreach (var child in node.ChildNodes)
                {
                    last = tree.Link(other, last, Convert(tree, child));
                }

                return other;
        }
    }

    private static JsFlags Flag(bool computed) => computed ? JsFlags.Computed : JsFlags.None;

    private static int Function(JsTree tree, IFunction function, Node node)
    {
        var result = tree.Add(JsKind.Function, node.Start, node.End, flags: function.Id is null ? JsFlags.None : JsFlags.HasId);
        tree[result].Count = function.Params.Count;
        var last = function.Id is null ? -1 : tree.Link(result, -1, Convert(tree, function.Id));
        foreach (var parameter in function.Params)
        {
            last = tree.Link(result, last, Convert(tree, parameter));
        }

        tree.Link(result, last, Convert(tree, function.Body));
        return result;
    }

    private static int Parent(JsTree tree, JsKind kind, Node node, JsFlags flags, Node? first, Node? second = null, Node? third = null) =>
        tree.AddParent(kind, node.Start, node.End, flags, ConvertOrNone(tree, first), ConvertOrNone(tree, second), ConvertOrNone(tree, third));

    private static int ConvertOrNone(JsTree tree, Node? node) => node is null ? -1 : Convert(tree, node);

    /// <summary>Adds a converted first child (unless -1) and then a list of nodes (holes skipped) to a parent.</summary>
    private static int WithList<T>(JsTree tree, int parent, int first, in NodeList<T> items)
        where T : Node?
    {
        var last = first < 0 ? -1 : tree.Link(parent, -1, first);
        foreach (var item in items)
        {
            if (item is not null)
            {
                last = tree.Link(parent, last, Convert(tree, item));
            }
        }

        return parent;
    }
}
