using Nexus.Nxml.Capabilities;
using Nexus.Nxml.Checking;

namespace Nexus.Nxml.Tests.Checking;

public sealed class CapabilityInferenceTests
{
    private static HandlerAnalysis Tool(string handler, string extraLogic = "", string data = "")
    {
        var source = $"""
            <NexusPanel title="t">
              <Data>
                <State name="todos" type="list" />
                <State name="count" type="number" />
                <State name="name" type="string" />
                {data}
              </Data>
              <Logic>
                <Extension name="nexus.http" alias="http" />
                {extraLogic}
                <Tool name="t"><Handler><![CDATA[{handler}]]></Handler></Tool>
                <Lifecycle on="mount"><Handler>$log('m')</Handler></Lifecycle>
              </Logic>
            </NexusPanel>
            """;
        var document = NxmlDocument.Check(source);
        Assert.False(document.Errors.Any(), ConformanceTests.Describe(document));
        return document.Analysis!.Tools["t"];
    }

    private static string[] Granted(HandlerAnalysis analysis) => [.. analysis.Capabilities.Describe()];

    [Fact]
    public void Reads_and_writes_of_state_keys_are_inferred()
    {
        var analysis = Tool("$state.count = $state.count + 1; return $state.name;");
        Assert.Equal(["state:read:count", "state:read:name", "state:write:count"], Granted(analysis));
        Assert.False(analysis.CapabilitiesDeclared);
    }

    [Theory]
    [InlineData("$state.todos.push(1)")]
    [InlineData("$state.todos[0].done = true")]
    [InlineData("delete $state.todos[0].x")]
    [InlineData("$state.todos[0].n++")]
    [InlineData("Object.assign($state.todos[0], { a: 1 })")]
    [InlineData("const t = $state.todos.find(x => x.id === 1); if (t) t.done = !t.done;")]
    [InlineData("$state.todos.forEach(t => { t.done = true; })")]
    [InlineData("for (const t of $state.todos) t.done = true;")]
    [InlineData("const [first] = $state.todos; first.done = true;")]
    [InlineData("$state.todos.filter(t => t.done)[0].archived = true")]
    public void Deep_mutation_and_aliases_count_as_writes(string code)
    {
        Assert.Contains("state:write:todos", Granted(Tool(code)));
    }

    [Theory]
    [InlineData("return $state.todos.filter(t => t.done).reverse();")]
    [InlineData("const copy = $state.todos.slice(); copy.push(1); return copy;")]
    [InlineData("return $state.todos.map(t => t.id).sort();")]
    public void Changing_a_fresh_copy_is_not_a_write(string code)
    {
        var granted = Granted(Tool(code));
        Assert.Contains("state:read:todos", granted);
        Assert.DoesNotContain("state:write:todos", granted);
    }

    [Fact]
    public void Events_extensions_and_view_are_inferred_and_dynamic_names_grant_the_star_scope()
    {
        var analysis = Tool("""
            $emit('toast', 'hi');
            $emit(`done`);
            const r = await $ext.http.get('https://example.com');
            $view.getElementById('x').setProp('a', 1);
            $log('no capability needed');
            """);
        Assert.Equal(["events:emit:done", "events:emit:toast", "ext:http", "view:update:*"], Granted(analysis));
        Assert.True(analysis.IsAsync);

        var dynamic = Tool("const n = 'e'; $emit(n); return $state[n];");
        Assert.Equal(["events:emit:*", "state:read:*"], Granted(dynamic));
        Assert.False(dynamic.IsAsync);
    }

    [Theory]
    [InlineData("class A { [$state.count] = 1; m() { $state.name = 'x'; } }")]
    [InlineData("class A { static f = $state.count; [$state.name]() { } }")]
    [InlineData("const o = { [$state.count]: 1, k: $state.name = 'x' };")]
    [InlineData("outer: for (const k of [$state.count]) { $state.name = 'x'; break outer; }")]
    public void Class_members_object_keys_and_labelled_loops_are_walked(string code)
    {
        var granted = Granted(Tool(code));
        Assert.Contains("state:read:count", granted);
        Assert.Contains(granted, g => g.EndsWith(":name", StringComparison.Ordinal));
    }

