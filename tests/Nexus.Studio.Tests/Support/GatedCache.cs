using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Nexus.Studio.Tests.Support;

/// <summary>
/// The session cache behind <c>nexus.kv</c>, whose reads wait until the test opens the gate: a handler that
/// awaits <c>$ext.kv.get(...)</c> stays busy exactly as long as a test needs to look at its progress.
/// </summary>
internal sealed class GatedCache : IDistributedCache, IDisposable
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a read is waiting at the gate.</summary>
    public Task Entered => _entered.Task;

    public void Open() => _gate.TrySetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        _entered.TrySetResult();
        await _gate.Task.WaitAsync(token).ConfigureAwait(false);
        return await _inner.GetAsync(key, token).ConfigureAwait(false);
    }

    public byte[]? Get(string key) => _inner.Get(key);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _inner.Set(key, value, options);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => _inner.SetAsync(key, value, options, token);

    public void Refresh(string key) => _inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

    public void Remove(string key) => _inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

    public void Dispose() => Open();
}
