using System.Globalization;
using System.Text.Json;

namespace Nexus.Nxml.Checking;

/// <summary>The five value types of NXML (§2) and how a <c>default</c> attribute is read for each.</summary>
public static class ValueTypes
{
    public const string String = "string";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string List = "list";
    public const string Object = "object";

    public static readonly IReadOnlyList<string> All = [String, Number, Boolean, List, Object];

    public static bool IsKnown(string? type) => type is String or Number or Boolean or List or Object;

    /// <summary>The value a State or Arg of this type has when it declares no default.</summary>
    public static JsonElement DefaultOf(string type) => type switch
    {
        Number => JsonSerializer.SerializeToElement(0, NxmlJsonContext.Default.Int32),
        Boolean => JsonSerializer.SerializeToElement(false, NxmlJsonContext.Default.Boolean),
        List => Parse("[]"),
        Object => Parse("{}"),
        _ => JsonSerializer.SerializeToElement(string.Empty, NxmlJsonContext.Default.String),
    };

    /// <summary>Reads a <c>default</c> attribute by type; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParseDefault(string type, string text, out JsonElement value, out string? error)
    {
        error = null;
        value = default;
        switch (type)
        {
            case String:
                value = JsonSerializer.SerializeToElement(text, NxmlJsonContext.Default.String);
                return true;
            case Number when TryParseNumber(text, out var number):
                value = JsonSerializer.SerializeToElement(number, NxmlJsonContext.Default.Double);
                return true;
            case Number:
                error = $"'{Shorten(text)}' is not a number (write a JavaScript number such as 3, -2.5 or 1e3)";
                return false;
            case Boolean when text.Trim() is "true" or "false":
                value = JsonSerializer.SerializeToElement(text.Trim() == "true", NxmlJsonContext.Default.Boolean);
                return true;
            case Boolean:
                error = $"'{Shorten(text)}' is not a boolean (write true or false)";
                return false;
            case List or Object:
                return TryParseJson(type, text, out value, out error);
            default:
                error = $"unknown type '{type}'";
                return false;
        }
    }

    /// <summary>
    /// Whether a <c>default</c> attribute reads as a value of the type, without building the value (the checker
    /// only needs the verdict; <see cref="TryParseDefault"/> builds it).
    /// </summary>
    public static bool IsValidDefault(string type, string text, out string? error)
    {
        switch (type)
        {
            case String:
                error = null;
                return true;
            case List or Object:
                return IsJsonOfKind(type, text, out error);
            case Number when TryParseNumber(text, out _):
                error = null;
                return true;
            case Boolean when text.AsSpan().Trim() is "true" or "false":
                error = null;
                return true;
            default:
                // Only to phrase the error.
                return TryParseDefault(type, text, out _, out error);
        }
    }

    /// <summary>A JavaScript-style number literal: decimal with optional fraction and exponent, or 0x/0o/0b integers; finite only.</summary>
    public static bool TryParseNumber(string text, out double number)
    {
        number = 0;
        var span = text.AsSpan().Trim();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length > 2 && span[0] == '0' && char.ToLowerInvariant(span[1]) is 'x' or 'o' or 'b')
        {
            var radix = char.ToLowerInvariant(span[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            if (!TryParseInteger(span[2..], radix, out number))
            {
                return false;
            }
        }
        else if (!IsDecimalLiteral(span) || !TryParseDecimal(span, out number))
        {
            return false;
        }

        number = negative ? -number : number;
        return double.IsFinite(number);
    }

    /// <summary>Parses a decimal literal; digit separators (<c>_</c>) are dropped first, which only then costs a copy.</summary>
    private static bool TryParseDecimal(ReadOnlySpan<char> span, out double number) => span.Contains('_')
        ? double.TryParse(span.ToString().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
        : double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    private static bool IsDecimalLiteral(ReadOnlySpan<char> span)
    {
        var digits = 0;
        var i = 0;
        for (; i < span.Length && (char.IsAsciiDigit(span[i]) || (span[i] == '_' && digits > 0)); i++)
        {
            digits += span[i] == '_' ? 0 : 1;
        }

        if (i < span.Length && span[i] == '.')
        {
            for (i++; i < span.Length && char.IsAsciiDigit(span[i]); i++)
            {
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < span.Length && (span[i] == 'e' || span[i] == 'E'))
        {
            i++;
            if (i < span.Length && (span[i] == '+' || span[i] == '-'))
            {
                i++;
            }

            var exponentDigits = 0;
            for (; i < span.Length && char.IsAsciiDigit(span[i]); i++)
            {
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == span.Length;
    }

    private static bool TryParseInteger(ReadOnlySpan<char> digits, int radix, out double number)
    {
        number = 0;
        foreach (var c in digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : -1;
            if (c == '_')
            {
                continue;
            }

            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            number = (number * radix) + digit;
        }

        return true;
    }

    private static bool TryParseJson(string type, string text, out JsonElement value, out string? error)
    {
        value = default;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            var kind = document.RootElement.ValueKind;
            var expected = type == List ? JsonValueKind.Array : JsonValueKind.Object;
            if (kind != expected)
            {
                error = $"a {type} default must be a JSON {(type == List ? "array such as [1, 2]" : "object such as {\"a\": 1}")}, not {Describe(kind)}";
                return false;
            }

            value = document.RootElement.Clone();
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"'{Shorten(text)}' is not valid JSON: {ex.Message.Split('.')[0]}";
            return false;
        }
    }

    private static bool IsJsonOfKind(string type, string text, out string? error)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = System.Text.Encoding.UTF8.GetBytes(text, buffer);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), new JsonReaderOptions { MaxDepth = 64 });
            var expected = type == List ? JsonTokenType.StartArray : JsonTokenType.StartObject;
            if (!reader.Read() || reader.TokenType != expected)
            {
                // Let the full reader phrase the error (wrong kind, empty text, ...).
                return TryParseJson(type, text, out _, out error);
            }

            while (reader.Read())
            {
            }

            error = null;
            return true;
        }
        catch (JsonException)
        {
            return TryParseJson(type, text, out _, out error);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "true, false or null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
