// Usage: Nexus.Workspace.CrashHost <workspace folder>
// Opens (or creates) a workspace with two counter panels and increments them from four concurrent callers until
// it is killed. After each call's result has returned it prints "ack <panel> <count>": the parent may then
// expect that count (or more) to survive the kill.
using System.Globalization;
using Nexus.Workspace;

var directory = args.Length == 1 ? args[0] : throw new ArgumentException("usage: Nexus.Workspace.CrashHost <workspace folder>");
var options = new WorkspaceOptions { PersistDebounce = TimeSpan.FromMilliseconds(20) };
var workspace = Directory.Exists(Path.Combine(directory, WorkspacePaths.RepositoryFolder))
    ? await NexusWorkspace.OpenAsync(directory, options)
    : await NexusWorkspace.CreateAsync(directory, "crash test", options);

const string Counter = """
    <NexusPanel title="Counter">
      <Data><State name="count" type="number" default="0" /></Data>
      <Logic>
        <Tool name="inc" description="Count one more"><Handler>$state.count = $state.count + 1; return $state.count;</Handler></Tool>
      </Logic>
      <View><Button label="+1" trigger="inc" /><Text content="{$state.count}" /></View>
    </NexusPanel>
    """;
foreach (var id in new[] { "a", "b" })
{
    if (workspace.FindPanel(id) is null)
    {
        await workspace.AddPanelAsync(Counter, id);
    }
}

var output = Console.Out;
var gate = new Lock();
Console.WriteLine("ready");
await Task.WhenAll(Enumerable.Range(0, 4).Select(caller => Task.Run(async () =>
{
    var panel = workspace.GetPanel(caller % 2 == 0 ? "a" : "b");
    while (true)
    {
        var result = await panel.CallAsync("inc");
        var count = result.ReturnValue!.GetValue<double>().ToString(CultureInfo.InvariantCulture);
        lock (gate)
        {
            output.WriteLine($"ack {panel.PanelId} {count}");
            output.Flush();
        }
    }
})));
