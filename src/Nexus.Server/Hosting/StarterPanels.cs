using System.Collections.Frozen;
using System.Reflection;

namespace Nexus.Server.Hosting;

/// <summary>
/// The panels that ship with Nexus (the repository's <c>panels/</c> folder, embedded in this assembly), by template
/// id — the file name without <c>.nxml</c>. Every workspace offers them as templates
/// (<c>POST .../panels {templateId}</c>) and the UI lists them when a panel is added.
/// </summary>
public static class StarterPanels
{
    private const string Prefix = "panels/";

    /// <summary>Template id → NXML source.</summary>
    public static FrozenDictionary<string, string> All { get; } = Load();

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(StarterPanels).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".nxml", StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[Prefix.Length..^".nxml".Length], name => Read(assembly, name), StringComparer.Ordinal);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"the resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
