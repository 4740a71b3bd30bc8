using MudBlazor;
using Nexus.Studio.Account.Settings;

namespace Nexus.Studio.Tests.Account;

/// <summary>The account page's small rules: bar levels, byte units, token expiries, MCP connection text.</summary>
public sealed class AccountFormattingTests
{
    [Theory]
    [InlineData(0, 3, "ok", 0)]
    [InlineData(79, 100, "ok", 79)]
    [InlineData(80, 100, "near", 80)]
    [InlineData(99, 100, "near", 99)]
    [InlineData(100, 100, "full", 100)]
    [InlineData(150, 100, "full", 100)]
    [InlineData(0, 0, "full", 100)]
    public void Levels_turn_near_at_80_percent_and_full_at_the_limit(long used, long limit, string name, double percent)
    {
        var level = UsageLevel.Of(used, limit);

        Assert.Equal(name, level.Name);
        Assert.Equal(percent, level.Percent, precision: 6);
        Assert.Equal(name switch { "ok" => Color.Success, "near" => Color.Warning, _ => Color.Error }, level.Color);
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1023, "1023 bytes")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(10 * 1024 + 300, "10 KB")]
    [InlineData(100L * 1024 * 1024, "100 MB")]
    [InlineData(5L * 1024 * 1024 * 1024 + 1, "5 GB")]
    public void Bytes_are_shown_in_binary_units(long bytes, string expected) => Assert.Equal(expected, ByteSize.Format(bytes));

    [Fact]
    public void Negative_bytes_are_a_programming_error() => Assert.Throws<ArgumentOutOfRangeException>(() => ByteSize.Format(-1));

    [Fact]
    public void Expiry_choices_stop_at_the_platforms_longest_and_end_with_never()
    {
        Assert.Equal([7, 30, 90, 365, TokenExpiry.Never], TokenExpiry.Choices(365));
        Assert.Equal([7, 20, TokenExpiry.Never], TokenExpiry.Choices(20));
        Assert.Equal(30, TokenExpiry.Default(TokenExpiry.Choices(365)));
        Assert.Equal(7, TokenExpiry.Default(TokenExpiry.Choices(20)));
        Assert.Null(TokenExpiry.ToRequest(TokenExpiry.Never));
        Assert.Equal(90, TokenExpiry.ToRequest(90));
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenExpiry.Choices(0));
    }

    [Fact]
    public void The_mcp_connection_is_absolute_under_the_base_address_and_carries_the_token_when_given()
    {
        var id = Guid.NewGuid();

        var placeholder = McpConnection.For("https://nexus.example.org/studio/", id, "Sales & Ops!", null);
        var withToken = McpConnection.For("https://nexus.example.org", id, "x", "nxp_abc");

        Assert.Equal($"https://nexus.example.org/studio/api/workspaces/{id:D}/mcp", placeholder.Url);
        Assert.Equal("Authorization: Bearer <your token>", placeholder.AuthorizationHeader);
        Assert.Contains("\"nexus-sales-ops\"", placeholder.ClientConfiguration, StringComparison.Ordinal);
        Assert.Equal($"https://nexus.example.org/api/workspaces/{id:D}/mcp", withToken.Url);
        Assert.Contains("\"Authorization\": \"Bearer nxp_abc\"", withToken.ClientConfiguration, StringComparison.Ordinal);
        Assert.Equal("nexus", McpConnection.ServerName("日本"));
        Assert.Throws<UriFormatException>(() => McpConnection.For("not a url", id, "x", null));
    }
}
