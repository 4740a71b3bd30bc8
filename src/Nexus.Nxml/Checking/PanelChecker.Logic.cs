using System.Collections.Immutable;
using Nexus.Nxml.Capabilities;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Checking;

internal sealed partial class PanelChecker
{
    private static readonly string[] LifecycleEvents = ["mount", "unmount"];

    /// <summary>Checks Extension and Tool declarations (names, duplicates) before any code refers to them.</summary>
    private void DeclareLogic()
    {
        if (_panel.Logic is not { } logic)
        {
            return;
        }

        foreach (var extension in logic.Extensions)
        {
            DeclareExtension(extension);
        }

        foreach (var tool in logic.Tools)
        {
            var path = SyntaxPath.Of("logic", "tools", tool.Name ?? "?");
            if (Missing(tool, "Tool", "name", tool.Name, path) || !ValidIdentifier(tool, "name", tool.Name!, "tool", path))
            {
                continue;
            }

            if (!_tools.TryAdd(tool.Name!, tool))
            {
                Report(DiagnosticCodes.DuplicateTool, $"tool '{tool.Name}' is declared twice (first at {_tools[tool.Name!].Span.Start})", tool.SpanOf("name"), path);
            }
        }

        var handlerNames = new Dictionary<string, HandlerNode>(StringComparer.Ordinal);
        foreach (var handler in logic.Handlers)
        {
            var path = SyntaxPath.Of("logic", "handlers", handler.Name ?? "?");
            if (Missing(handler, "Handler", "name", handler.Name, path) || !ValidIdentifier(handler, "name", handler.Name!, "handler", path))
            {
                continue;
            }

            if (!handlerNames.TryAdd(handler.Name!, handler))
            {
                Report(DiagnosticCodes.DuplicateTool, $"handler '{handler.Name}' is declared twice (first at {handlerNames[handler.Name!].Span.Start})", handler.SpanOf("name"), path);
            }
        }
    }

    private void DeclareExtension(ExtensionNode extension)
    {
        var path = SyntaxPath.Of("logic", "extensions", extension.EffectiveAlias ?? "?");
        if (Missing(extension, "Extension", "name", extension.Name, path))
        {
            return;
        }

        if (!Identifiers.IsValidExtensionName(extension.Name!))
        {
            Report(
                DiagnosticCodes.InvalidExtensionName,
                $"'{extension.Name}' is not a valid extension name: dot-separated segments of letters and digits (e.g. nexus.http)",
                extension.SpanOf("name"),
                path);
        }

        var alias = extension.EffectiveAlias!;
        var aliasAttribute = extension.Alias is null ? "name" : "alias";
        if (extension.Alias is not null && !ValidIdentifier(extension, "alias", alias, "extension alias", path))
        {
            return;
        }

        if (!_extensionAliases.Add(alias))
        {
            Report(DiagnosticCodes.DuplicateExtensionAlias, $"two extensions use the alias '{alias}'; give one another alias", extension.SpanOf(aliasAttribute), path);
        }
    }

    /// <summary>Checks every tool, named handler and lifecycle, and analyses their code.</summary>
    private HandlerFindings CheckLogic()
    {
        var findings = new HandlerFindings();
        if (_panel.Logic is not { } logic)
        {
            return findings;
        }

        foreach (var handler in logic.Handlers)
        {
            _ = findings.Find(handler) ?? findings.Add(handler, CheckHandlerCode(handler, SyntaxPath.Of("logic", "handlers", handler.Name ?? "?")));
        }

        var seenTools = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in logic.Tools)
        {
            var path = SyntaxPath.Of("logic", "tools", tool.Name ?? "?");
            CheckArgs(tool, path);
            var handler = ResolveHandler(tool, "Tool", logic, path);
            CheckDeclaredCapabilities(tool, path);
            if (tool.Name is not null && handler is not null && seenTools.Add(tool.Name))
            {
                var facts = findings.Find(handler) ?? findings.Add(handler, CheckHandlerCode(handler, path.Add("handler")));
                findings.Tools[tool.Name] = (tool, facts);
            }
        }

        var seenEvents = new Dictionary<string, LifecycleNode>(StringComparer.Ordinal);
        foreach (var lifecycle in logic.Lifecycles)
        {
            var path = SyntaxPath.Of("logic", "lifecycles", lifecycle.On ?? "?");
            if (Missing(lifecycle, "Lifecycle", "on", lifecycle.On, path))
            {
                continue;
            }

            if (!LifecycleEvents.Contains(lifecycle.On))
            {
                Report(DiagnosticCodes.InvalidLifecycleEvent, $"unknown lifecycle event '{lifecycle.On}': use mount or unmount", lifecycle.SpanOf("on"), path);
            }
            else if (!seenEvents.TryAdd(lifecycle.On!, lifecycle))
            {
                Report(DiagnosticCodes.DuplicateLifecycle, $"a second '{lifecycle.On}' lifecycle (first at {seenEvents[lifecycle.On!].Span.Start}); merge their handlers", lifecycle.SpanOf("on"), path);
            }

            var handler = ResolveHandler(lifecycle, "Lifecycle", logic, path);
            CheckDeclaredCapabilities(lifecycle, path);
            if (handler is not null && ReferenceEquals(seenEvents.GetValueOrDefault(lifecycle.On!), lifecycle))
            {
                var facts = findings.Find(handler) ?? findings.Add(handler, CheckHandlerCode(handler, path.Add("handler")));
                findings.Lifecycles[lifecycle.On!] = (lifecycle, facts);
            }
        }

