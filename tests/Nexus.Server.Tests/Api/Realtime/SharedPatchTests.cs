using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Reactor;
using Nexus.Reactor.Execution;
using Nexus.Server.Api.Realtime;

namespace Nexus.Server.Tests.Api.Realtime;

/// <summary>A change fanned out to many sockets is encoded once for all the sockets that hear every key.</summary>
public sealed class SharedPatchTests
{
    private static readonly DateTimeOffset First = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static StateCommitted Change(long version) => new(version, "inc", InProgress: false,
        [new StateMutation("count", JsonValue.Create(version)), new StateMutation("draft", JsonValue.Create("x"))], []);

    [Fact]
    public void Sockets_without_a_filter_share_one_encoding_of_a_change()
    {
        var change = Change(7);

        var first = PanelSocketFrames.EncodedFor(change, new PatchFilter(), First, progressRequestId: null);
        var second = PanelSocketFrames.EncodedFor(change, new PatchFilter(), First.AddSeconds(5), progressRequestId: null);

        Assert.NotNull(first);
        Assert.Same(first, second);
        using var patch = JsonDocument.Parse(first);
        Assert.Equal("PATCH", patch.RootElement.GetProperty("type").GetString());
        Assert.Equal(7, patch.RootElement.GetProperty("version").GetInt64());
        Assert.Equal(2, patch.RootElement.GetProperty("mutations").GetArrayLength());
        Assert.Equal(First, patch.RootElement.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public void A_subscribed_socket_gets_its_own_narrowed_patch_and_another_change_is_encoded_anew()
    {
        var change = Change(8);
        var narrowed = new PatchFilter();
        narrowed.Subscribe(["draft"]);

        var shared = PanelSocketFrames.EncodedFor(change, new PatchFilter(), First, progressRequestId: null);
        var own = PanelSocketFrames.EncodedFor(change, narrowed, First, progressRequestId: null);
        var next = PanelSocketFrames.EncodedFor(Change(9), new PatchFilter(), First, progressRequestId: null);

        using var ownPatch = JsonDocument.Parse(own!);
        var mutation = Assert.Single(ownPatch.RootElement.GetProperty("mutations").EnumerateArray());
        Assert.Equal("draft", mutation.GetProperty("key").GetString());
        Assert.NotSame(shared, next);
        using var nextPatch = JsonDocument.Parse(next!);
        Assert.Equal(9, nextPatch.RootElement.GetProperty("version").GetInt64());
    }

    [Fact]
    public void A_change_without_mutations_is_heard_by_nobody()
    {
        var empty = new StateCommitted(10, "inc", InProgress: false, [], []);

        Assert.Null(PanelSocketFrames.EncodedFor(empty, new PatchFilter(), First, progressRequestId: null));
    }
}
