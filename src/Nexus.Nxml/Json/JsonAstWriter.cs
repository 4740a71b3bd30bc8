using System.Collections.Immutable;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Json;

/// <summary>Turns the syntax tree into the JSON AST records of §8 (the reverse of <see cref="JsonAstReader"/>).</summary>
internal sealed class JsonAstWriter(bool includeLocations)
{
    public PanelJson Panel(PanelNode panel) => Common(panel, new PanelJson
    {
        Kind = JsonAstKinds.Panel,
        Meta = Meta(panel.Meta),
        Data = panel.Data is null ? null : Data(panel.Data),
        Logic = panel.Logic is null ? null : Logic(panel.Logic),
        View = panel.View is null ? null : View(panel.View),
        TrailingComments = Comments(panel.TrailingComments),
    });

    private static MetaJson Meta(PanelMeta meta) => new()
    {
        Title = meta.Title,
        Id = meta.Id,
        Description = meta.Description,
        Version = meta.Version,
        Author = meta.Author,
        Tags = meta.Tags.IsDefaultOrEmpty ? null : meta.Tags,
    };

    private DataJson Data(DataNode data) => Common(data, new DataJson
    {
        Kind = JsonAstKinds.Data,
        States = [.. data.States.Select(State)],
        Computed = [.. data.Computed.Select(Computed)],
    });

    private StateJson State(StateNode state) => Common(state, new StateJson
    {
        Kind = JsonAstKinds.State,
        Name = state.Name,
        Type = state.Type,
        Default = JsonText.TypedDefault(state.Type, state.Default),
    });

    private ComputedJson Computed(ComputedNode computed) => Common(computed, new ComputedJson
    {
        Kind = JsonAstKinds.Computed,
        Name = computed.Name,
        Value = computed.Value,
    });

    private LogicJson Logic(LogicNode logic) => Common(logic, new LogicJson
    {
        Kind = JsonAstKinds.Logic,
        Extensions = [.. logic.Extensions.Select(Extension)],
        Tools = [.. logic.Tools.Select(Tool)],
        Handlers = [.. logic.Handlers.Select(Handler)],
        Lifecycles = [.. logic.Lifecycles.Select(Lifecycle)],
    });

    private ExtensionJson Extension(ExtensionNode extension) => Common(extension, new ExtensionJson
    {
        Kind = JsonAstKinds.Extension,
        Name = extension.Name,
        Alias = extension.Alias,
        Source = extension.Source,
    });

    private ToolJson Tool(ToolNode tool) => Common(tool, new ToolJson
    {
        Kind = JsonAstKinds.Tool,
        Name = tool.Name,
        Description = tool.Description,
        HandlerRef = tool.HandlerRef,
        Args = [.. tool.Args.Select(Arg)],
        Capabilities = Capabilities(tool.Capabilities),
        Handler = tool.Handler is null ? null : Handler(tool.Handler),
    });

    private ArgJson Arg(ArgNode arg) => Common(arg, new ArgJson
    {
        Kind = JsonAstKinds.Arg,
        Name = arg.Name,
        Type = arg.Type,
        Required = arg.IsRequired,
        Default = JsonText.TypedDefault(arg.Type, arg.Default),
        Description = arg.Description,
    });

    private CapabilityJson[]? Capabilities(ImmutableArray<CapabilityNode>? capabilities) =>
        capabilities is { } declared ? [.. declared.Select(c => Common(c, new CapabilityJson { Type = c.Type, Scope = c.Scope }))] : null;

    private HandlerJson Handler(HandlerNode handler) => Common(handler, new HandlerJson
    {
        Kind = JsonAstKinds.Handler,
        Name = handler.Name,
        Code = handler.Code,
        IsAsync = handler.IsAsync,
    });

    private LifecycleJson Lifecycle(LifecycleNode lifecycle) => Common(lifecycle, new LifecycleJson
    {
        Kind = JsonAstKinds.Lifecycle,
        On = lifecycle.On,
        HandlerRef = lifecycle.HandlerRef,
        Capabilities = Capabilities(lifecycle.Capabilities),
        Handler = lifecycle.Handler is null ? null : Handler(lifecycle.Handler),
    });

    private ViewJson View(ViewNode view) => Common(view, new ViewJson
    {
        Kind = JsonAstKinds.View,
        Root = view.Root is null ? null : Components(view.Root),
    });

    /// <summary>
    /// Writes the component tree with an explicit stack, children before their parent, so that no nesting
    /// costs stack. A tree built in code deeper than NXML allows is refused: it could not be read back.
    /// </summary>
    private ComponentJson Components(ComponentNode root)
    {
        // NexusPanel is element depth 1 and View depth 2, so the root component is depth 3 (as the parser counts).
        var open = new Stack<(ComponentNode Node, ComponentJson[] Children, int Next)>();
        open.Push((root, new ComponentJson[root.Children.Length], 0));
        while (true)
        {
            var (node, children, next) = open.Pop();
            if (next < children.Length)
            {
                open.Push((node, children, next + 1));
                var child = node.Children[next];
                if (open.Count + 3 > CheckOptions.NestingDepthCeiling)
                {
                    throw new ArgumentException($"the view is nested deeper than {CheckOptions.NestingDepthCeiling} elements, which NXML does not allow", nameof(root));
                }

                open.Push((child, new ComponentJson[child.Children.Length], 0));
                continue;
            }

            var component = Component(node, children);
            if (open.Count == 0)
            {
                return component;
            }

            var parent = open.Peek();
            parent.Children[parent.Next - 1] = component;
        }
    }

    private ComponentJson Component(ComponentNode component, ComponentJson[] children) => Common(component, new ComponentJson
    {
        Type = component.Type,
        Props = [.. component.Attributes.Select(a => KeyValuePair.Create(a.Name, a.Value))],
        Children = children,
        Text = component.Text?.Value,
        Layout = component.Layout is { } layout ? new LayoutJson(layout.ColSpan, layout.NewRow) : null,
        Implicit = component.IsImplicit ? true : null,
    });

    private T Common<T>(SyntaxNode node, T json)
        where T : NodeJson => json with
        {
            Loc = includeLocations && !node.Span.IsEmpty ? Location(node.Span) : null,
            Comments = Comments(node.LeadingComments),
            EndComments = Comments(node.EndComments),
        };

    private static LocationJson Location(SourceSpan span) => new(span.Start.Line, span.Start.Column, span.End.Line, span.End.Column);

    private static ImmutableArray<string>? Comments(ImmutableArray<string> comments) => comments.IsDefaultOrEmpty ? null : comments;
}
