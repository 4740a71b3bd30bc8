using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;
using Nexus.Reactor.Extensions;
using Nexus.Workspace.Extensions;
using Nexus.Workspace.Extensions.Kv;

namespace Nexus.Workspace.Tests.Extensions;

public sealed class KvExtensionTests
{
    private readonly ManualClock _clock = new();
    private readonly MemoryDistributedCache _cache;

    public KvExtensionTests() => _cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { Clock = _clock }));

    [Fact]
    public async Task Set_get_and_delete_keep_json_values()
    {
        var kv = Extension();
        Assert.Null(await Invoke(kv, "p1", "get", "draft"));
        await Invoke(kv, "p1", "set", "draft", new JsonObject { ["title"] = "Hi", ["tags"] = new JsonArray("a", "b"), ["n"] = 1.5 });
        Assert.Equal("{\"title\":\"Hi\",\"tags\":[\"a\",\"b\"],\"n\":1.5}", (await Invoke(kv, "p1", "get", "draft"))!.ToJsonString());
        await Invoke(kv, "p1", "set", "draft", "just text");
        Assert.Equal("just text", (await Invoke(kv, "p1", "get", "draft"))!.GetValue<string>());
        await Invoke(kv, "p1", "delete", "draft");
        Assert.Null(await Invoke(kv, "p1", "get", "draft"));
        await Invoke(kv, "p1", "set", "flag", true);
        await Invoke(kv, "p1", "set", "flag", null);
        Assert.Null(await Invoke(kv, "p1", "get", "flag"));
    }

    [Fact]
    public async Task Panels_and_workspaces_cannot_read_each_others_keys_whatever_the_ids_contain()
    {
        var kv = Extension();
        var otherWorkspace = new KvExtension("ws:2", _cache, new KvExtensionOptions());
        await Invoke(kv, "a", "set", "1:x", "mine");
        Assert.Null(await Invoke(kv, "b", "get", "1:x"));
        Assert.Null(await Invoke(kv, "a:1", "get", "x"));
        Assert.Null(await Invoke(otherWorkspace, "a", "get", "1:x"));
        await Invoke(kv, "b", "delete", "1:x");
        Assert.Equal("mine", (await Invoke(kv, "a", "get", "1:x"))!.GetValue<string>());
    }

    [Fact]
    public async Task Values_expire_after_their_ttl_the_default_ttl_or_the_max_ttl()
    {
        var kv = Extension(new KvExtensionOptions { DefaultTtl = TimeSpan.FromMinutes(10), MaxTtl = TimeSpan.FromHours(1) });
        await Invoke(kv, "p", "set", "short", 1, 30);
        await Invoke(kv, "p", "set", "default", 2);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.NotNull(await Invoke(kv, "p", "get", "short"));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await Invoke(kv, "p", "get", "short"));
        Assert.NotNull(await Invoke(kv, "p", "get", "default"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await Invoke(kv, "p", "get", "default"));

        var capped = Extension(new KvExtensionOptions { MaxTtl = TimeSpan.FromMinutes(5) });
        await Invoke(capped, "p", "set", "capped", 3);
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Null(await Invoke(capped, "p", "get", "capped"));

        var forever = Extension(new KvExtensionOptions { MaxTtl = null });
        await Invoke(forever, "p", "set", "kept", 4);
        _clock.Advance(TimeSpan.FromDays(400));
        Assert.NotNull(await Invoke(forever, "p", "get", "kept"));
    }

    [Fact]
    public async Task Bad_keys_values_and_ttls_are_refused()
    {
        var kv = Extension(new KvExtensionOptions { MaxValueBytes = 20, MaxKeyLength = 8, MaxTtl = TimeSpan.FromMinutes(1) });
        Assert.Contains("larger than the limit of 20 bytes", await Refused(kv, "set", "k", new string('v', 30)), StringComparison.Ordinal);
        Assert.Contains("longer than 8 characters", await Refused(kv, "get", "much-too-long"), StringComparison.Ordinal);
        Assert.Contains("argument 1 (key) is required", await Refused(kv, "get"), StringComparison.Ordinal);
        Assert.Contains("argument 1 (key) must be a string", await Refused(kv, "set", 5, 1), StringComparison.Ordinal);
        Assert.Contains("at most 60 seconds", await Refused(kv, "set", "k", 1, 61), StringComparison.Ordinal);
        Assert.Contains("positive number of seconds", await Refused(kv, "set", "k", 1, -1), StringComparison.Ordinal);
        Assert.Contains("must be a number", await Refused(kv, "set", "k", 1, "10"), StringComparison.Ordinal);
        Assert.Null(await Invoke(kv, "p", "get", "k"));
    }

    private KvExtension Extension(KvExtensionOptions? options = null) => new("ws1", _cache, options ?? new KvExtensionOptions());

    private static Task<JsonNode?> Invoke(KvExtension kv, string panel, string method, params JsonNode?[] args) =>
        kv.InvokeAsync(new ExtensionCall(panel, BuiltInExtensions.Kv, method, args), TestContext.Current.CancellationToken);

    private static async Task<string> Refused(KvExtension kv, string method, params JsonNode?[] args) =>
        (await Assert.ThrowsAsync<ExtensionException>(() => Invoke(kv, "p", method, args))).Message;

    /// <summary>The cache's clock, moved by the test.</summary>
    private sealed class ManualClock : ISystemClock
    {
        public DateTimeOffset UtcNow { get; private set; } = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => UtcNow += by;
    }
}
