using System.Text.Json.Nodes;

namespace Nexus.Reactor.Tests;

public sealed class ExecutionTests
{
    private const string Monitor = """
        <NexusPanel title="Monitor">
          <Data>
            <State name="status" type="string" default="idle" />
            <State name="cpu" type="number" />
            <State name="log" type="list" />
          </Data>
          <Logic>
            <Extension name="nexus.http" alias="http" />
            <Tool name="refresh">
              <Handler>
                $state.status = 'loading';
                $state.log.push('start');
                const r = await $ext.http.get('https://status.example/health');
                $state.cpu = r.cpu;
                $state.log.push('done');
                $state.status = 'ok';
                return r.cpu;
              </Handler>
            </Tool>
            <Tool name="failAfterAwait">
              <Handler>
                $state.status = 'loading';
                await $ext.http.get('x');
                $state.cpu = 99;
                throw new Error('broken after the commit point');
              </Handler>
            </Tool>
            <Tool name="caught">
              <Handler>
                try { await $ext.http.get('x'); } catch (e) { return 'caught: ' + e.message; }
              </Handler>
            </Tool>
            <Tool name="uncaught"><Handler>return await $ext.http.get('x');</Handler></Tool>
            <Tool name="quick"><Handler>$state.cpu = 1; return 'quick';</Handler></Tool>
            <Lifecycle on="mount"><Handler>$log('mounted');</Handler></Lifecycle>
          </Logic>
          <View>
            <Text content="{$state.status} {$state.cpu} {$state.log}" />
            <Button label="r" trigger="refresh" /><Button label="f" trigger="failAfterAwait" />
            <Button label="c" trigger="caught" /><Button label="u" trigger="uncaught" /><Button label="q" trigger="quick" />
          </View>
        </NexusPanel>
        """;

    [Fact]
    public async Task Writes_before_an_await_of_a_host_call_are_committed_and_published_as_progress()
    {
        var extensions = new FakeExtensions();
        await using var panel = await Panels.Start(Monitor, extensions: extensions);
        var notifications = new List<StateCommitted>();
        using var _ = panel.Subscribe(n => { if (n is StateCommitted c) { lock (notifications) { notifications.Add(c); } } });

        var call = panel.CallAsync("refresh");
        var (request, answer) = await extensions.NextAsync();
        Assert.Equal(("nexus.http", "get", "https://status.example/health"), (request.Extension, request.Method, request.Arguments[0]!.GetValue<string>()));
        Assert.False(call.IsCompleted);
        var during = await panel.GetStateAsync();
        Assert.Equal("loading", during["status"]!.GetValue<string>());
        Assert.Equal("[\"start\"]", during["log"]!.ToJsonString());

        answer.SetResult(new JsonObject { ["cpu"] = 42 });
        var result = await call;
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(42, result.ReturnValue!.GetValue<double>());
        Assert.Equal(["status", "log", "cpu"], result.Mutations.Select(m => m.Key));
        Assert.Equal("[\"start\",\"done\"]", result.Mutations.Single(m => m.Key == "log").Value!.ToJsonString());
        Assert.Equal([true, false], notifications.Select(n => n.InProgress));
        Assert.Equal([1L, 2L], notifications.Select(n => n.Version));
    }

