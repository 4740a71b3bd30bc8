using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Distributed;
using Nexus.Reactor.Extensions;

namespace Nexus.Workspace.Extensions.Kv;

/// <summary>
/// <c>nexus.kv</c>: per-panel session state that never enters Git — <c>get(key)</c> → the value or null,
/// <c>set(key, value, ttlSeconds?)</c>, <c>delete(key)</c>. Values are JSON, kept in an
/// <see cref="IDistributedCache"/> (in-process by default, Redis in a cluster) under keys namespaced by workspace
/// and panel, so no panel can read another's. Storing <c>null</c> is the same as deleting.
/// </summary>
public sealed class KvExtension : IWorkspaceExtension
{
    private readonly string _workspaceId;
    private readonly IDistributedCache _cache;
    private readonly KvExtensionOptions _options;

    public KvExtension(string workspaceId, IDistributedCache cache, KvExtensionOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _workspaceId = workspaceId;
        _cache = cache;
        _options = options;
    }

    public string Name => BuiltInExtensions.Kv;

    public IReadOnlyList<string> Methods { get; } = ["get", "set", "delete"];

    public async Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Method)
        {
            case "get":
                var get = new ExtensionArguments(request, "key");
                var stored = await _cache.GetAsync(CacheKey(request, get), cancellationToken).ConfigureAwait(false);
                return stored is null ? null : JsonNode.Parse(stored);
            case "set":
                var set = new ExtensionArguments(request, "key", "value", "ttlSeconds");
                await SetAsync(request, set, cancellationToken).ConfigureAwait(false);
                return null;
            case "delete":
                var delete = new ExtensionArguments(request, "key");
                await _cache.RemoveAsync(CacheKey(request, delete), cancellationToken).ConfigureAwait(false);
                return null;
            default:
                throw new ExtensionException($"{Name} has no method '{request.Method}'");
        }
    }

    private async Task SetAsync(ExtensionCall request, ExtensionArguments args, CancellationToken cancellationToken)
    {
        var key = CacheKey(request, args);
        var ttl = Ttl(args);
        if (args.Optional(1) is not { } value)
        {
            await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value.ToJsonString());
        if (bytes.Length > _options.MaxValueBytes)
        {
            throw ExtensionArguments.Error($"the value is larger than the limit of {_options.MaxValueBytes} bytes as JSON");
        }

        await _cache.SetAsync(key, bytes, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The lifetime asked for, else the default, never longer than the maximum; null for no expiry.</summary>
    private TimeSpan? Ttl(ExtensionArguments args)
    {
        if (args.OptionalNumber(2, "ttlSeconds") is not { } seconds)
        {
            return (_options.DefaultTtl, _options.MaxTtl) switch
            {
                ({ } fallback, { } max) => fallback < max ? fallback : max,
                (var fallback, var max) => fallback ?? max,
            };
        }

        if (!(seconds > 0) || double.IsInfinity(seconds))
        {
            throw ExtensionArguments.Error("argument 3 (ttlSeconds) must be a positive number of seconds");
        }

        var ttl = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
        if (_options.MaxTtl is { } longest && ttl > longest)
        {
            throw ExtensionArguments.Error($"argument 3 (ttlSeconds) may be at most {longest.TotalSeconds:0} seconds");
        }

        return ttl;
    }

    /// <summary>
    /// The cache key: every part is length-prefixed, so no choice of ids or key (colons included) can make one
    /// panel's key equal another's.
    /// </summary>
    private string CacheKey(ExtensionCall request, ExtensionArguments args)
    {
        var key = args.RequiredString(0, "key");
        if (key.Length > _options.MaxKeyLength)
        {
            throw ExtensionArguments.Error($"argument 1 (key) is longer than {_options.MaxKeyLength} characters");
        }

        return $"nexus.kv:{_workspaceId.Length}:{_workspaceId}:{request.PanelId.Length}:{request.PanelId}:{key}";
    }
}
