using System.Text.Json.Nodes;
using Nexus.Nxml;
using Nexus.Nxml.Syntax;
using Nexus.Reactor.Execution;

namespace Nexus.Reactor.Tests;

/// <summary>
/// The real panels of ../shared/conformance/wild run their tools as a user expects. Neither panel has a tool
/// that sets its draft (<c>currentNote</c>, <c>input</c>): the view's Input binds it. So a test presets the
/// draft the way a restored session does, through the saved state, then calls the tools a button would.
/// </summary>
public sealed class WildPanelTests
{
    private const string Placeholder = "This is a placeholder response. In production, this would call an actual AI service through MCP.";

    public static TheoryData<string> Files() => ["chat.nxml", "notes.nxml"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Panel_checks_without_errors(string file)
    {
        var document = NxmlDocument.Check(Source(file));
        Assert.True(document.IsValid, string.Join("\n", document.Errors.Select(e => e.Format(file))));
    }

    // notes.nxml

    [Fact]
    public async Task Notes_add_trims_the_draft_and_clears_it()
    {
        await using var panel = await Start("notes.nxml", new JsonObject { ["currentNote"] = "  Buy milk  " });
        var clock = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var result = await panel.CallAsync("addNote");

        AssertReturns(result, """{"success": true, "message": "Note added"}""");
        Assert.Equal(["notes", "currentNote"], result.Mutations.Select(m => m.Key));
        var state = await panel.GetStateAsync();
        var note = Assert.Single(state["notes"]!.AsArray())!.AsObject();
        Assert.Equal(["id", "content", "createdAt", "updatedAt"], note.Select(p => p.Key));
        Assert.Equal("Buy milk", note["content"]!.GetValue<string>());
        var created = note["createdAt"]!.GetValue<double>();
        Assert.InRange(created, clock - 1000, clock + 60_000);
        // id, createdAt and updatedAt are three readings of the clock, in that order.
        Assert.InRange(double.Parse(note["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), clock - 1000, created);
        Assert.InRange(note["updatedAt"]!.GetValue<double>(), created, created + 1000);
        AssertState(state, """{"currentNote": "", "filterQuery": "", "editingId": "", "editContent": ""}""");
    }

    [Theory]
    [InlineData("notes.nxml", "currentNote", "", "addNote", "Note cannot be empty")]
    [InlineData("notes.nxml", "currentNote", "   \n\t ", "addNote", "Note cannot be empty")]
    [InlineData("chat.nxml", "input", "", "sendMessage", "Message cannot be empty")]
    [InlineData("chat.nxml", "input", "  \n ", "sendMessage", "Message cannot be empty")]
    public async Task Adding_refuses_blank_text_and_changes_nothing(string file, string key, string text, string tool, string message)
    {
        await using var panel = await Start(file, new JsonObject { [key] = text });
        var before = await panel.GetStateAsync();

        var result = await panel.CallAsync(tool);

        AssertReturns(result, $$"""{"success": false, "error": "{{message}}"}""");
        Assert.Empty(result.Mutations);
        Assert.True(JsonNode.DeepEquals(before, await panel.GetStateAsync()));
    }

    [Fact]
    public async Task Notes_filter_shows_matching_notes_newest_first()
    {
        await using var panel = await Start("notes.nxml", Notes(filter: "ALP"));
        var shown = await NotesShown(panel);
        Assert.Equal(["Alpha"], shown);

        await using var unfiltered = await Start("notes.nxml", Notes(filter: ""));
        Assert.Equal(["beta", "Alpha"], await NotesShown(unfiltered));

        await using var nothing = await Start("notes.nxml", Notes(filter: "zeta"));
        Assert.Empty(await NotesShown(nothing));
    }

    [Fact]
    public async Task Notes_edit_update_cancel_delete_and_clear()
    {
        await using var panel = await Start("notes.nxml", Notes(filter: "a", draft: "Gamma"));

        var added = await panel.CallAsync("addNote");
        AssertReturns(added, """{"success": true, "message": "Note added"}""");
        var notes = (await panel.GetStateAsync())["notes"]!.AsArray();
        Assert.Equal(["Alpha", "beta", "Gamma"], notes.Select(n => n!["content"]!.GetValue<string>()));
        Assert.Equal(["Gamma", "beta", "Alpha"], await NotesShown(panel));

        // Edit: the Edit button passes the note's id and content; Save passes its id. A user's typing reaches
        // editContent through its Input; an agent sets it through startEdit's content, as here.
        AssertReturns(await panel.CallAsync("startEdit", new JsonObject { ["id"] = "1", ["content"] = "Alpha v2" }), """{"success": true}""");
        AssertState(await panel.GetStateAsync(), """{"editingId": "1", "editContent": "Alpha v2"}""");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var updated = await panel.CallAsync("updateNote", new JsonObject { ["id"] = "1" });
        AssertReturns(updated, """{"success": true, "message": "Note updated"}""");
        Assert.Equal(["notes", "editingId", "editContent"], updated.Mutations.Select(m => m.Key));
        var state = await panel.GetStateAsync();
        var first = state["notes"]![0]!.AsObject();
        Assert.Equal(["id", "content", "createdAt", "updatedAt"], first.Select(p => p.Key));
        Assert.Equal("Alpha v2", first["content"]!.GetValue<string>());
        Assert.Equal(1, first["createdAt"]!.GetValue<double>());
        Assert.True(first["updatedAt"]!.GetValue<double>() >= before);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"id": "2", "content": "beta", "createdAt": 2, "updatedAt": 2}"""), state["notes"]![1]));
        AssertState(state, """{"editingId": "", "editContent": ""}""");

        AssertReturns(await panel.CallAsync("startEdit", new JsonArray("2", "beta")), """{"success": true}""");
        var cancelled = await panel.CallAsync("cancelEdit");
        AssertReturns(cancelled, """{"success": true}""");
        Assert.Equal(["editingId", "editContent"], cancelled.Mutations.Select(m => m.Key));
        AssertState(await panel.GetStateAsync(), """{"editingId": "", "editContent": ""}""");

        // Deleting the note being edited leaves edit mode; the panel keeps the edit buffer.
        await panel.CallAsync("startEdit", new JsonObject { ["id"] = "2", ["content"] = "beta" });
        var deleted = await panel.CallAsync("deleteNote", new JsonArray("2"));
        AssertReturns(deleted, """{"success": true, "message": "Note deleted"}""");
        state = await panel.GetStateAsync();
        Assert.Equal(["Alpha v2", "Gamma"], state["notes"]!.AsArray().Select(n => n!["content"]!.GetValue<string>()));
        AssertState(state, """{"editingId": "", "editContent": "beta", "filterQuery": "a"}""");

        var unknown = await panel.CallAsync("deleteNote", new JsonObject { ["id"] = "no-such-note" });
        AssertReturns(unknown, """{"success": true, "message": "Note deleted"}""");
        Assert.Empty(unknown.Mutations);

        var cleared = await panel.CallAsync("clearAll");
        AssertReturns(cleared, """{"success": true, "message": "All notes cleared"}""");
        Assert.Equal(["notes", "filterQuery"], cleared.Mutations.Select(m => m.Key));
        AssertState(await panel.GetStateAsync(), """{"notes": [], "currentNote": "", "filterQuery": "", "editingId": "", "editContent": "beta"}""");
    }

    [Fact]
    public async Task Notes_tools_refuse_missing_ids()
    {
        await using var panel = await Start("notes.nxml", Notes(filter: ""));
        var result = await panel.CallAsync("deleteNote");
        Assert.Equal(RuntimeErrorCodes.InvalidArgs, result.Error?.Code);
        Assert.Equal(RuntimeErrorCodes.InvalidArgs, (await panel.CallAsync("startEdit", new JsonObject { ["id"] = "1" })).Error?.Code);
    }

    // chat.nxml

    [Fact]
    public async Task Chat_send_adds_the_message_and_a_reply_and_clears_the_input()
    {
        await using var panel = await Start("chat.nxml", new JsonObject { ["input"] = "  Hello  " });

        var result = await panel.CallAsync("sendMessage");

        AssertReturns(result, """{"success": true}""");
        Assert.Equal(["messages", "input"], result.Mutations.Select(m => m.Key));
        var state = await panel.GetStateAsync();
        AssertState(state, """{"input": "", "error": ""}""");
        var messages = state["messages"]!.AsArray();
        Assert.Equal(2, messages.Count);
        AssertMessage(messages[0]!, "user", "Hello");
        AssertMessage(messages[1]!, "assistant", $"I received your message: \"Hello\". {Placeholder}");
        Assert.True(messages[1]!["timestamp"]!.GetValue<double>() > messages[0]!["timestamp"]!.GetValue<double>());
    }

    [Fact]
    public async Task Chat_retry_resends_the_last_user_message()
    {
        await using var panel = await Start("chat.nxml", new JsonObject { ["input"] = "first" });
        AssertReturns(await panel.CallAsync("sendMessage"), """{"success": true}""");
        var replies = (await panel.GetStateAsync())["messages"]!.AsArray().Count;
        Assert.Equal(2, replies);

        var result = await panel.CallAsync("retryLast");

        // retryLast sets the input to the last user message and calls sendMessage, which clears it again: the
        // input ends as it began, so only the messages changed.
        AssertReturns(result, """{"success": true}""");
        Assert.Equal(["messages"], result.Mutations.Select(m => m.Key));
        var state = await panel.GetStateAsync();
        AssertState(state, """{"input": "", "error": ""}""");
        var messages = state["messages"]!.AsArray();
        Assert.Equal(4, messages.Count);
        AssertMessage(messages[2]!, "user", "first");
        AssertMessage(messages[3]!, "assistant", $"I received your message: \"first\". {Placeholder}");
    }

    [Fact]
    public async Task Chat_retry_without_messages_or_without_a_user_message_does_nothing()
    {
        await using var empty = await Start("chat.nxml");
        var none = await empty.CallAsync("retryLast");
        AssertReturns(none, """{"success": false, "error": "No messages to retry"}""");
        Assert.Empty(none.Mutations);

        var onlyReplies = new JsonObject { ["messages"] = JsonNode.Parse("""[{"id": "1", "role": "assistant", "content": "hi", "timestamp": 1}]""") };
        await using var panel = await Start("chat.nxml", onlyReplies);
        var result = await panel.CallAsync("retryLast");
        AssertReturns(result, """{"success": false, "error": "No user message to retry"}""");
        Assert.Empty(result.Mutations);
    }

    [Fact]
    public async Task Chat_clear_history_empties_messages_input_and_error()
    {
        var saved = new JsonObject
        {
            ["messages"] = JsonNode.Parse("""[{"id": "1", "role": "user", "content": "hi", "timestamp": 1}]"""),
            ["input"] = "draft",
            ["error"] = "the service is down",
        };
        await using var panel = await Start("chat.nxml", saved);

        var result = await panel.CallAsync("clearHistory");

        AssertReturns(result, """{"success": true, "message": "Chat history cleared"}""");
        Assert.Equal(["messages", "input", "error"], result.Mutations.Select(m => m.Key));
        AssertState(await panel.GetStateAsync(), """{"messages": [], "input": "", "error": ""}""");
    }

    private static string Source(string file) => File.ReadAllText(Path.Combine(TestPaths.Conformance, "wild", file));

    private static Task<PanelInstance> Start(string file, JsonObject? saved = null) => Panels.Start(Source(file), saved);

    private static JsonObject Notes(string filter, string draft = "") => new()
    {
        ["notes"] = JsonNode.Parse("""
            [{"id": "1", "content": "Alpha", "createdAt": 1, "updatedAt": 1},
             {"id": "2", "content": "beta", "createdAt": 2, "updatedAt": 2}]
            """),
        ["currentNote"] = draft,
        ["filterQuery"] = filter,
    };

    /// <summary>The contents of the notes the view's list shows: its <c>Iterate</c>'s items, evaluated as the renderer would.</summary>
    private static async Task<string[]> NotesShown(PanelInstance panel)
    {
        // The program (shared by every document of the same source) knows the attributes of its own document.
        var iterate = Find(panel.Runtime.Program.Panel.View!.Root!, "Iterate");
        var items = await panel.EvaluateAsync(iterate, "over");
        return [.. items!.AsArray().Select(n => n!["content"]!.GetValue<string>())];
    }

    private static ComponentNode Find(ComponentNode node, string type) =>
        node.Type == type ? node : node.Children.Select(c => TryFind(c, type)).First(c => c is not null)!;

    private static ComponentNode? TryFind(ComponentNode node, string type) =>
        node.Type == type ? node : node.Children.Select(c => TryFind(c, type)).FirstOrDefault(c => c is not null);

    private static void AssertReturns(ToolResult result, string expected)
    {
        Assert.True(result.Succeeded, $"{result.Tool}: {result.Error?.Code} {result.Error?.Message}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result.ReturnValue), $"{result.Tool} returned {result.ReturnValue?.ToJsonString()}");
    }

    private static void AssertState(JsonObject state, string expected)
    {
        foreach (var (key, value) in JsonNode.Parse(expected)!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(value, state[key]), $"state.{key} is {state[key]?.ToJsonString()}, expected {value?.ToJsonString()}");
        }
    }

    private static void AssertMessage(JsonNode message, string role, string content)
    {
        var fields = message.AsObject();
        Assert.Equal(["id", "role", "content", "timestamp"], fields.Select(p => p.Key));
        Assert.Equal(role, fields["role"]!.GetValue<string>());
        Assert.Equal(content, fields["content"]!.GetValue<string>());
        var id = double.Parse(fields["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(fields["timestamp"]!.GetValue<double>() >= id, $"timestamp before id: {fields.ToJsonString()}");
    }
}
