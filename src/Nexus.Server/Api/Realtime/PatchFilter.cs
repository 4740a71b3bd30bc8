using System.Collections.Immutable;
using Nexus.Reactor;

namespace Nexus.Server.Api.Realtime;

/// <summary>
/// Which state keys one socket hears in PATCHes: all until it sends <c>SUBSCRIBE</c>; then only the subscribed keys.
/// <c>UNSUBSCRIBE</c> of the last subscribed key returns to all. Read by the notification pump while the reader
/// changes it, hence an immutable set swapped atomically.
/// </summary>
internal sealed class PatchFilter
{
    private ImmutableHashSet<string>? _keys;

    public bool Includes(string key) => Volatile.Read(ref _keys) is not { } keys || keys.Contains(key);

    /// <summary>
    /// Whether the socket hears this notification at all: a finished change only when one of its keys passes the
    /// filter; everything else (PROGRESS, EVENT, VIEW, RELOADED) always. Asked before the notification is queued.
    /// </summary>
    public bool Wants(PanelNotification notification) =>
        notification is not StateCommitted { InProgress: false } committed
        || IncludesAll
        || committed.Mutations.Any(m => Includes(m.Key))
        || committed.Computed.Any(c => Includes(c.Key));

    /// <summary>True until the first SUBSCRIBE (and again after the last key is unsubscribed): every key is heard.</summary>
    public bool IncludesAll => Volatile.Read(ref _keys) is null;

    public void Subscribe(IEnumerable<string> keys) =>
        Volatile.Write(ref _keys, (Volatile.Read(ref _keys) ?? ImmutableHashSet.Create<string>(StringComparer.Ordinal)).Union(keys));

    public void Unsubscribe(IEnumerable<string> keys)
    {
        if (Volatile.Read(ref _keys) is not { } current)
        {
            return;
        }

        var remaining = current.Except(keys);
        Volatile.Write(ref _keys, remaining.IsEmpty ? null : remaining);
    }
}
