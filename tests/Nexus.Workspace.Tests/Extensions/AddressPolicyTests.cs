using System.Net;
using Nexus.Workspace.Extensions.Http;

namespace Nexus.Workspace.Tests.Extensions;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:808:808::1")]
    public void Public_addresses_are_public(string address) =>
        Assert.Equal("Public", AddressPolicy.Classify(IPAddress.Parse(address)).ToString());

    [Theory]
    [InlineData("127.0.0.1", "Loopback")]
    [InlineData("127.255.0.9", "Loopback")]
    [InlineData("::1", "Loopback")]
    [InlineData("::ffff:127.0.0.1", "Loopback")]
    [InlineData("::127.0.0.1", "Loopback")]
    [InlineData("64:ff9b::7f00:1", "Loopback")]
    [InlineData("2002:7f00:1::", "Loopback")]
    [InlineData("0.0.0.0", "Unspecified")]
    [InlineData("::", "Unspecified")]
    [InlineData("10.0.0.1", "Private")]
    [InlineData("172.16.0.1", "Private")]
    [InlineData("172.31.255.255", "Private")]
    [InlineData("192.168.1.1", "Private")]
    [InlineData("::ffff:10.1.2.3", "Private")]
    [InlineData("::ffff:192.168.0.1", "Private")]
    [InlineData("fc00::1", "Private")]
    [InlineData("fd12:3456::1", "Private")]
    [InlineData("100.64.0.1", "SharedAddressSpace")]
    [InlineData("100.127.255.255", "SharedAddressSpace")]
    [InlineData("169.254.169.254", "LinkLocal")]
    [InlineData("::ffff:169.254.169.254", "LinkLocal")]
    [InlineData("fe80::1", "LinkLocal")]
    [InlineData("febf::1", "LinkLocal")]
    [InlineData("224.0.0.1", "Multicast")]
    [InlineData("ff02::1", "Multicast")]
    [InlineData("255.255.255.255", "Reserved")]
    [InlineData("240.0.0.1", "Reserved")]
    [InlineData("198.18.0.1", "Reserved")]
    [InlineData("2001:db8::1", "Reserved")]
    public void Special_purpose_addresses_and_their_ipv6_disguises_are_not_public(string address, string kind) =>
        Assert.Equal(kind, AddressPolicy.Classify(IPAddress.Parse(address)).ToString());

    [Theory]
    [InlineData("*.example.com", "api.example.com", true)]
    [InlineData("*.example.com", "a.b.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.example.com", "badexample.com", false)]
    [InlineData("API.Example.com", "api.example.com.", true)]
    [InlineData("api.example.com", "api.example.com.evil.test", false)]
    [InlineData("::1", "[::1]", true)]
    [InlineData("[::1]", "0:0:0:0:0:0:0:1", true)]
    [InlineData("*", "anything.test", true)]
    public void Host_patterns_match_exact_names_suffixes_and_ip_literals(string pattern, string host, bool matches) =>
        Assert.Equal(matches, new HostPatterns([pattern]).Matches(host));

    [Theory]
    [InlineData("http://example.com", true)]
    [InlineData("example.com/path", true)]
    [InlineData("*example.com", true)]
    [InlineData("-bad.com", true)]
    [InlineData("*", false)]
    [InlineData("ok.example.com", false)]
    [InlineData("*.ok.example.com", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("[fd00::1]", false)]
    public void Host_patterns_are_checked(string pattern, bool invalid)
    {
        Assert.Equal(invalid, HostPatterns.Check(pattern, allowAny: true) is not null);
        Assert.NotNull(HostPatterns.Check("*", allowAny: false));
    }
}
