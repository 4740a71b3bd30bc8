using System.Text.Json.Nodes;
using Nexus.Nxml;
using Nexus.Reactor;
using Nexus.Workspace.Extensions;

namespace Nexus.Workspace.Tests.Extensions;

/// <summary>The extensions as panels meet them: a real panel's handlers calling <c>$ext</c> through the workspace host.</summary>
public sealed class PanelExtensionTests : IAsyncDisposable
{
    private const string Notes = """
        <NexusPanel title="Notes">
          <Data>
            <State name="saved" type="string" />
          </Data>
          <Logic>
            <Extension name="nexus.fs" alias="fs" />
            <Extension name="nexus.kv" alias="kv" />
            <Extension name="nexus.http" alias="http" />
            <Tool name="save">
              <Arg name="text" type="string" />
              <Handler>
                await $ext.fs.write('notes/today.md', $args.text);
                $state.saved = await $ext.fs.read('notes/today.md');
                const files = await $ext.fs.list('notes');
                return files.map(f => f.path + ':' + f.size).join(',');
              </Handler>
            </Tool>
            <Tool name="draft">
              <Handler>
                await $ext.kv.set('draft', { words: ['a', 'b'] }, 60);
                const d = await $ext.kv.get('draft');
                return d.words.length;
              </Handler>
            </Tool>
            <Tool name="fetch">
              <Arg name="url" type="string" />
              <Handler>
                const r = await $ext.http.get($args.url, { Accept: 'application/json' });
                return r.json.answer;
              </Handler>
            </Tool>
            <Tool name="escape">
              <Handler>try { await $ext.fs.read('../nexus.json'); } catch (e) { return e.message; }</Handler>
            </Tool>
          </Logic>
          <View>
            <Text content="{$state.saved}" />
            <Button label="s" trigger="save" /><Button label="d" trigger="draft" />
            <Button label="f" trigger="fetch" /><Button label="e" trigger="escape" />
          </View>
        </NexusPanel>
        """;

    private readonly TempDirectory _temp = new();
    private readonly TestHttpServer _server = new(_ => Reply.Json("""{"answer":42}"""));
    private int _assetChanges;

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_handler_writes_reads_and_lists_assets_and_keeps_session_values()
    {
        using var host = Host();
        await using var panel = await Start(host);
        var saved = await panel.CallAsync("save", new JsonObject { ["text"] = "hello" });
        Assert.True(saved.Succeeded, saved.Error?.Message);
        Assert.Equal("notes/today.md:5", saved.ReturnValue!.GetValue<string>());
        Assert.Equal("hello", (await panel.GetStateAsync())["saved"]!.GetValue<string>());
        Assert.Equal("hello", File.ReadAllText(_temp.Combine("assets", "notes", "today.md")));
        Assert.Equal(1, _assetChanges);

        var draft = await panel.CallAsync("draft");
        Assert.True(draft.Succeeded, draft.Error?.Message);
        Assert.Equal(2, draft.ReturnValue!.GetValue<double>());

        var escape = await panel.CallAsync("escape");
        Assert.Equal("nexus.fs.read failed: '../nexus.json' contains '..': paths may not leave or re-enter folders", escape.ReturnValue!.GetValue<string>());
    }

    [Fact]
    public async Task A_handler_reaches_an_allowed_host_and_a_refused_ssrf_call_fails_the_tool_with_extension_error()
    {
        using var host = Host();
        await using var panel = await Start(host);
        var fetched = await panel.CallAsync("fetch", new JsonObject { ["url"] = $"http://api.example.test:{_server.Port}/answer" });
        Assert.True(fetched.Succeeded, fetched.Error?.Message);
        Assert.Equal(42, fetched.ReturnValue!.GetValue<double>());
        Assert.Equal("application/json", Assert.Single(_server.Received).Headers["Accept"]);

        var metadata = await panel.CallAsync("fetch", new JsonObject { ["url"] = "http://169.254.169.254/latest/meta-data/" });
        Assert.Equal("EXTENSION_ERROR", metadata.Error?.Code);
        Assert.Contains("resolves to a link-local address, which panels may not reach", metadata.Error!.Message, StringComparison.Ordinal);

        var loopback = await panel.CallAsync("fetch", new JsonObject { ["url"] = $"http://evil.example.test:{_server.Port}/" });
        Assert.Equal("EXTENSION_ERROR", loopback.Error?.Code);
        Assert.Contains("resolves to a loopback address", loopback.Error!.Message, StringComparison.Ordinal);
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task A_panel_calling_an_extension_the_workspace_did_not_enable_gets_extension_error()
    {
        using var host = Host(new ExtensionSettings());
        await using var panel = await Start(host);
        var result = await panel.CallAsync("fetch", new JsonObject { ["url"] = "https://api.example.test/" });
        Assert.Equal("EXTENSION_ERROR", result.Error?.Code);
        Assert.Contains("extension 'nexus.http' is not enabled in this workspace", result.Error!.Message, StringComparison.Ordinal);
    }

    private WorkspaceExtensionHost Host(ExtensionSettings? settings = null)
    {
        var resolver = new FakeResolver(new Dictionary<string, string[]> { ["api.example.test"] = ["127.0.0.1"], ["evil.example.test"] = ["127.0.0.1"] });
        var context = new BuiltInExtensionContext("ws-1", _temp.Combine("assets"), () => Interlocked.Increment(ref _assetChanges)) { Resolver = resolver };
        return WorkspaceExtensionHost.CreateBuiltIn(context, settings ?? new ExtensionSettings
        {
            Enabled = [BuiltInExtensions.Http, BuiltInExtensions.Fs, BuiltInExtensions.Kv],
            Http = new HttpExtensionOptions { AllowedHosts = ["*"], AllowPrivateNetworkHosts = ["api.example.test"] },
        });
    }

    private static async Task<PanelInstance> Start(WorkspaceExtensionHost host)
    {
        var document = NxmlDocument.Check(Notes);
        Assert.True(document.IsValid, string.Join("\n", document.Diagnostics.Select(d => d.Format("notes"))));
        return await PanelInstance.CreateAsync(document, new PanelInstanceOptions { PanelId = "notes", Extensions = host });
    }
}
