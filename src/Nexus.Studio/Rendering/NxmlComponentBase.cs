using Microsoft.AspNetCore.Components;
using Nexus.Nxml.Syntax;
using Nexus.Reactor;
using Nexus.Studio.Rendering.Session;

namespace Nexus.Studio.Rendering;

/// <summary>
/// Base of every component that renders a view element. It evaluates the element's props through the runtime
/// when its parameters change and whenever the panel's state, transient view props or source change (changes
/// arrive off the renderer's context and are marshalled with <c>InvokeAsync</c>). Refreshes coalesce: while one
/// runs, further changes ask for one more, so a burst of commits costs at most two evaluations.
/// </summary>
public abstract class NxmlComponentBase : ComponentBase, IDisposable
{
    private const PanelChange Refreshing = PanelChange.State | PanelChange.View | PanelChange.Reloaded;

    private Task? _refreshing;
    private bool _again;
    private bool _disposed;
    private IPanelSession? _session;

    [CascadingParameter]
    public PanelRenderContext Context { get; set; } = null!;

    /// <summary>The element to render.</summary>
    [Parameter, EditorRequired]
    public ComponentNode Node { get; set; } = null!;

    /// <summary>Where the element stands inside Iterates.</summary>
    [Parameter]
    public ViewScope Scope { get; set; } = ViewScope.Empty;

    /// <summary>The element's evaluated props.</summary>
    protected PropValues Props { get; private set; } = PropValues.Empty;

    protected IPanelSession Session => Context.Session;

    protected override void OnInitialized()
    {
        if (Context is null)
        {
            throw new InvalidOperationException($"{GetType().Name} renders a view element and must stand inside an {nameof(NxmlPanelView)}");
        }

        _session = Context.Session;
        _session.Changed += OnPanelChanged;
    }

    protected override Task OnParametersSetAsync() => RefreshAsync();

    /// <summary>Re-evaluates the props (one more time if a refresh is already running).</summary>
    protected Task RefreshAsync()
    {
        if (_refreshing is { IsCompleted: false })
        {
            _again = true;
            return _refreshing;
        }

        _refreshing = RefreshUntilCurrentAsync();
        return _refreshing;
    }

    /// <summary>Called after the props were evaluated, before rendering.</summary>
    protected virtual void OnPropsEvaluated()
    {
    }

    private async Task RefreshUntilCurrentAsync()
    {
        do
        {
            _again = false;
            var props = await PropValues.EvaluateAsync(Session, Node, Scope).ConfigureAwait(true);
            if (_disposed)
            {
                return;
            }

            Props = props;
            OnPropsEvaluated();
        }
        while (_again);
    }

    private void OnPanelChanged(PanelChange change)
    {
        if ((change & Refreshing) == PanelChange.None || _disposed)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            try
            {
                await RefreshAsync().ConfigureAwait(true);
                if (!_disposed)
                {
                    StateHasChanged();
                }
            }
#pragma warning disable CA1031 // Handed to the renderer, which shows it in the element's error boundary.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                await DispatchExceptionAsync(exception).ConfigureAwait(true);
            }
        });
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!_disposed && disposing && _session is not null)
        {
            _session.Changed -= OnPanelChanged;
        }

        _disposed = true;
    }
}
