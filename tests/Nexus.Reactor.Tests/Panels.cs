using System.Text.Json.Nodes;
using Nexus.Nxml;

namespace Nexus.Reactor.Tests;

/// <summary>Starts panels for tests from NXML text.</summary>
internal static class Panels
{
    public static async Task<PanelInstance> Start(string source, JsonObject? saved = null, ReactorOptions? limits = null, Extensions.IExtensionHost? extensions = null)
    {
        var document = NxmlDocument.Check(source);
        Assert.True(document.IsValid, string.Join("\n", document.Diagnostics.Select(d => d.Format("panel"))));
        return await PanelInstance.CreateAsync(document, new PanelInstanceOptions
        {
            SavedState = saved,
            Limits = limits ?? ReactorOptions.Default,
            Extensions = extensions ?? Extensions.NoExtensions.Instance,
        });
    }

    /// <summary>A panel with the given data and logic and a view that uses every tool and state (so it checks without warnings that matter).</summary>
    public static string Panel(string data, string logic, string view = "") =>
        $"<NexusPanel title=\"test\"><Data>{data}</Data><Logic>{logic}</Logic><View>{view}</View></NexusPanel>";
}
