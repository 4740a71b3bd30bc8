using System.Text;
using System.Xml;
using Nexus.Nxml;

namespace Nexus.Benchmarks;

/// <summary>One corpus file: its name, its text and its size in UTF-8 bytes (the unit of every MB/s figure).</summary>
public sealed record CorpusFile(string Name, string Text, int Utf8Bytes);

/// <summary>
/// The benchmark corpus (<c>../shared/bench-corpus</c> beside the repository, or the folder named by
/// <c>NEXUS_BENCH_CORPUS</c> / <c>--corpus</c>), loaded once per process and validated: every file must parse
/// without a diagnostic and check without an error, or the benchmark would measure the error path.
/// </summary>
public sealed class Corpus
{
    /// <summary>The environment variable that overrides where the corpus is. BenchmarkDotNet's child processes inherit it.</summary>
    public const string EnvironmentVariable = "NEXUS_BENCH_CORPUS";

    /// <summary>
    /// The only errors the corpus may have. form.nxml declares boolean defaults "off" and "no"; the language
    /// contract (§2, and the conformance suite's err-invalid-default.nxml) accepts only true/false, so the checker
    /// reports INVALID_DEFAULT_VALUE on both. These two known errors are allowed; any other error fails the run.
    /// </summary>
    private static readonly Dictionary<string, (string Code, int[] Lines)> KnownErrors = new(StringComparer.Ordinal)
    {
        ["form.nxml"] = ("INVALID_DEFAULT_VALUE", [11, 12]),
    };

    private static readonly Lazy<Corpus> SharedInstance = new(() => Load(Locate()));

    private Corpus(string directory, IReadOnlyList<CorpusFile> files, IReadOnlyDictionary<string, string> xmlReaderFailures)
    {
        Directory = directory;
        Files = files;
        XmlReaderFailures = xmlReaderFailures;
        XmlReadable = [.. files.Where(f => !xmlReaderFailures.ContainsKey(f.Name))];
        TotalBytes = files.Sum(f => (long)f.Utf8Bytes);
        XmlReadableBytes = XmlReadable.Sum(f => (long)f.Utf8Bytes);
    }

    /// <summary>The corpus of this process (loaded and validated on first use; throws when it is missing or not clean).</summary>
    public static Corpus Shared => SharedInstance.Value;

    public string Directory { get; }

    /// <summary>All corpus files, ordered by name.</summary>
    public IReadOnlyList<CorpusFile> Files { get; }

    /// <summary>The files that <see cref="XmlReader"/> reads to the end without an exception.</summary>
    public IReadOnlyList<CorpusFile> XmlReadable { get; }

    /// <summary>Why XmlReader refuses the other files (file name to the XmlException's message).</summary>
    public IReadOnlyDictionary<string, string> XmlReaderFailures { get; }

    public long TotalBytes { get; }

    public long XmlReadableBytes { get; }

    public CorpusFile this[string name] => Files.FirstOrDefault(f => f.Name == name)
        ?? throw new KeyNotFoundException($"no corpus file '{name}' in {Directory}");

    /// <summary>The XmlReader settings of the physical baseline: nothing ignored, no DTD.</summary>
    public static XmlReaderSettings XmlSettings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = false,
        IgnoreWhitespace = false,
        IgnoreProcessingInstructions = false,
        CheckCharacters = true,
        XmlResolver = null,
    };

    /// <summary>
    /// Reads a document with <see cref="XmlReader"/>: every node, its name and value, and every attribute's
    /// name and value. Returns a number that depends on all of them so that nothing is skipped.
    /// </summary>
    public static long ReadWithXmlReader(string text)
    {
        long checksum = 0;
        using var reader = XmlReader.Create(new StringReader(text), XmlSettings);
        while (reader.Read())
        {
            checksum += reader.Name.Length + reader.Value.Length;
            if (reader.MoveToFirstAttribute())
            {
                do
                {
                    checksum += reader.Name.Length + reader.Value.Length;
                }
                while (reader.MoveToNextAttribute());
                reader.MoveToElement();
            }
        }

        return checksum;
    }

    /// <summary>Finds the corpus folder: the override if set, else <c>../shared/bench-corpus</c> beside the repository root.</summary>
    public static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return System.IO.Directory.Exists(overridden)
                ? Path.GetFullPath(overridden)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} names a folder that does not exist: {overridden}");
        }

        var root = FindRepositoryRoot(AppContext.BaseDirectory) ?? FindRepositoryRoot(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException(
                $"cannot find the repository root (the folder holding Nexus.slnx) above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; set {EnvironmentVariable} or pass --corpus");
        var corpus = Path.GetFullPath(Path.Combine(root, "..", "shared", "bench-corpus"));
        return System.IO.Directory.Exists(corpus)
            ? corpus
            : throw new DirectoryNotFoundException($"the benchmark corpus is missing: {corpus} (clone the project beside ../shared, set {EnvironmentVariable} or pass --corpus)");
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nexus.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Loads and validates a corpus folder; throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static Corpus Load(string directory)
    {
        var files = System.IO.Directory.GetFiles(directory, "*.nxml")
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var bytes = File.ReadAllBytes(path);
                var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
                return new CorpusFile(Path.GetFileName(path), text, bytes.Length);
            })
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"the benchmark corpus {directory} has no .nxml file");
        }

        var problems = new List<string>();
        var xmlFailures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            Validate(file, problems);
            try
            {
                ReadWithXmlReader(file.Text);
            }
            catch (XmlException ex)
            {
                xmlFailures[file.Name] = ex.Message;
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"the benchmark corpus {directory} does not check clean, so the benchmarks would measure the error path:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }

        return new Corpus(directory, files, xmlFailures);
    }

    private static void Validate(CorpusFile file, List<string> problems)
    {
        var parsed = NxmlDocument.Parse(file.Text);
        if (parsed.Panel is null || parsed.Diagnostics.Any(d => d.IsError))
        {
            problems.AddRange(parsed.Diagnostics.Where(d => d.IsError).Select(d => d.Format(file.Name)).DefaultIfEmpty($"{file.Name}: does not parse"));
            return;
        }

        var checkedDocument = NxmlDocument.Check(file.Text);
        var errors = checkedDocument.Errors.ToList();
        if (KnownErrors.TryGetValue(file.Name, out var known))
        {
            var expected = errors.Count == known.Lines.Length
                && errors.All(e => e.Code == known.Code)
                && errors.Select(e => e.Line).SequenceEqual(known.Lines);
            if (!expected)
            {
                problems.Add($"{file.Name}: expected exactly the known {known.Code} errors on lines {string.Join(", ", known.Lines)}, got: "
                    + (errors.Count == 0 ? "none" : string.Join("; ", errors.Select(e => e.Format(file.Name)))));
            }

            return;
        }

        problems.AddRange(errors.Select(e => e.Format(file.Name)));
    }
}
