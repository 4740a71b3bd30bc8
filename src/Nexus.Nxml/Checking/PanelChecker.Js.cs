using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Checking;

internal sealed partial class PanelChecker
{
    /// <summary>Analyses a view or computed expression and reports what is wrong in it; marks the states it reads as used.</summary>
    private JsFacts CheckExpression(JsCode code, ScopeChain scopes, SyntaxPath path, string what)
    {
        if (code.Length == 0 || code.Text.AsSpan(code.Start, code.Length).IsWhiteSpace())
        {
            Report(DiagnosticCodes.InvalidExpression, $"the {what} expression is empty", Locate(code, 0, code.Length), path);
            return new JsFacts();
        }

        return ReportExpression(AnalyzeExpression(code), code, scopes, path, what);
    }

    /// <summary>Reports what an analysed view or computed expression does wrong; marks the states it reads as used.</summary>
    private JsFacts ReportExpression(JsFacts facts, JsCode code, ScopeChain scopes, SyntaxPath path, string what)
    {
        if (facts.SyntaxError is { } syntax)
        {
            Report(DiagnosticCodes.InvalidExpression, $"the {what} expression does not parse: {syntax.Message}", Locate(code, syntax.Offset, syntax.Offset + 1), path);
            return facts;
        }

        foreach (var host in facts.HostGlobals)
        {
            Report(
                DiagnosticCodes.InvalidExpression,
                $"{host.Name} is not available in expressions: they see only $state and $scope (call a tool with trigger/args instead)",
                Locate(code, host.Start, host.End),
                path);
        }

        ReportForbidden(facts, code, path);
        foreach (var access in facts.StateAccesses)
        {
            if (access.IsWrite)
            {
                Report(DiagnosticCodes.InvalidExpression, $"expressions cannot change state ($state.{access.Key}); use a tool", Locate(code, access.Start, access.End), path);
            }

            ReportStateReference(access, code, path);
        }

        foreach (var write in facts.ScopeWrites)
        {
            Report(DiagnosticCodes.InvalidExpression, $"expressions cannot change $scope.{write.Name}; use bind or a tool", Locate(code, write.Start, write.End), path);
        }

        ReportScopeReferences(facts, code, scopes, path);
        _everyStateMayBeUsed |= facts.DynamicStateRead;
        return facts;
    }

    /// <summary>Analyses handler code and reports syntax errors, forbidden globals and undefined references.</summary>
    private JsFacts CheckHandlerCode(HandlerNode handler, SyntaxPath path)
    {
        var code = JsCode.ForHandler(_source, handler);
        if (code.Length == 0)
        {
            return new JsFacts();
        }

        var facts = JsAnalyzer.AnalyzeHandler(code);
        if (facts.SyntaxError is { } syntax)
        {
            Report(DiagnosticCodes.InvalidHandlerSyntax, $"handler code does not parse: {syntax.Message}", Locate(code, syntax.Offset, syntax.Offset + 1), path);
            return facts;
        }

        ReportForbidden(facts, code, path);
        foreach (var access in facts.StateAccesses)
        {
            if (ReportStateReference(access, code, path) && access.IsWrite && _computeds.ContainsKey(access.Key))
            {
                Report(DiagnosticCodes.ComputedNotWritable, $"'{access.Key}' is a computed: it is read-only", Locate(code, access.Start, access.End), path);
            }
        }

        foreach (var tool in facts.ToolReferences)
        {
            if (_tools.ContainsKey(tool.Name))
            {
                _usedTools.Add(tool.Name);
            }
            else
            {
                Report(DiagnosticCodes.UndefinedToolReference, $"$tools.{tool.Name}: there is no tool '{tool.Name}'", Locate(code, tool.Start, tool.End), path);
            }
        }

        foreach (var extension in facts.ExtensionReferences)
        {
            if (!_extensionAliases.Contains(extension.Name))
            {
                Report(
                    DiagnosticCodes.UndeclaredExtension,
                    $"$ext.{extension.Name}: no extension with alias '{extension.Name}' is declared (add <Extension name=\"...\" alias=\"{extension.Name}\"/> to <Logic>)",
                    Locate(code, extension.Start, extension.End),
                    path);
            }
        }

        ReportScopeReferences(facts, code, ScopeChain.None, path);
        _everyStateMayBeUsed |= facts.DynamicStateRead || facts.DynamicStateWrite;
        _everyToolMayBeUsed |= facts.DynamicTools;
        return facts;
    }

    private void ReportForbidden(JsFacts facts, JsCode code, SyntaxPath path)
    {
        foreach (var forbidden in facts.ForbiddenGlobals)
        {
            Report(
                DiagnosticCodes.ForbiddenGlobal,
                $"'{forbidden.Name}' is not available to panel code (the sandbox offers only $state, $args, $emit, $log, $view, $ext, $tools and the JavaScript built-ins)",
                Locate(code, forbidden.Start, forbidden.End),
                path);
        }
    }

    /// <summary>Reports <c>$state.x</c> naming nothing; returns true when the key exists.</summary>
    private bool ReportStateReference(StateAccess access, JsCode code, SyntaxPath path)
    {
        if (IsState(access.Key))
        {
            MarkStateUsed(access.Key);
            return true;
        }

        Report(DiagnosticCodes.UndefinedStateReference, $"$state.{access.Key}: no State or Computed is named '{access.Key}'", Locate(code, access.Start, access.End), path);
        return false;
    }

    private void ReportScopeReferences(JsFacts facts, JsCode code, ScopeChain scopes, SyntaxPath path)
    {
        foreach (var reference in facts.ScopeReferences)
        {
            if (!scopes.Contains(reference.Name))
            {
                Report(DiagnosticCodes.InvalidScopeReference, ScopeMessage(reference.Name, scopes), Locate(code, reference.Start, reference.End), path);
            }
        }
    }

    private static string ScopeMessage(string name, ScopeChain scopes) => scopes.IsEmpty
        ? $"$scope.{name} is used outside any <Iterate>: $scope exists only inside an Iterate"
        : $"$scope.{name}: no enclosing <Iterate> has as=\"{name}\" (in scope: {string.Join(", ", scopes.Names)})";

    private SourceSpan Locate(JsCode code, int start, int end) => code.Locate(_source, () => Lines, start, end);

    /// <summary>
    /// Analyses an expression, once per distinct text in the document: generated and copied panels repeat
    /// expressions, and the facts do not depend on where the code stands.
    /// </summary>
    private JsFacts AnalyzeExpression(JsCode code)
    {
        // Looked up by span: the code becomes a string of its own only the first time it is seen.
        var lookup = _expressionFacts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(code.Span, out var facts))
        {
            var text = code.Code;
            facts = JsAnalyzer.AnalyzeExpression(text, 0, text.Length);
            _expressionFacts[text] = facts;
        }

        return facts;
    }
}
