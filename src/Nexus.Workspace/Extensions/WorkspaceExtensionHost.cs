using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nexus.Reactor.Extensions;
using Nexus.Workspace.Extensions.Fs;
using Nexus.Workspace.Extensions.Http;
using Nexus.Workspace.Extensions.Kv;

namespace Nexus.Workspace.Extensions;

/// <summary>
/// The <c>$ext</c> of a workspace's panels: routes each call to the extension of that name when the workspace enables
/// it, checks the method, and turns every failure into an <see cref="ExtensionException"/> with a short message fit
/// for the panel (details of unexpected failures go to the log, never to the panel). One instance per workspace;
/// dispose it with the workspace (it owns the HTTP connection pool).
/// </summary>
public sealed partial class WorkspaceExtensionHost : IExtensionHost, IDisposable
{
    private readonly FrozenDictionary<string, IWorkspaceExtension> _enabled;
    private readonly IReadOnlyList<IWorkspaceExtension> _owned;
    private readonly ILogger _logger;

    /// <summary>A host over the given extensions, of which only those named in <see cref="ExtensionSettings.Enabled"/> answer.</summary>
    public WorkspaceExtensionHost(ExtensionSettings settings, IEnumerable<IWorkspaceExtension> extensions, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(extensions);
        var byName = new Dictionary<string, IWorkspaceExtension>(StringComparer.Ordinal);
        foreach (var extension in extensions)
        {
            ArgumentNullException.ThrowIfNull(extension, nameof(extensions));
            if (!byName.TryAdd(extension.Name, extension))
            {
                throw new ArgumentException($"two extensions are named '{extension.Name}'", nameof(extensions));
            }
        }

        _owned = [.. byName.Values];
        _enabled = byName.Where(e => settings.Enabled.Contains(e.Key, StringComparer.Ordinal)).ToFrozenDictionary(StringComparer.Ordinal);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// A host with the built-in <c>nexus.http</c>, <c>nexus.fs</c> and <c>nexus.kv</c> of one workspace, each with its
    /// options from <paramref name="settings"/>; only the enabled ones answer.
    /// </summary>
    public static WorkspaceExtensionHost CreateBuiltIn(BuiltInExtensionContext context, ExtensionSettings settings, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var cache = context.Cache ?? new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        IWorkspaceExtension[] extensions =
        [
            new HttpExtension(settings.Http, context.Resolver),
            new FsExtension(context.AssetsRoot, settings.Fs, context.OnAssetsChanged),
            new KvExtension(context.WorkspaceId, cache, settings.Kv),
        ];
        return new WorkspaceExtensionHost(settings, extensions, logger);
    }

    /// <summary>The names of the extensions that answer calls.</summary>
    public IReadOnlyCollection<string> Enabled => _enabled.Keys;

    public async Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_enabled.TryGetValue(request.Extension, out var extension))
        {
            throw new ExtensionException($"extension '{request.Extension}' is not enabled in this workspace");
        }

        if (!extension.Methods.Contains(request.Method, StringComparer.Ordinal))
        {
            throw new ExtensionException($"{request.Extension} has no method '{request.Method}' (it has {string.Join(", ", extension.Methods)})");
        }

        try
        {
            return await extension.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ExtensionException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever went wrong inside an extension reaches the panel as a short, detail-free reason.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailure(_logger, ex, request.Extension, request.Method, request.PanelId);
            throw new ExtensionException(ShortReason(ex));
        }
    }

    public void Dispose()
    {
        foreach (var extension in _owned.OfType<IDisposable>())
        {
            extension.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Extension}.{Method} failed for panel {PanelId}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string extension, string method, string panelId);

    /// <summary>A reason that names the kind of failure without its details (which may hold paths of the machine).</summary>
    private static string ShortReason(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "not found",
        UnauthorizedAccessException => "access denied by the operating system",
        IOException => "an I/O error occurred",
        OperationCanceledException => "the operation was cancelled",
        _ => "an internal error occurred",
    };
}

/// <summary>What the built-in extensions need to know of their workspace.</summary>
/// <param name="WorkspaceId">Namespaces <c>nexus.kv</c> keys so workspaces sharing a cache never see each other's.</param>
/// <param name="AssetsRoot">Absolute path of the workspace's <c>assets/</c> folder (created on the first write).</param>
/// <param name="OnAssetsChanged">Called after each successful <c>nexus.fs</c> write or delete (to schedule a commit).</param>
public sealed record BuiltInExtensionContext(string WorkspaceId, string AssetsRoot, Action? OnAssetsChanged = null)
{
    /// <summary>Where <c>nexus.kv</c> keeps values; default an in-process <see cref="MemoryDistributedCache"/>.</summary>
    public IDistributedCache? Cache { get; init; }

    /// <summary>How <c>nexus.http</c> resolves host names; default the system's DNS.</summary>
    public IHostResolver? Resolver { get; init; }
}
