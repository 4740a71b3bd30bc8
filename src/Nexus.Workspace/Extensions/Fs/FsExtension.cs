using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nexus.Reactor.Extensions;

namespace Nexus.Workspace.Extensions.Fs;

/// <summary>
/// <c>nexus.fs</c>: <c>read(path)</c> → text, <c>write(path, text)</c>, <c>list(dir?)</c> → <c>[{path, size,
/// isDirectory}]</c>, <c>delete(path)</c>, confined to the workspace's <c>assets/</c> folder (see
/// <see cref="AssetPaths"/> for what is refused). Text is UTF-8. Writes are atomic (a flushed temporary file in the
/// same folder, then a rename); after each successful write or delete the change callback runs so the workspace
/// can commit the assets.
/// </summary>
public sealed class FsExtension : IWorkspaceExtension, IDisposable
{
    /// <summary>How temporary files of atomic writes start (never listed, never committed).</summary>
    internal const string TempPrefix = ".nexus-tmp-";

    private static readonly EnumerationOptions NoLinks = new()
    {
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
    };

    private readonly AssetPaths _paths;
    private readonly FsExtensionOptions _options;
    private readonly Action? _onChanged;

    /// <summary>Changes are made one at a time, so that the total size and file count limits hold under concurrent panels.</summary>
    private readonly SemaphoreSlim _changes = new(1, 1);

    /// <param name="assetsRoot">Absolute path of the workspace's <c>assets/</c> folder; created on the first write.</param>
    /// <param name="options">The limits.</param>
    /// <param name="onChanged">Called after each successful write or delete.</param>
    public FsExtension(string assetsRoot, FsExtensionOptions options, Action? onChanged = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _paths = new AssetPaths(assetsRoot, options.MaxPathLength);
        _options = options;
        _onChanged = onChanged;
    }

    public string Name => BuiltInExtensions.Fs;

    public IReadOnlyList<string> Methods { get; } = ["read", "write", "list", "delete"];

    public async Task<JsonNode?> InvokeAsync(ExtensionCall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Method)
        {
            case "read":
                var read = new ExtensionArguments(request, "path");
                return await ReadAsync(read.RequiredString(0, "path"), cancellationToken).ConfigureAwait(false);
            case "list":
                var list = new ExtensionArguments(request, "dir");
                return List(list.OptionalString(0, "dir") ?? "");
            case "write":
                var write = new ExtensionArguments(request, "path", "text");
                return await ChangeAsync(() => WriteAsync(write.RequiredString(0, "path"), write.RequiredString(1, "text"), cancellationToken), cancellationToken).ConfigureAwait(false);
            case "delete":
                var delete = new ExtensionArguments(request, "path");
                return await ChangeAsync(() => Task.FromResult<JsonNode?>(Delete(delete.RequiredString(0, "path"))), cancellationToken).ConfigureAwait(false);
            default:
                throw new ExtensionException($"{Name} has no method '{request.Method}'");
        }
    }

    public void Dispose() => _changes.Dispose();

    private async Task<JsonNode?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var full = _paths.Resolve(path, allowRoot: false, ExtensionArguments.Error);
        if (!File.Exists(full))
        {
            throw ExtensionArguments.Error(Directory.Exists(full) ? $"'{path}' is a folder" : $"'{path}' does not exist");
        }

        var stream = new FileStream(full, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.Asynchronous });
        await using (stream.ConfigureAwait(false))
        {
            // The length is checked before reading and the read is bounded, in case the file grows meanwhile.
            if (stream.Length > _options.MaxFileBytes)
            {
                throw ExtensionArguments.Error($"'{path}' is larger than the limit of {_options.MaxFileBytes} bytes");
            }

            var buffer = new byte[stream.Length];
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
            return JsonValue.Create(Encoding.UTF8.GetString(buffer));
        }
    }

    private JsonArray List(string dir)
    {
        var full = _paths.Resolve(dir, allowRoot: true, ExtensionArguments.Error);
        if (!Directory.Exists(full))
        {
            return dir.Length == 0 ? [] : throw ExtensionArguments.Error(File.Exists(full) ? $"'{dir}' is a file" : $"'{dir}' does not exist");
        }

        var entries = new DirectoryInfo(full).EnumerateFileSystemInfos("*", NoLinks)
            .Where(e => !e.Name.StartsWith(TempPrefix, StringComparison.Ordinal))
            .Take(_options.MaxFiles + 1)
            .ToList();
        if (entries.Count > _options.MaxFiles)
        {
            throw ExtensionArguments.Error($"'{dir}' holds more than {_options.MaxFiles} entries");
        }

        return [.. entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => (JsonNode)new JsonObject
        {
            ["path"] = _paths.Relative(e.FullName),
            ["size"] = e is FileInfo file ? file.Length : 0,
            ["isDirectory"] = e is DirectoryInfo,
        })];
    }

    private async Task<JsonNode?> WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        var full = _paths.Resolve(path, allowRoot: false, ExtensionArguments.Error);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > _options.MaxFileBytes)
        {
            throw ExtensionArguments.Error($"the text is larger than the limit of {_options.MaxFileBytes} bytes");
        }

        if (Directory.Exists(full))
        {
            throw ExtensionArguments.Error($"'{path}' is a folder");
        }

        var existing = new FileInfo(full);
        var (files, total) = Usage();
        var filesAfter = files + (existing.Exists ? 0 : 1);
        var totalAfter = total - (existing.Exists ? existing.Length : 0) + bytes.Length;
        if (filesAfter > _options.MaxFiles)
        {
            throw ExtensionArguments.Error($"assets/ would hold more than {_options.MaxFiles} files");
        }

        if (totalAfter > _options.MaxTotalBytes)
        {
            throw ExtensionArguments.Error($"assets/ would hold more than {_options.MaxTotalBytes} bytes");
        }

        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Join(folder, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            var stream = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous });
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return new JsonObject { ["path"] = path, ["size"] = bytes.Length };
    }

    /// <summary>Deletes a file or an empty folder; answers whether something was deleted.</summary>
    private bool Delete(string path)
    {
        var full = _paths.Resolve(path, allowRoot: false, ExtensionArguments.Error);
        if (File.Exists(full))
        {
            File.Delete(full);
            return true;
        }

        if (!Directory.Exists(full))
        {
            return false;
        }

        if (Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw ExtensionArguments.Error($"'{path}' is a folder that is not empty");
        }

        Directory.Delete(full);
        return true;
    }

    /// <summary>Runs one change at a time and reports it unless it answered <c>false</c> (nothing was there to delete).</summary>
    private async Task<JsonNode?> ChangeAsync(Func<Task<JsonNode?>> change, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? result;
        try
        {
            result = await change().ConfigureAwait(false);
        }
        finally
        {
            _changes.Release();
        }

        if (result is not JsonValue done || done.GetValueKind() != JsonValueKind.False)
        {
            _onChanged?.Invoke();
        }

        return result;
    }

    /// <summary>Files and bytes under the root, links not followed (they are not reachable through nexus.fs anyway).</summary>
    private (int Files, long Bytes) Usage()
    {
        if (!Directory.Exists(_paths.Root))
        {
            return (0, 0);
        }

        var files = 0;
        var bytes = 0L;
        foreach (var file in new DirectoryInfo(_paths.Root).EnumerateFiles("*", new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true, RecurseSubdirectories = true }))
        {
            files++;
            bytes += file.Length;
        }

        return (files, bytes);
    }
}
