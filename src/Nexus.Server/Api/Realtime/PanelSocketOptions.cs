using System.Globalization;

namespace Nexus.Server.Api.Realtime;

/// <summary>
/// Limits of the panel WebSocket (<c>Nexus:PanelSockets</c> section). Every value is checked when the endpoint is
/// mapped, so a bad setting stops the server at start-up with a clear message.
/// </summary>
public sealed class PanelSocketOptions
{
    /// <summary>The configuration section, under the server's <c>Nexus</c> section.</summary>
    public const string SectionName = "Nexus:PanelSockets";

    /// <summary>How often the server sends <c>PING</c>. Default 20 s.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A client that sends nothing (not even <c>PONG</c>) for this long is closed. Default 60 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest client message; a larger one gets an <c>ERROR</c> and the socket is closed. Default 64 KiB.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Notifications that may wait for one socket before it is dropped as too slow; null: the workspace's default.</summary>
    public int? SubscriberCapacity { get; set; }

    /// <summary>Frames that may wait for the socket's writer before producers wait. Default 64.</summary>
    public int SendQueueCapacity { get; set; } = 64;

    /// <summary>How long a closing handshake (or a stuck send) may take before the socket is aborted. Default 5 s.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The problems with these values; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Positive(problems, nameof(PingInterval), PingInterval);
        Positive(problems, nameof(IdleTimeout), IdleTimeout);
        Positive(problems, nameof(CloseTimeout), CloseTimeout);
        if (IdleTimeout < PingInterval)
        {
            problems.Add($"{SectionName}:{nameof(IdleTimeout)} must be at least {nameof(PingInterval)}, or every client would be closed before its first PING");
        }

        AtLeast(problems, nameof(MaxMessageBytes), MaxMessageBytes, 256);
        AtLeast(problems, nameof(SendQueueCapacity), SendQueueCapacity, 1);
        if (SubscriberCapacity is { } capacity)
        {
            AtLeast(problems, nameof(SubscriberCapacity), capacity, 1);
        }

        return problems;
    }

    private static void Positive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{name} must be positive (got {value.ToString("c", CultureInfo.InvariantCulture)})");
        }
    }

    private static void AtLeast(List<string> problems, string name, int value, int minimum)
    {
        if (value < minimum)
        {
            problems.Add($"{SectionName}:{name} must be at least {minimum.ToString(CultureInfo.InvariantCulture)} (got {value.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
