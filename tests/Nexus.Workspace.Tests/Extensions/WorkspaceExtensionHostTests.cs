using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Reactor.Extensions;
using Nexus.Workspace.Extensions;

namespace Nexus.Workspace.Tests.Extensions;

public sealed class WorkspaceExtensionHostTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Only_enabled_extensions_answer_and_unknown_methods_are_named()
    {
        using var host = BuiltIn(new ExtensionSettings());
        Assert.Equal([BuiltInExtensions.Fs, BuiltInExtensions.Kv], host.Enabled.Order(StringComparer.Ordinal));
        Assert.Equal("extension 'nexus.http' is not enabled in this workspace", await Refused(host, BuiltInExtensions.Http, "get", "https://example.com/"));
        Assert.Equal("extension 'acme.crm' is not enabled in this workspace", await Refused(host, "acme.crm", "find"));
        Assert.Equal("nexus.fs has no method 'rm' (it has read, write, list, delete)", await Refused(host, BuiltInExtensions.Fs, "rm", "a.txt"));
        Assert.Equal("argument 1 (path) must be a string", await Refused(host, BuiltInExtensions.Fs, "read", new JsonArray()));
        Assert.Null(await host.InvokeAsync(new ExtensionCall("p", BuiltInExtensions.Kv, "get", [JsonValue.Create("k")]), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unexpected_failure_reaches_the_panel_as_a_short_reason_without_its_details()
    {
        using var host = new WorkspaceExtensionHost(new ExtensionSettings { Enabled = ["acme.broken"] }, [new Broken()]);
        Assert.Equal("an I/O error occurred", await Refused(host, "acme.broken", "go"));
    }

    [Fact]
    public void Two_extensions_with_one_name_are_refused() =>
        Assert.Throws<ArgumentException>(() => new WorkspaceExtensionHost(new ExtensionSettings(), [new Broken(), new Broken()]));

    [Fact]
    public void Settings_read_from_camel_case_json_and_keep_defaults_for_what_is_missing()
    {
        const string Json = """
            {
              "enabled": ["nexus.http", "nexus.kv"],
              "http": { "allowedHosts": ["api.example.com", "*.example.org"], "allowPrivateNetworkHosts": ["intranet.local"], "timeout": "00:00:03", "maxRedirects": 2 },
              "fs": { "maxFileBytes": 4096 },
              "kv": { "defaultTtl": "01:00:00", "maxTtl": null }
            }
            """;
        var settings = JsonSerializer.Deserialize<ExtensionSettings>(Json)!;
        Assert.Equal(["nexus.http", "nexus.kv"], settings.Enabled);
        Assert.Equal(["api.example.com", "*.example.org"], settings.Http.AllowedHosts);
        Assert.Equal(["intranet.local"], settings.Http.AllowPrivateNetworkHosts);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Http.Timeout);
        Assert.Equal(2, settings.Http.MaxRedirects);
        Assert.Equal(1024 * 1024, settings.Http.MaxResponseBytes);
        Assert.Equal(4096, settings.Fs.MaxFileBytes);
        Assert.Equal(1_000, settings.Fs.MaxFiles);
        Assert.Equal(TimeSpan.FromHours(1), settings.Kv.DefaultTtl);
        Assert.Null(settings.Kv.MaxTtl);
        Assert.Contains("\"allowedHosts\":[]", JsonSerializer.Serialize(new ExtensionSettings()), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_are_refused_with_the_option_named()
    {
        Assert.Contains("Timeout", Assert.Throws<ArgumentOutOfRangeException>(() => new HttpExtensionOptions { Timeout = TimeSpan.Zero }).Message, StringComparison.Ordinal);
        Assert.Contains("MaxResponseBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new HttpExtensionOptions { MaxResponseBytes = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("MaxRedirects", Assert.Throws<ArgumentOutOfRangeException>(() => new HttpExtensionOptions { MaxRedirects = -1 }).Message, StringComparison.Ordinal);
        Assert.Contains("'https://api.example.com'", Assert.Throws<ArgumentException>(() => new HttpExtensionOptions { AllowedHosts = ["https://api.example.com"] }).Message, StringComparison.Ordinal);
        Assert.Contains("AllowPrivateNetworkHosts", Assert.Throws<ArgumentException>(() => new HttpExtensionOptions { AllowPrivateNetworkHosts = ["*"] }).Message, StringComparison.Ordinal);
        Assert.Contains("MaxFiles", Assert.Throws<ArgumentOutOfRangeException>(() => new FsExtensionOptions { MaxFiles = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("MaxTtl", Assert.Throws<ArgumentOutOfRangeException>(() => new KvExtensionOptions { MaxTtl = TimeSpan.FromDays(400) }).Message, StringComparison.Ordinal);
        Assert.Contains("Enabled", Assert.Throws<ArgumentException>(() => new ExtensionSettings { Enabled = ["not a name"] }).Message, StringComparison.Ordinal);
        Assert.ThrowsAny<ArgumentException>(() => JsonSerializer.Deserialize<ExtensionSettings>("""{"http":{"maxRedirects":-3}}"""));
    }

    private WorkspaceExtensionHost BuiltIn(ExtensionSettings settings) =>
        WorkspaceExtensionHost.CreateBuiltIn(new BuiltInExtensionContext("ws", _temp.Combine("assets")), settings);

    private static async Task<string> Refused(WorkspaceExtensionHost host, string extension, string method, params JsonNode?[] args) =>
        (await Assert.ThrowsAsync<ExtensionException>(() => host.InvokeAsync(new ExtensionCall("p", extension, method, args), TestContext.Current.CancellationToken))).Message;

    /// <summary>An extension failing the way a bug or a full disk would, with a machine path in its message.</summary>
    private sealed class Broken : IWorkspaceExtension
    {
        public string Name => "acme.broken";

        public IReadOnlyList<string> Methods { get; } = ["go"];

        public Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken) =>
            Task.FromException<JsonNode?>(new IOException("disk full writing /srv/nexus/secret/path"));
    }
}
