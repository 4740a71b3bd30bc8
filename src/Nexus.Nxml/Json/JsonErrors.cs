using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nexus.Nxml.Json;

/// <summary>
/// Turns System.Text.Json's errors into <see cref="NxmlJsonException"/>s worded in JSON terms: what the JSON AST
/// expects at that path (a string, an array, ...), never the .NET types of the records behind it.
/// </summary>
internal static partial class JsonErrors
{
    private static readonly HashSet<string> Booleans = ["required", "isAsync", "implicit", "newRow"];
    private static readonly HashSet<string> Integers = ["colSpan", "startLine", "startColumn", "endLine", "endColumn"];
    private static readonly HashSet<string> Objects = ["meta", "data", "logic", "view", "handler", "root", "loc", "layout", "props"];
    private static readonly HashSet<string> StringLists = ["tags", "comments", "endComments", "trailingComments"];
    private static readonly HashSet<string> NodeLists = ["states", "computed", "extensions", "tools", "handlers", "lifecycles", "args", "capabilities", "children"];

    public static NxmlJsonException From(JsonException ex)
    {
        // Errors below a component carry the rest of their path (the component converter reads a whole subtree).
        var below = ex.Data[ComponentJsonConverter.RelativePathKey] as string;
        var path = (string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path) + below;
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var problem = (cut < 0 ? message : message[..cut]).Trim().TrimEnd('.');
        if (problem.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
        {
            problem = $"the value is not {Expected(path)}";
        }

        problem = DeclaringType().Replace(problem, string.Empty);
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
        return new NxmlJsonException(path, problem + where, ex);
    }

    /// <summary>What the JSON AST holds at a path, judged by its last property name.</summary>
    private static string Expected(string path)
    {
        var match = LastSegment().Match(path);
        var name = match.Groups["name"].Value;
        var isItem = match.Groups["index"].Success;
        return (name, isItem) switch
        {
            ("", _) => "an object",
            (_, true) => StringLists.Contains(name) ? "a string" : "an object",
            _ when Booleans.Contains(name) => "true or false",
            _ when Integers.Contains(name) => "an integer",
            _ when Objects.Contains(name) => "an object",
            _ when StringLists.Contains(name) || NodeLists.Contains(name) => "an array",
            ("default", _) => "a JSON value",
            _ => "a string",
        };
    }

    [GeneratedRegex(@"(?:\.(?<name>[A-Za-z]+))?(?<index>\[\d+\])?$")]
    private static partial Regex LastSegment();

    [GeneratedRegex(@" (?:during deserialization )?(?:of|for) type '[^']*'")]
    private static partial Regex DeclaringType();
}
