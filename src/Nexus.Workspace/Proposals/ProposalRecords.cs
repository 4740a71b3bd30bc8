using System.Text.Json;
using System.Text.Json.Serialization;
using Nexus.Workspace.Git;

namespace Nexus.Workspace.Proposals;

/// <summary>
/// Proposal records kept as <c>&lt;id&gt;.json</c> files on the metadata ref <c>refs/nexus/proposals</c>: versioned,
/// carried by clones, never merged into main. Parsed records are cached until the ref moves.
/// </summary>
internal sealed class ProposalRecords(GitStore store)
{
    public const string Reference = "refs/nexus/proposals";

    private const string Extension = ".json";

    private readonly Lock _gate = new();
    private string? _cachedTip;
    private Dictionary<string, Proposal> _cached = [];

    public IReadOnlyCollection<Proposal> All() => Current().Values;

    public Proposal? Find(string id) => Current().GetValueOrDefault(id);

    public bool Contains(string id) => Current().ContainsKey(id);

    public void Save(Proposal proposal, string message)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(proposal, ProposalJsonContext.Default.Proposal);
        store.CommitToReference(Reference, [FileChange.Write(proposal.Id + Extension, json)], message);
    }

    private Dictionary<string, Proposal> Current()
    {
        lock (_gate)
        {
            var tip = store.ReferenceSha(Reference);
            if (tip != _cachedTip)
            {
                _cached = tip is null ? [] : Load(tip);
                _cachedTip = tip;
            }

            return _cached;
        }
    }

    private Dictionary<string, Proposal> Load(string tip)
    {
        var records = new Dictionary<string, Proposal>(StringComparer.Ordinal);
        foreach (var path in store.ListFiles(revision: tip))
        {
            if (!path.EndsWith(Extension, StringComparison.Ordinal) || store.ReadFile(path, tip) is not { } bytes)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(bytes, ProposalJsonContext.Default.Proposal) is { } proposal)
                {
                    records[proposal.Id] = proposal;
                }
            }
            catch (JsonException)
            {
                // A damaged record (edited by hand, say) must not hide the others; it stays in Git's history.
            }
        }

        return records;
    }
}

/// <summary>Source-generated JSON for proposal records.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(Proposal))]
internal sealed partial class ProposalJsonContext : JsonSerializerContext;
