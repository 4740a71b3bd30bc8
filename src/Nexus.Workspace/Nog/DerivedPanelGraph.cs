using System.Collections.Immutable;
using Nexus.Graph;

namespace Nexus.Workspace.Nog;

/// <summary>The entities and relationships derived from one panel's source, each sorted by id.</summary>
public sealed record DerivedPanelGraph(string PanelId, ImmutableArray<NogEntity> Entities, ImmutableArray<NogRelationship> Relationships);

/// <summary>
/// The ids of derived entities. They depend only on the panel id and the names in the source, so a derivation
/// of the same source always gives the same ids, and authored relationships can point at them.
/// </summary>
public static class DerivedIds
{
    public static string Panel(string panelId) => $"panel:{panelId}";

    public static string State(string panelId, string name) => $"state:{panelId}/{name}";

    public static string Computed(string panelId, string name) => $"computed:{panelId}/{name}";

    public static string Tool(string panelId, string name) => $"tool:{panelId}/{name}";

    /// <summary>By extension name (<c>extension:tasks/nexus.http</c>), not alias: it names what is used.</summary>
    public static string Extension(string panelId, string extensionName) => $"extension:{panelId}/{extensionName}";
}
