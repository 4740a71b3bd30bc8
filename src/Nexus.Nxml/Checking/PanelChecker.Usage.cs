using Nexus.Nxml.Diagnostics;

namespace Nexus.Nxml.Checking;

internal sealed partial class PanelChecker
{
    /// <summary>The usage warnings: states nothing reads or writes, tools nothing triggers or calls.</summary>
    private void ReportUnused()
    {
        if (!_everyStateMayBeUsed)
        {
            foreach (var (name, state) in _states)
            {
                if (!_usedStates.Contains(name))
                {
                    Report(
                        DiagnosticCodes.UnusedState,
                        $"state '{name}' is never read or written by an expression, binding or handler",
                        state.SpanOf("name"),
                        SyntaxPath.Of("data", "states", name));
                }
            }
        }

        if (!_everyToolMayBeUsed)
        {
            foreach (var (name, tool) in _tools)
            {
                if (!_usedTools.Contains(name))
                {
                    Report(
                        DiagnosticCodes.UnusedTool,
                        $"tool '{name}' is neither triggered by the view nor called through $tools (it is still callable by AI agents)",
                        tool.SpanOf("name"),
                        SyntaxPath.Of("logic", "tools", name));
                }
            }
        }
    }
}