        if (logic.Extensions.Length > 0 && !seenEvents.ContainsKey("mount"))
        {
            Report(
                DiagnosticCodes.NoMountWithExtensions,
                "the panel declares extensions but has no mount lifecycle: nothing sets them up or loads initial data",
                logic.Extensions[0].Span,
                SyntaxPath.Of("logic", "extensions"));
        }

        return findings;
    }

    private void CheckArgs(ToolNode tool, SyntaxPath toolPath)
    {
        Dictionary<string, ArgNode>? seen = null;
        foreach (var arg in tool.Args)
        {
            var path = toolPath.Add("args", arg.Name ?? "?");
            var nameMissing = Missing(arg, "Arg", "name", arg.Name, path);
            if (!Missing(arg, "Arg", "type", arg.Type, path))
            {
                CheckTypeAndDefault(arg, "Arg", arg.Type!, arg.Default, path);
            }

            if (arg.Required is { } required && required.Trim() is not ("true" or "false"))
            {
                Report(DiagnosticCodes.InvalidPropValue, $"required=\"{required}\" must be true or false", arg.SpanOf("required"), path);
            }

            if (!nameMissing && ValidIdentifier(arg, "name", arg.Name!, "argument", path) && !(seen ??= new(StringComparer.Ordinal)).TryAdd(arg.Name!, arg))
            {
                Report(DiagnosticCodes.DuplicateArg, $"argument '{arg.Name}' is declared twice in tool '{tool.Name}'", arg.SpanOf("name"), path);
            }
        }
    }

    /// <summary>The handler a Tool or Lifecycle runs: its inline Handler or the named one it refers to.</summary>
    private HandlerNode? ResolveHandler<T>(T owner, string element, LogicNode logic, SyntaxPath path)
        where T : SyntaxNode, IHandlerOwner
    {
        if (owner.HandlerRef is { } reference)
        {
            if (owner.Handler is not null)
            {
                Report(DiagnosticCodes.MissingHandler, $"<{element}> has both handler=\"{reference}\" and an inline <Handler>: keep one", owner.SpanOf("handler"), path);
                return owner.Handler;
            }

            var named = logic.NamedHandler(reference);
            if (named is null)
            {
                Report(DiagnosticCodes.UndefinedHandlerReference, $"handler=\"{reference}\": no <Handler name=\"{reference}\"> in <Logic>", owner.SpanOf("handler"), path);
            }

            return named;
        }

        if (owner.Handler is null)
        {
            Report(DiagnosticCodes.MissingHandler, $"<{element}> needs a <Handler> (or handler=\"name\" of a Logic-level handler)", TagSpan(owner, element), path);
        }

        return owner.Handler;
    }

    private void CheckDeclaredCapabilities(IHandlerOwner owner, SyntaxPath ownerPath)
    {
        if (owner.Capabilities is not { } capabilities)
        {
            return;
        }

        var path = ownerPath.Add("capabilities");
        foreach (var capability in capabilities)
        {
            if (Missing(capability, "Capability", "type", capability.Type, path))
            {
                continue;
            }

            if (!Capability.TryParseType(capability.Type, out var kind))
            {
                Report(
                    DiagnosticCodes.InvalidCapability,
                    $"unknown capability type '{capability.Type}': use one of {string.Join(", ", Capability.TypeNames)}",
                    capability.SpanOf("type"),
                    path);
                continue;
            }

            CheckCapabilityScope(capability, kind, path);
        }
    }

    private void CheckCapabilityScope(CapabilityNode capability, CapabilityKind kind, SyntaxPath path)
    {
        var scope = capability.Scope ?? Capability.AnyScope;
        if (scope == Capability.AnyScope)
        {
            return;
        }

        switch (kind)
        {
            case CapabilityKind.StateRead or CapabilityKind.StateWrite when !IsState(scope):
                Report(DiagnosticCodes.UndefinedStateReference, $"capability scope '{scope}' names no State or Computed", capability.SpanOf("scope"), path);
                break;
            case CapabilityKind.StateWrite when _computeds.ContainsKey(scope):
                Report(DiagnosticCodes.ComputedNotWritable, $"'{scope}' is a computed: it cannot be granted state:write", capability.SpanOf("scope"), path);
                break;
            case CapabilityKind.Ext when !_extensionAliases.Contains(scope):
                Report(DiagnosticCodes.UndeclaredExtension, $"capability scope '{scope}' names no declared extension alias", capability.SpanOf("scope"), path);
                break;
        }
    }
}
