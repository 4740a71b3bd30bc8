using Nexus.Nxml.Parsing;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml.Checking.Js;

/// <summary>
/// A piece of JavaScript to analyse and how its offsets map back to the NXML file. Code that stands in the
/// source unchanged is parsed in place (offsets are source offsets); code whose text was decoded (entities)
/// is parsed from the decoded value and mapped back through the raw text; code without a source (built in
/// code) maps to <see cref="Fallback"/>.
/// </summary>
internal readonly record struct JsCode(string Text, int Start, int Length, int RawStart, int RawEnd, bool InSource, SourceSpan Fallback)
{
    /// <summary>Handler code: always raw text in the source when it came from one.</summary>
    public static JsCode ForHandler(string source, HandlerNode handler) => handler.CodeSpan.IsEmpty
        ? new JsCode(handler.Code, 0, handler.Code.Length, 0, 0, InSource: false, handler.Span)
        : new JsCode(source, handler.CodeSpan.Start.Offset, handler.CodeSpan.Length, 0, 0, InSource: true, handler.CodeSpan);

    /// <summary>A part of an attribute value or element text (<paramref name="start"/> and <paramref name="length"/> index the decoded value).</summary>
    public static JsCode ForValue(string source, string value, SourceSpan valueSpan, int start, int length, SourceSpan fallback)
    {
        if (valueSpan.IsEmpty)
        {
            return new JsCode(value, start, length, 0, 0, InSource: false, fallback);
        }

        var rawStart = valueSpan.Start.Offset;
        if (valueSpan.Length == value.Length && source.AsSpan(rawStart, value.Length).SequenceEqual(value))
        {
            return new JsCode(source, rawStart + start, length, 0, 0, InSource: true, fallback);
        }

        return new JsCode(value, start, length, rawStart, valueSpan.End.Offset, InSource: false, valueSpan);
    }

    /// <summary>The code itself, in the text that holds it.</summary>
    public ReadOnlySpan<char> Span => Text.AsSpan(Start, Length);

    /// <summary>The code itself, as a string of its own.</summary>
    public string Code => Start == 0 && Length == Text.Length ? Text : Text.Substring(Start, Length);

    /// <summary>The source span of [<paramref name="relativeStart"/>, <paramref name="relativeEnd"/>), offsets counted from the code's start.</summary>
    public SourceSpan Locate(string source, Func<LineMap> lines, int relativeStart, int relativeEnd)
    {
        var start = Start + relativeStart;
        var end = Start + relativeEnd;
        if (InSource)
        {
            var map = lines();
            return new SourceSpan(map.PositionOf(start), map.PositionOf(Math.Max(start, end)));
        }

        if (RawEnd == 0)
        {
            return Fallback;
        }

        var rawStartOffset = ToRawOffset(source, start);
        var rawEndOffset = ToRawOffset(source, Math.Max(start, end));
        var lineMap = lines();
        return new SourceSpan(lineMap.PositionOf(rawStartOffset), lineMap.PositionOf(rawEndOffset));
    }

    /// <summary>Walks the raw text, decoding entities, until <paramref name="decodedOffset"/> decoded characters are passed.</summary>
    private int ToRawOffset(string source, int decodedOffset)
    {
        var raw = RawStart;
        var decoded = 0;
        var scratch = new System.Text.StringBuilder(2);
        while (decoded < decodedOffset && raw < RawEnd)
        {
            if (source[raw] == '&')
            {
                scratch.Clear();
                var used = EntityDecoder.TryDecode(source.AsSpan(raw, RawEnd - raw), scratch, out _);
                if (used > 0)
                {
                    raw += used;
                    decoded += Math.Max(1, scratch.Length);
                    continue;
                }
            }

            raw++;
            decoded++;
        }

        return raw;
    }
}
