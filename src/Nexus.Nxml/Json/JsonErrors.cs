using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nexus.Nxml.Json;

/// <summary>Turns System.Text.Json's errors into <see cref="NxmlJsonException"/>s worded in JSON terms, not .NET types.</summary>
internal static partial class JsonErrors
{
    public static NxmlJsonException From(JsonException ex)
    {
        // Errors below a component carry the rest of their path (the component converter reads a whole subtree).
        var below = ex.Data[ComponentJsonConverter.RelativePathKey] as string;
        var path = (string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path) + below;
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        var problem = (cut < 0 ? message : message[..cut]).TrimEnd();
        var conversion = ConversionMessage().Match(problem);
        if (conversion.Success)
        {
            problem = $"the value is not {Expected(conversion.Groups["type"].Value)}";
        }

        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
        return new NxmlJsonException(path, problem.TrimEnd('.') + where, ex);
    }

    /// <summary>What a .NET target type of the JSON AST records looks like in JSON.</summary>
    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("Int32", StringComparison.Ordinal) => "an integer",
        _ when type.Contains("System.String", StringComparison.Ordinal) && !type.Contains('[', StringComparison.Ordinal) => "a string",
        _ when type.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array",
        _ when type.Contains("KeyValuePair", StringComparison.Ordinal) => "an object of strings",
        _ when type.StartsWith("Nexus.Nxml.Json.", StringComparison.Ordinal) => "an object",
        _ => "of the expected type",
    };

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+)")]
    private static partial Regex ConversionMessage();
}
