using System.Collections.Immutable;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Json;

internal static partial class JsonAstReader
{
    private static LogicNode Logic(LogicJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.Logic, path);
        var logic = new LogicNode(
            Items(json.Extensions, path.Property("extensions"), Extension),
            Items(json.Tools, path.Property("tools"), Tool),
            Items(json.Handlers, path.Property("handlers"), Handler),
            Items(json.Lifecycles, path.Property("lifecycles"), Lifecycle));
        return Common(logic, json, path);
    }

    private static ExtensionNode Extension(ExtensionJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.Extension, path);
        return Common(new ExtensionNode(json.Name, json.Alias, json.Source), json, path) with
        {
            Attributes = Synthetic(("name", json.Name), ("alias", json.Alias), ("source", json.Source)),
        };
    }

    private static ToolNode Tool(ToolJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.Tool, path);
        var tool = new ToolNode(
            json.Name,
            json.Description,
            json.HandlerRef,
            Items(json.Args, path.Property("args"), Arg),
            Capabilities(json.Capabilities, path.Property("capabilities")),
            json.Handler is null ? null : Handler(json.Handler, path.Property("handler")));
        return Common(tool, json, path) with
        {
            Attributes = Synthetic(("name", json.Name), ("description", json.Description), ("handler", json.HandlerRef)),
        };
    }

    /// <summary>
    /// <c>required: false</c> becomes <c>required="false"</c> only when the Arg has no default: a default
    /// already makes an Arg optional (§4.1), and the source most likely did not repeat it.
    /// </summary>
    private static ArgNode Arg(ArgJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.Arg, path);
        var defaultText = json.Default is { } value ? JsonText.DefaultText(value) : null;
        var required = json.Required == false && defaultText is null ? "false" : null;
        return Common(new ArgNode(json.Name, json.Type, required, defaultText, json.Description), json, path) with
        {
            Attributes = Synthetic(
                ("name", json.Name),
                ("type", json.Type),
                ("required", required),
                ("default", defaultText),
                ("description", json.Description)),
        };
    }

    private static ImmutableArray<CapabilityNode>? Capabilities(IReadOnlyList<CapabilityJson?>? json, JsonPathSegment path) =>
        json is null ? null : Items(json, path, Capability);

    private static CapabilityNode Capability(CapabilityJson json, JsonPathSegment path) =>
        Common(new CapabilityNode(json.Type, json.Scope), json, path) with
        {
            Attributes = Synthetic(("type", json.Type), ("scope", json.Scope)),
        };

    private static HandlerNode Handler(HandlerJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.Handler, path);
        if (json.Code is null)
        {
            throw new NxmlJsonException(path.ToString(), "a Handler needs \"code\" (a string, possibly empty)");
        }

        return Common(new HandlerNode(json.Name, json.Code, json.IsAsync ?? false), json, path) with
        {
            Attributes = Synthetic(("name", json.Name)),
        };
    }

    private static LifecycleNode Lifecycle(LifecycleJson json, JsonPathSegment path)
    {
        ExpectKind(json.Kind, JsonAstKinds.Lifecycle, path);
        var lifecycle = new LifecycleNode(
            json.On,
            json.HandlerRef,
            Capabilities(json.Capabilities, path.Property("capabilities")),
            json.Handler is null ? null : Handler(json.Handler, path.Property("handler")));
        return Common(lifecycle, json, path) with
        {
            Attributes = Synthetic(("on", json.On), ("handler", json.HandlerRef)),
        };
    }
}
