using System.Net;
using System.Net.Sockets;

namespace Nexus.Workspace.Extensions.Http;

/// <summary>
/// A list of host patterns: exact names, IP literals, <c>*.suffix</c> (names strictly below the suffix) and, where
/// allowed, <c>*</c> (any host). Names compare case-insensitively, without a trailing dot; IP literals by address.
/// </summary>
internal sealed class HostPatterns
{
    private readonly bool _any;
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly List<string> _suffixes = [];

    public HostPatterns(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns.Select(p => p.Trim()))
        {
            if (pattern == "*")
            {
                _any = true;
            }
            else if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                _suffixes.Add(Normalize(pattern[1..]));
            }
            else
            {
                _exact.Add(Normalize(pattern));
            }
        }
    }

    /// <summary>Whether <paramref name="host"/> (as a URL or a connection names it) matches one of the patterns.</summary>
    public bool Matches(string host)
    {
        var normalized = Normalize(host);
        return _any || _exact.Contains(normalized) || _suffixes.Exists(s => normalized.Length > s.Length && normalized.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>The canonical form of a host: lower case, no brackets or trailing dot, IP literals in standard form.</summary>
    public static string Normalize(string host)
    {
        var bare = host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();
        return IPAddress.TryParse(bare, out var address) && IsLiteral(bare, address) ? address.ToString() : bare;
    }

    /// <summary>Why <paramref name="pattern"/> is not a valid pattern, or null when it is.</summary>
    public static string? Check(string pattern, bool allowAny)
    {
        var text = pattern.Trim();
        if (text == "*")
        {
            return allowAny ? null : "is not allowed here: name the hosts";
        }

        var host = text.StartsWith("*.", StringComparison.Ordinal) ? text[2..] : text;
        var bare = host.TrimStart('[').TrimEnd(']');
        if (host == text && IPAddress.TryParse(bare, out var address) && IsLiteral(bare, address))
        {
            return null;
        }

        return IsHostName(host.TrimEnd('.')) ? null : "is not a host name, an IP address, '*.suffix' or '*' (write international names in their xn-- form)";
    }

    private static bool IsHostName(string host) =>
        host.Length is > 0 and <= 253
        && host.Split('.').All(label => label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));

    /// <summary>IPAddress.TryParse also takes "1" or "1.2"; only dotted quads and IPv6 text are literals here.</summary>
    private static bool IsLiteral(string text, IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3;
}
