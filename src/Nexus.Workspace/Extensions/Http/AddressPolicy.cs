using System.Net;
using System.Net.Sockets;

namespace Nexus.Workspace.Extensions.Http;

/// <summary>What kind of network an address belongs to; only <see cref="Public"/> is reachable without an admin's leave.</summary>
internal enum AddressKind
{
    Public,
    Unspecified,
    Loopback,
    Private,
    SharedAddressSpace,
    LinkLocal,
    Multicast,
    Reserved,
}

/// <summary>
/// Sorts addresses into public and the rest (RFC 6890 special-purpose ranges). IPv6 forms that carry an IPv4
/// address (mapped <c>::ffff:a.b.c.d</c>, compatible <c>::a.b.c.d</c>, NAT64 <c>64:ff9b::/96</c>, 6to4
/// <c>2002::/16</c>) are judged by that IPv4 address, so <c>::ffff:127.0.0.1</c> is loopback.
/// </summary>
internal static class AddressPolicy
{
    public static AddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
            _ => AddressKind.Reserved,
        };
    }

    /// <summary>How a refusal names the kind: "a loopback address".</summary>
    public static string Describe(AddressKind kind) => kind switch
    {
        AddressKind.Unspecified => "an unspecified address",
        AddressKind.Loopback => "a loopback address",
        AddressKind.Private => "a private-network address",
        AddressKind.SharedAddressSpace => "a carrier-grade NAT address",
        AddressKind.LinkLocal => "a link-local address",
        AddressKind.Multicast => "a multicast address",
        AddressKind.Reserved => "a reserved address",
        _ => "a public address",
    };

    private static AddressKind ClassifyV4(ReadOnlySpan<byte> b) => (b[0], b[1]) switch
    {
        (0, _) => AddressKind.Unspecified,                                   // 0.0.0.0/8 "this network"
        (10, _) => AddressKind.Private,                                      // 10/8
        (100, >= 64 and <= 127) => AddressKind.SharedAddressSpace,           // 100.64/10
        (127, _) => AddressKind.Loopback,                                    // 127/8
        (169, 254) => AddressKind.LinkLocal,                                 // 169.254/16, cloud metadata
        (172, >= 16 and <= 31) => AddressKind.Private,                       // 172.16/12
        (192, 0) when b[2] is 0 or 2 => AddressKind.Reserved,                // 192.0.0/24 protocol, 192.0.2/24 documentation
        (192, 88) when b[2] == 99 => AddressKind.Reserved,                   // 6to4 relay anycast
        (192, 168) => AddressKind.Private,                                   // 192.168/16
        (198, 18 or 19) => AddressKind.Reserved,                             // 198.18/15 benchmarking
        (198, 51) when b[2] == 100 => AddressKind.Reserved,                  // documentation
        (203, 0) when b[2] == 113 => AddressKind.Reserved,                   // documentation
        ( >= 224 and <= 239, _) => AddressKind.Multicast,                    // 224/4
        ( >= 240, _) => AddressKind.Reserved,                                // 240/4 and the broadcast address
        _ => AddressKind.Public,
    };

    private static AddressKind ClassifyV6(byte[] b)
    {
        if (EmbeddedV4(b) is { } v4)
        {
            return ClassifyV4(v4);
        }

        var allZeroButLast = b.AsSpan(0, 15).IndexOfAnyExcept((byte)0) < 0;
        return (b[0], b[1]) switch
        {
            _ when allZeroButLast && b[15] == 0 => AddressKind.Unspecified,  // ::
            _ when allZeroButLast && b[15] == 1 => AddressKind.Loopback,     // ::1
            _ when allZeroButLast => AddressKind.Reserved,
            (0xff, _) => AddressKind.Multicast,                              // ff00::/8
            (0xfe, >= 0x80 and <= 0xbf) => AddressKind.LinkLocal,            // fe80::/10
            (0xfe, >= 0xc0) => AddressKind.Private,                          // fec0::/10, deprecated site-local
            (0xfc or 0xfd, _) => AddressKind.Private,                        // fc00::/7 unique local
            (0x20, 0x01) when b[2] == 0x0d && b[3] == 0xb8 => AddressKind.Reserved, // 2001:db8::/32 documentation
            (0x01, 0x00) when b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0 => AddressKind.Reserved, // 100::/64 discard
            ( < 0x20, _) or ( >= 0x40, _) => AddressKind.Reserved,           // outside 2000::/3, the global unicast block
            _ => AddressKind.Public,
        };
    }

    /// <summary>The IPv4 address an IPv6 address carries, if it is one of the forms that do.</summary>
    private static byte[]? EmbeddedV4(byte[] b)
    {
        var zeroPrefix = b.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0;
        if (zeroPrefix && b[10] == 0xff && b[11] == 0xff)
        {
            return b[12..16];                                                // ::ffff:a.b.c.d mapped
        }

        if (zeroPrefix && b[10] == 0 && b[11] == 0 && (b[12] | b[13]) != 0)
        {
            return b[12..16];                                                // ::a.b.c.d compatible (deprecated)
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return b[12..16];                                                // 64:ff9b::/96 NAT64
        }

        return b[0] == 0x20 && b[1] == 0x02 ? b[2..6] : null;               // 2002::/16 6to4
    }
}
