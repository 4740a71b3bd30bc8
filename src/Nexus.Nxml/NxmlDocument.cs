using System.Collections.Immutable;
using System.Text;
using System.Text.Unicode;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Diagnostics;
using Nexus.Nxml.Layout;
using Nexus.Nxml.Parsing;
using Nexus.Nxml.Syntax;

namespace Nexus.Nxml;

/// <summary>
/// A checked NXML document: the front door of the language. <see cref="Check(string, CheckOptions?)"/> returns
/// the syntax tree (when the document parsed) and every diagnostic; it never throws on any input.
/// </summary>
public sealed class NxmlDocument
{
    private NxmlDocument(string source, PanelNode? panel, ImmutableArray<Diagnostic> diagnostics, PanelAnalysis? analysis)
    {
        Source = source;
        Panel = panel;
        Diagnostics = diagnostics;
        Analysis = analysis;
    }

    public string Source { get; }

    /// <summary>The syntax tree; null when the document did not parse (see <see cref="Diagnostics"/>).</summary>
    public PanelNode? Panel { get; }

    /// <summary>Every diagnostic, ordered by position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>What the checker learned about the handlers (capabilities, state use); null when not checked.</summary>
    public PanelAnalysis? Analysis { get; }

    /// <summary>True when the document parsed and has no error (warnings never block a panel).</summary>
    public bool IsValid => Panel is not null && !Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    /// <summary>Parses and checks a document, then runs the layout pass on its view.</summary>
    public static NxmlDocument Check(string source, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= CheckOptions.Default;
        var diagnostics = new List<Diagnostic>();
        try
        {
            var panel = ParseInto(source, options, diagnostics);
            if (panel is null)
            {
                return new NxmlDocument(source, null, Sorted(diagnostics), null);
            }

            var analysis = PanelChecker.Check(source, panel, options, diagnostics);
            var finished = LayoutPass.Apply(analysis.WithAsyncHandlers(panel));
            return new NxmlDocument(source, finished, Sorted(diagnostics), analysis);
        }
        catch (InsufficientExecutionStackException)
        {
            return TooDeepForThisThread(source);
        }
    }

    /// <summary>Checks a document given as UTF-8 bytes (a BOM is allowed); invalid UTF-8 is a <c>PARSE_ERROR</c>.</summary>
    public static NxmlDocument Check(ReadOnlySpan<byte> utf8, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        if (utf8.Length > options.MaxDocumentBytes)
        {
            return new NxmlDocument(string.Empty, null, [TooLarge(utf8.Length, options)], null);
        }

        if (!Utf8.IsValid(utf8))
        {
            var valid = ValidPrefixLength(utf8);
            var prefix = Encoding.UTF8.GetString(utf8[..valid]);
            var at = LineMap.Build(prefix).PositionOf(prefix.Length);
            var diagnostic = Diagnostic.At(
                DiagnosticCodes.ParseError,
                $"the document is not valid UTF-8 text (bad byte 0x{utf8[valid]:X2} at byte offset {valid})",
                new SourceSpan(at, at),
                []);
            return new NxmlDocument(prefix, null, [diagnostic], null);
        }

        return Check(Encoding.UTF8.GetString(utf8), options);
    }

    /// <summary>
    /// Checks a document read from a stream of UTF-8 bytes. At most <see cref="CheckOptions.MaxDocumentBytes"/> + 1
    /// bytes are read, so an oversized input is refused without reading it all.
    /// </summary>
    public static NxmlDocument Check(Stream utf8, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        options ??= CheckOptions.Default;
        var buffer = new byte[options.MaxDocumentBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = utf8.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        return Check(buffer.AsSpan(0, length), options);
    }

    /// <summary>Parses without checking: the tree and the syntax diagnostics only (no layout, no handler analysis).</summary>
    public static NxmlDocument Parse(string source, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new List<Diagnostic>();
        try
        {
            var panel = ParseInto(source, options ?? CheckOptions.Default, diagnostics);
            return new NxmlDocument(source, panel, Sorted(diagnostics), null);
        }
        catch (InsufficientExecutionStackException)
        {
            return TooDeepForThisThread(source);
        }
    }

    private static PanelNode? ParseInto(string source, CheckOptions options, List<Diagnostic> diagnostics)
    {
        var size = Utf8Size(source, options.MaxDocumentBytes);
        if (size > options.MaxDocumentBytes)
        {
            diagnostics.Add(TooLarge(size, options));
            return null;
        }

        if (UnpairedSurrogate(source) is var index and >= 0)
        {
            // Not Unicode text: no UTF-8 file can hold it, and no JSON value or writer can carry it further.
            var at = LineMap.Build(source).PositionOf(index);
            diagnostics.Add(Diagnostic.At(
                DiagnosticCodes.ParseError,
                $"the document is not valid Unicode text (unpaired surrogate U+{(int)source[index]:X4} at character offset {index})",
                new SourceSpan(at, at),
                []));
            return null;
        }

        var markup = MarkupReader.Read(source, options.MaxNestingDepth);
        diagnostics.AddRange(markup.Diagnostics);
        return markup.Root is null ? null : PanelBuilder.Build(source, markup, diagnostics);
    }

    /// <summary>The offset of the first UTF-16 surrogate without its pair, or -1 (text without surrogates is one vectorised scan).</summary>
    private static int UnpairedSurrogate(string source)
    {
        var offset = 0;
        while (source.AsSpan(offset).IndexOfAnyInRange('\uD800', '\uDFFF') is var found and >= 0)
        {
            var i = offset + found;
            if (!char.IsHighSurrogate(source[i]) || i + 1 == source.Length || !char.IsLowSurrogate(source[i + 1]))
            {
                return i;
            }

            offset = i + 2;
        }

        return -1;
    }

    /// <summary>The UTF-8 size of the text, counted only when the character count alone cannot decide.</summary>
    private static long Utf8Size(string source, int limit)
    {
        if (source.Length > limit)
        {
            return source.Length;
        }

        return source.Length <= limit / 3 ? source.Length : Encoding.UTF8.GetByteCount(source);
    }

    private static NxmlDocument TooDeepForThisThread(string source) => new(
        source,
        null,
        [Diagnostic.At(
            DiagnosticCodes.NestingTooDeep,
            "the document is nested too deeply for the stack of the thread checking it (lower CheckOptions.MaxNestingDepth or check on a thread with a larger stack)",
            new SourceSpan(SourcePosition.Start, SourcePosition.Start),
            [])],
        null);

    private static Diagnostic TooLarge(long size, CheckOptions options) => Diagnostic.At(
        DiagnosticCodes.DocumentTooLarge,
        $"the document has {size:N0} bytes or more; the limit is {options.MaxDocumentBytes:N0}",
        new SourceSpan(SourcePosition.Start, SourcePosition.Start),
        []);

    private static int ValidPrefixLength(ReadOnlySpan<byte> utf8)
    {
        var status = Utf8.ToUtf16(utf8, new char[utf8.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? utf8.Length : read;
    }

    private static ImmutableArray<Diagnostic> Sorted(List<Diagnostic> diagnostics)
    {
        // A stable sort: diagnostics at one position keep the order the checker found them in.
        return [.. diagnostics.OrderBy(static d => d.Line).ThenBy(static d => d.Column)];
    }
}
