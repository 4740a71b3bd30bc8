using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Cli.Output;
using Nexus.Reactor;
using Nexus.Reactor.Execution;

namespace Nexus.Cli.Commands;

/// <summary>
/// <c>nexus run FILE [--state JSON] --call TOOL [ARGS_JSON] ...</c>: loads the panel (saved state merged,
/// then mount), runs the calls in order on one instance and prints the state, every result and the log.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The NXML file" };
        var state = new Option<string?>("--state") { Description = "A saved state (a JSON object) merged over the defaults before mount" };
        var calls = new Option<string[]>("--call")
        {
            Description = "A tool to run, optionally followed by its arguments as JSON (an object by name or an array by position); repeatable",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("run", "Run tools of a panel and print { state, results, log } as JSON. Exit code 0 when it ran (even if a tool failed), 1 when the panel has errors, 2 for usage errors.")
        {
            file,
            state,
            calls,
        };
        command.SetAction((result, _) => RunAsync(result.GetRequiredValue(file), result.GetValue(state), result.GetValue(calls) ?? [], console));
        return command;
    }

    private static async Task<int> RunAsync(string path, string? stateJson, string[] callTokens, CliConsole console)
    {
        if (!TryParseCalls(callTokens, out var calls, out var problem) || !TryParseState(stateJson, out var saved, out problem))
        {
            console.Error.WriteLine("nexus: " + problem);
            return ExitCodes.Usage;
        }

        if (SourceFile.LoadValid(path, console, "the panel has errors and cannot run", out var refused) is not { } source)
        {
            return refused;
        }

        await using var panel = await PanelInstance.CreateAsync(source.Document, new PanelInstanceOptions { SavedState = saved });
        var results = new JsonArray();
        foreach (var (tool, args) in calls)
        {
            results.Add((await panel.CallAsync(tool, args)).ToJson());
        }

        var output = new JsonObject
        {
            ["state"] = await panel.GetStateAsync(),
            ["results"] = results,
            ["log"] = new JsonArray([.. panel.Log.Recent().Select(l => (JsonNode)$"{l.Level.ToString().ToLowerInvariant()}: {l.Message}")]),
        };
        console.Out.WriteLine(output.ToJsonString(CliJson.Options));
        return ExitCodes.Ok;
    }

    /// <summary>Tokens of every <c>--call</c>: a tool name, optionally followed by one JSON token (it starts with <c>{</c> or <c>[</c>).</summary>
    private static bool TryParseCalls(string[] tokens, out List<(string Tool, JsonNode? Args)> calls, out string? problem)
    {
        calls = [];
        problem = null;
        foreach (var token in tokens)
        {
            var trimmed = token.TrimStart();
            if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            {
                if (calls.Count == 0 || calls[^1].Args is not null)
                {
                    problem = $"--call: arguments {token} come before a tool name";
                    return false;
                }

                try
                {
                    calls[^1] = (calls[^1].Tool, JsonNode.Parse(token));
                }
                catch (JsonException ex)
                {
                    problem = $"--call {calls[^1].Tool}: the arguments are not valid JSON ({ex.Message})";
                    return false;
                }
            }
            else
            {
                calls.Add((token, null));
            }
        }

        return true;
    }

    private static bool TryParseState(string? json, out JsonObject? saved, out string? problem)
    {
        saved = null;
        problem = null;
        if (json is null)
        {
            return true;
        }

        try
        {
            saved = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException ex)
        {
            problem = $"--state is not valid JSON ({ex.Message})";
            return false;
        }

        problem = saved is null ? "--state must be a JSON object" : null;
        return saved is not null;
    }
}