    [Fact]
    public void Forbidden_globals_in_class_members_are_reported()
    {
        var source = """
            <NexusPanel title="t">
              <Logic><Tool name="t"><Handler>class A { [window.x] = 1; m() { return fetch('/'); } }</Handler></Tool></Logic>
              <View><Button label="t" trigger="t"/></View>
            </NexusPanel>
            """;
        var errors = NxmlDocument.Check(source).Errors.Where(e => e.Code == "FORBIDDEN_GLOBAL").Select(e => e.Message.Split('\'')[1]);
        Assert.Equal(["window", "fetch"], errors);
    }

    [Fact]
    public void Tools_calls_are_recorded_but_grant_nothing()
    {
        var analysis = Tool("await $tools.other({ x: 1 });", "<Tool name=\"other\"><Arg name=\"x\" type=\"number\"/><Handler>$state.count = $args.x;</Handler></Tool>");
        Assert.Empty(Granted(analysis));
        Assert.Equal(["other"], analysis.ToolsCalled);
    }

    [Fact]
    public void Declared_capabilities_replace_inference()
    {
        var source = """
            <NexusPanel title="t">
              <Data><State name="a" type="number" /><State name="b" type="number" /></Data>
              <Logic>
                <Tool name="t">
                  <Capabilities><Capability type="state:write" scope="a" /><Capability type="events:emit" /></Capabilities>
                  <Handler>$state.a = 1; $state.b = 2;</Handler>
                </Tool>
              </Logic>
              <View><Button label="t" trigger="t"/></View>
            </NexusPanel>
            """;
        var analysis = NxmlDocument.Check(source).Analysis!.Tools["t"];
        Assert.True(analysis.CapabilitiesDeclared);
        Assert.Equal(["events:emit:*", "state:write:a"], Granted(analysis));
        Assert.True(analysis.Capabilities.Allows(CapabilityKind.StateRead, "a"));
        Assert.False(analysis.Capabilities.Allows(CapabilityKind.StateWrite, "b"));
        Assert.True(analysis.Capabilities.Allows(CapabilityKind.EventsEmit, "anything"));
    }

    [Fact]
    public void Capability_scopes_must_name_something_that_exists()
    {
        var source = """
            <NexusPanel title="t">
              <Data><State name="a" type="number" /><Computed name="c" value="$state.a * 2" /></Data>
              <Logic>
                <Tool name="t">
                  <Capabilities>
                    <Capability type="state:read" scope="ghost" />
                    <Capability type="state:write" scope="c" />
                    <Capability type="ext" scope="nope" />
                  </Capabilities>
                  <Handler>return 1;</Handler>
                </Tool>
              </Logic>
            </NexusPanel>
            """;
        var codes = NxmlDocument.Check(source).Errors.Select(e => (e.Code, e.Line)).ToList();
        Assert.Equal([("UNDEFINED_STATE_REFERENCE", 6), ("COMPUTED_NOT_WRITABLE", 7), ("UNDECLARED_EXTENSION", 8)], codes);
    }

    [Fact]
    public void Handlers_shared_by_name_are_analysed_once_and_marked_async()
    {
        var source = """
            <NexusPanel title="t">
              <Data><State name="a" type="number" /></Data>
              <Logic>
                <Handler name="h">$state.a = await Promise.resolve($state.nope);</Handler>
                <Tool name="t1" handler="h" />
                <Tool name="t2" handler="h" />
              </Logic>
              <View><Button label="1" trigger="t1"/><Button label="2" trigger="t2"/></View>
            </NexusPanel>
            """;
        var document = NxmlDocument.Check(source);
        Assert.Single(document.Errors, e => e.Code == "UNDEFINED_STATE_REFERENCE");
        Assert.True(document.Panel!.Logic!.Handlers.Single().IsAsync);
        Assert.Contains("state:write:a", Granted(document.Analysis!.Tools["t2"]));
    }
}
