using Microsoft.Extensions.Options;
using System.Net;
using Microsoft.AspNetCore.Http;
using Nexus.Server.Identity;

namespace Nexus.Server.Tests.Identity;

/// <summary>The signing key survives restarts; configuration is validated; the WebSocket query token is read only there.</summary>
public sealed class SigningKeyTests : IDisposable
{
    private readonly TestServerDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_token_from_before_a_restart_on_the_same_data_directory_still_works()
    {
        string? token;
        await using (var first = new AuthTestServer(_data.Path))
        {
            token = (await first.SignUpAsync("ada@example.org")).GetProperty("accessToken").GetString();
        }

        await using var second = new AuthTestServer(_data.Path);
        var me = await second.GetAsync("/api/auth/me", token);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        var keyFile = Path.Combine(_data.Path, SigningKeyStore.RelativeKeyPath);
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public async Task A_configured_key_is_used_instead_of_a_generated_one()
    {
        await using var server = new AuthTestServer(_data.Path, new Dictionary<string, string?> { ["Nexus:Auth:SigningKey"] = Convert.ToBase64String(new byte[48]) });

        var session = await server.SignUpAsync("ada@example.org");

        Assert.Equal(HttpStatusCode.OK, (await server.GetAsync("/api/auth/me", session.GetProperty("accessToken").GetString())).Status);
        Assert.False(File.Exists(Path.Combine(_data.Path, SigningKeyStore.RelativeKeyPath)));
    }

    [Theory]
    [InlineData("Nexus:Auth:SigningKey", "c2hvcnQ=")]
    [InlineData("Nexus:Auth:AccessTokenLifetime", "00:00:01")]
    [InlineData("Nexus:Auth:LockoutThreshold", "0")]
    [InlineData("Nexus:Auth:RateLimitPermits", "0")]
    public async Task A_bad_setting_stops_start_up_naming_it(string key, string value)
    {
        // The Kestrel-based host reports the start-up failure itself (the in-memory factory can race into ObjectDisposedException).
        var settings = new Dictionary<string, string?> { ["Nexus:DataDirectory"] = _data.Path, [key] = value };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServerHost.StartAsync(settings));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/workspaces/w/panels/p/ws", "abc", "abc")]
    [InlineData("/api/auth/me", "abc", null)]
    public void The_query_token_is_read_on_websocket_paths_only(string path, string token, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString("?access_token=" + token);

        Assert.Equal(expected, BearerToken.Read(context.Request));
    }
}