    [Fact]
    public async Task A_failure_after_a_commit_point_keeps_what_was_committed_and_discards_the_rest()
    {
        var extensions = new FakeExtensions { Immediate = _ => new JsonObject() };
        await using var panel = await Panels.Start(Monitor, extensions: extensions);
        var result = await panel.CallAsync("failAfterAwait");
        Assert.Equal("HANDLER_ERROR", result.Error?.Code);
        Assert.Contains("broken after the commit point", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("status", Assert.Single(result.Mutations).Key);
        var state = await panel.GetStateAsync();
        Assert.Equal("loading", state["status"]!.GetValue<string>());
        Assert.Equal(0, state["cpu"]!.GetValue<double>());
    }

    [Fact]
    public async Task An_extension_failure_can_be_caught_and_otherwise_fails_with_extension_error()
    {
        await using var panel = await Panels.Start(Monitor);
        var caught = await panel.CallAsync("caught");
        Assert.True(caught.Succeeded);
        Assert.Contains("not available on this host", caught.ReturnValue!.GetValue<string>(), StringComparison.Ordinal);
        var uncaught = await panel.CallAsync("uncaught");
        Assert.Equal("EXTENSION_ERROR", uncaught.Error?.Code);
    }

    [Fact]
    public async Task A_handler_waiting_too_long_on_an_extension_times_out_and_the_call_is_cancelled()
    {
        var extensions = new FakeExtensions();
        await using var panel = await Panels.Start(Monitor, limits: new ReactorOptions { Timeout = TimeSpan.FromMilliseconds(300) }, extensions: extensions);
        var call = panel.CallAsync("uncaught");
        var (_, answer) = await extensions.NextAsync();
        var result = await call;
        Assert.Equal("TIMEOUT", result.Error?.Code);
        Assert.True(answer.Task.IsCanceled);
        Assert.True((await panel.CallAsync("quick")).Succeeded);
    }

    [Fact]
    public async Task Calls_on_one_panel_run_one_at_a_time_in_arrival_order()
    {
        var extensions = new FakeExtensions();
        await using var panel = await Panels.Start(Monitor, extensions: extensions);
        var slow = panel.CallAsync("refresh");
        var (_, answer) = await extensions.NextAsync();
        var quick = panel.CallAsync("quick");
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(quick.IsCompleted);
        answer.SetResult(new JsonObject { ["cpu"] = 7 });
        Assert.Equal(7, (await slow).ReturnValue!.GetValue<double>());
        Assert.True((await quick).Succeeded);
        Assert.Equal(1, (await panel.GetStateAsync())["cpu"]!.GetValue<double>());
    }

    [Fact]
    public async Task Different_panels_run_in_parallel()
    {
        var extensions = new FakeExtensions();
        await using var blocked = await Panels.Start(Monitor, extensions: extensions);
        await using var other = await Panels.Start(Monitor, extensions: extensions);
        var waiting = blocked.CallAsync("refresh");
        var (_, answer) = await extensions.NextAsync();
        Assert.True((await other.CallAsync("quick")).Succeeded);
        answer.SetResult(new JsonObject { ["cpu"] = 1 });
        Assert.True((await waiting).Succeeded);
    }

    [Fact]
    public async Task The_version_increases_by_one_per_committed_change_and_failures_emit_system_error()
    {
        await using var panel = await Panels.Start(Monitor);
        var events = new List<string>();
        using var _ = panel.Subscribe(n => { if (n is EventEmitted e) { events.Add(e.Event.Name); } });
        Assert.Equal(0, panel.Version);
        await panel.CallAsync("quick");
        Assert.Equal(1, panel.Version);
        await panel.CallAsync("quick");
        Assert.Equal(1, panel.Version);
        await panel.CallAsync("uncaught");
        Assert.Equal(["system:error"], events);
        Assert.Contains(panel.Log.Recent(), l => l.Level == LogLevel.Error && l.Message.Contains("EXTENSION_ERROR", StringComparison.Ordinal));
        Assert.Contains(panel.Log.Recent(), l => l.Message == "mounted");
    }

    [Fact]
    public async Task Handler_errors_point_at_the_line_and_column_in_the_nxml_file()
    {
        var source = "<NexusPanel title=\"t\">\n<Data><State name=\"x\" type=\"number\"/></Data>\n<Logic>\n<Tool name=\"t\">\n  <Handler>\n    $state.x = 1;\n    const o = null;\n    o.boom();\n  </Handler>\n</Tool>\n</Logic>\n<View><Button label=\"t\" trigger=\"t\"/><Text content=\"{$state.x}\"/></View>\n</NexusPanel>";
        await using var panel = await Panels.Start(source);
        var result = await panel.CallAsync("t");
        Assert.Equal("HANDLER_ERROR", result.Error?.Code);
        Assert.Equal(8, result.Error!.Line);
        Assert.InRange(result.Error.Column!.Value, 5, 7);
        Assert.Empty(result.Mutations);
    }

    [Fact]
    public async Task A_document_with_errors_is_refused()
    {
        var document = Nexus.Nxml.NxmlDocument.Check("<NexusPanel title=\"t\"><View><Button label=\"x\" trigger=\"ghost\"/></View></NexusPanel>");
        await Assert.ThrowsAsync<ArgumentException>(() => PanelInstance.CreateAsync(document));
    }

    [Fact]
    public async Task A_disposed_panel_runs_unmount_and_refuses_calls()
    {
        var source = Panels.Panel("<State name=\"n\" type=\"number\" />", "<Tool name=\"t\"><Handler>$state.n++</Handler></Tool><Lifecycle on=\"unmount\"><Handler>$log('bye ' + $state.n)</Handler></Lifecycle>", "<Button label=\"t\" trigger=\"t\"/>");
        var panel = await Panels.Start(source);
        await panel.CallAsync("t");
        await panel.DisposeAsync();
        Assert.Contains(panel.Log.Recent(), l => l.Message == "bye 1");
        Assert.Throws<ObjectDisposedException>(() => { _ = panel.CallAsync("t"); });
    }

    [Fact]
    public async Task Describe_lists_tools_with_input_schemas_and_the_state_resource()
    {
        await using var panel = await Panels.Start(Monitor);
        var description = panel.Describe();
        Assert.Equal(["refresh", "failAfterAwait", "caught", "uncaught", "quick"], description.Tools.Select(t => t.Name));
        Assert.Equal("object", description.Tools[0].InputSchema.GetProperty("type").GetString());
        Assert.Equal("application/json", description.State.MimeType);
        Assert.True(description.State.Schema.GetProperty("properties").TryGetProperty("cpu", out _));
    }
}
