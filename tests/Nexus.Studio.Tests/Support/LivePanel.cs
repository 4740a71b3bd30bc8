using Bunit;
using Microsoft.AspNetCore.Components;
using Nexus.Studio.Rendering;
using Nexus.Studio.Rendering.Session;
using Nexus.Workspace;
using Nexus.Workspace.Hosting;
using Nexus.Workspace.Tests;

namespace Nexus.Studio.Tests.Support;

/// <summary>
/// A real panel to render: a workspace in a temp folder hosting the panel (the real checker, runtime and
/// hosting), a live session over it, and a bUnit context with the Studio's services.
/// </summary>
internal sealed class LivePanel : IAsyncDisposable
{
    private readonly TempDirectory _folder;
    private readonly List<HostedPanelSession> _sessions = [];

    private LivePanel(TempDirectory folder, NexusWorkspace workspace, HostedPanel panel, BunitContext bunit)
    {
        _folder = folder;
        Workspace = workspace;
        Panel = panel;
        Bunit = bunit;
        Session = OpenSession();
    }

    public NexusWorkspace Workspace { get; }

    public HostedPanel Panel { get; }

    public HostedPanelSession Session { get; }

    public BunitContext Bunit { get; }

    /// <summary>
    /// Starts the panel from NXML (it must check clean); <paramref name="components"/> registers custom components,
    /// <paramref name="prepare"/> adds services (ports, authorization) for the workspace before anything is rendered.
    /// </summary>
    public static async Task<LivePanel> StartAsync(
        string source,
        Action<ComponentRegistry>? components = null,
        WorkspaceOptions? options = null,
        Action<BunitContext, NexusWorkspace>? prepare = null)
    {
        var folder = new TempDirectory();
        NexusWorkspace? workspace = null;
        try
        {
            workspace = await NexusWorkspace.CreateAsync(
                Path.Combine(folder.Path, "ws"),
                "Studio tests",
                (options ?? WorkspaceOptions.Default) with { Durability = JournalDurability.OsBuffer });
            var panel = await workspace.AddPanelAsync(source);
            var bunit = new BunitContext();
            bunit.Services.AddNexusStudio(components);
            prepare?.Invoke(bunit, workspace);
            bunit.JSInterop.Mode = JSRuntimeMode.Loose;
            bunit.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            return new LivePanel(folder, workspace, panel, bunit);
        }
        catch
        {
            if (workspace is not null)
            {
                await workspace.DisposeAsync();
            }

            folder.Dispose();
            throw;
        }
    }

    /// <summary>Renders the panel the way a host page does (with the snackbar provider).</summary>
    public IRenderedComponent<StudioHost> Render(HostedPanelSession? session = null) =>
        Bunit.Render<StudioHost>(p => p.Add(h => h.Session, session ?? Session));

    /// <summary>The panel view alone, as a second browser tab shows it (one page has one set of MudBlazor providers).</summary>
    public IRenderedComponent<NxmlPanelView> RenderView(HostedPanelSession session) =>
        Bunit.Render<NxmlPanelView>(p => p.Add(v => v.Session, session));

    /// <summary>A second session on the same panel, as another browser tab has.</summary>
    /// <summary>The workspace page of <paramref name="workspaceId"/> in a host with the layout's providers.</summary>
    public IRenderedComponent<WorkspacePageHost> RenderWorkspacePage(Guid workspaceId) =>
        Bunit.Render<WorkspacePageHost>(p => p.Add(w => w.WorkspaceId, workspaceId));

    public HostedPanelSession OpenSession()
    {
        var session = new HostedPanelSession(Panel);
        _sessions.Add(session);
        return session;
    }

    public async Task<string> StateJsonAsync(string key) => (await Panel.GetStateAsync())[key]?.ToJsonString() ?? "null";

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        await Workspace.DisposeAsync();
        _folder.Dispose();
    }
}
