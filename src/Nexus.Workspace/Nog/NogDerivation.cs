using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nexus.Graph;
using Nexus.Nxml;
using Nexus.Nxml.Checking;
using Nexus.Nxml.Syntax;

namespace Nexus.Workspace.Nog;

/// <summary>
/// Derives a panel's part of the NOG from its checked NXML. Entities (all <c>active</c>, with
/// <see cref="NogEntity.SourcePanel"/> set and a <c>kind</c> property saying what they are):
/// <list type="bullet">
/// <item><c>panel:&lt;id&gt;</c>, category <c>component</c> (name = title, description and tags from the meta);</item>
/// <item><c>state:&lt;id&gt;/&lt;name&gt;</c> and <c>computed:&lt;id&gt;/&lt;name&gt;</c>, category <c>data</c>;</item>
/// <item><c>tool:&lt;id&gt;/&lt;name&gt;</c>, category <c>action</c> (description = the tool's);</item>
/// <item><c>extension:&lt;id&gt;/&lt;name&gt;</c>, category <c>resource</c>.</item>
/// </list>
/// Relationships (source <c>system</c>, id <c>&lt;type&gt;:&lt;from&gt;-&gt;&lt;to&gt;</c>): the panel <c>contains</c>
/// each part; a tool <c>consumes</c> the states and computeds its handler reads, <c>transforms</c> the states it
/// writes and <c>uses</c> the tools it calls through <c>$tools</c>; a computed <c>depends_on</c> what its
/// expression reads; an extension is <c>used_by</c> each tool whose handler names its alias. Only static names
/// count (<c>$state[k]</c> gives no relationship). No timestamps: deriving the same source twice gives equal parts.
/// </summary>
public static partial class NogDerivation
{
    /// <summary>The error code of a document that did not parse or was not checked (<see cref="NxmlDocument.Check(string, CheckOptions?)"/>).</summary>
    public const string PanelNotChecked = "PANEL_NOT_CHECKED";

    /// <summary>The error code of a panel id that does not match <c>^[a-z0-9][a-z0-9-]{0,62}$</c>.</summary>
    public const string InvalidPanelId = "INVALID_PANEL_ID";

    /// <summary>
    /// The panel's derived part. Names that are missing or duplicated in an invalid document are skipped (the
    /// first declaration wins), so a document with errors still derives what it can.
    /// </summary>
    public static DerivedPanelGraph Derive(string panelId, NxmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (panelId is null || !PanelIdPattern().IsMatch(panelId))
        {
            throw new GraphException(InvalidPanelId, $"'{panelId}' is not a panel id: it must match ^[a-z0-9][a-z0-9-]{{0,62}}$");
        }

        if (document.Panel is not { } panel || document.Analysis is not { } analysis)
        {
            throw new GraphException(PanelNotChecked, $"panel '{panelId}' has no checked syntax tree to derive from (it did not parse, or was parsed without checking)");
        }

        return new Derivation(panelId).Run(panel, analysis);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PanelIdPattern();

    /// <summary>One derivation: collects entities and relationships, dropping duplicates by id.</summary>
    private sealed class Derivation(string panelId)
    {
        private readonly Dictionary<string, NogEntity> _entities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, NogRelationship> _relationships = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _dataIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _extensionIdsByAlias = new(StringComparer.Ordinal);

        public DerivedPanelGraph Run(PanelNode panel, PanelAnalysis analysis)
        {
            var panelEntityId = DerivedIds.Panel(panelId);
            Add(panelEntityId, panel.Meta.Title ?? panelId, EntityCategory.Component, panel.Meta.Description, [.. panel.Meta.Tags],
                Properties("panel", ("title", panel.Meta.Title), ("version", panel.Meta.Version), ("author", panel.Meta.Author)));

            foreach (var state in panel.States.Where(s => s.Name is not null))
            {
                AddPart(DerivedIds.State(panelId, state.Name!), state.Name!, EntityCategory.Data, null, Properties("state", ("type", state.Type)), dataName: state.Name);
            }

            foreach (var computed in panel.Computeds.Where(c => c.Name is not null))
            {
                AddPart(DerivedIds.Computed(panelId, computed.Name!), computed.Name!, EntityCategory.Data, null, Properties("computed", ("expression", computed.Value)), dataName: computed.Name);
            }

            foreach (var extension in panel.Logic?.Extensions ?? [])
            {
                if (extension.Name is { } name && extension.EffectiveAlias is { } alias)
                {
                    var id = DerivedIds.Extension(panelId, name);
                    AddPart(id, name, EntityCategory.Resource, null, Properties("extension", ("name", name), ("alias", alias), ("source", extension.Source)));
                    _extensionIdsByAlias.TryAdd(alias, id);
                }
            }

            var tools = panel.Tools.Where(t => t.Name is not null).ToList();
            foreach (var tool in tools)
            {
                var properties = Properties("tool");
                properties["args"] = new JsonArray([.. tool.Args.Where(a => a.Name is not null).Select(a => JsonValue.Create(a.Name))]);
                AddPart(DerivedIds.Tool(panelId, tool.Name!), tool.Name!, EntityCategory.Action, tool.Description, properties);
            }

            foreach (var (name, dependencies) in analysis.ComputedDependencies)
            {
                var from = DerivedIds.Computed(panelId, name);
                foreach (var key in dependencies)
                {
                    Link(RelationshipType.DependsOn, from, _dataIds.GetValueOrDefault(key));
                }
            }

            foreach (var tool in tools)
            {
                if (analysis.Tools.TryGetValue(tool.Name!, out var handler))
                {
                    DeriveTool(DerivedIds.Tool(panelId, tool.Name!), handler);
                }
            }

            return new DerivedPanelGraph(
                panelId,
                [.. _entities.Values.OrderBy(e => e.Id, StringComparer.Ordinal)],
                [.. _relationships.Values.OrderBy(r => r.Id, StringComparer.Ordinal)]);
        }

        private void DeriveTool(string toolId, HandlerAnalysis handler)
        {
            foreach (var key in handler.StateReads)
            {
                Link(RelationshipType.Consumes, toolId, _dataIds.GetValueOrDefault(key));
            }

            foreach (var key in handler.StateWrites)
            {
                Link(RelationshipType.Transforms, toolId, _dataIds.GetValueOrDefault(key));
            }

            foreach (var called in handler.ToolsCalled)
            {
                Link(RelationshipType.Uses, toolId, DerivedIds.Tool(panelId, called));
            }

            foreach (var alias in handler.Extensions)
            {
                Link(RelationshipType.UsedBy, _extensionIdsByAlias.GetValueOrDefault(alias), toolId);
            }
        }

        private void AddPart(string id, string name, EntityCategory category, string? description, JsonObject properties, string? dataName = null)
        {
            if (_entities.ContainsKey(id))
            {
                return;
            }

            Add(id, name, category, description, [], properties);
            Link(RelationshipType.Contains, DerivedIds.Panel(panelId), id);
            if (dataName is not null)
            {
                _dataIds.TryAdd(dataName, id);
            }
        }

        private void Add(string id, string name, EntityCategory category, string? description, ImmutableArray<string> tags, JsonObject properties) =>
            _entities.TryAdd(id, new NogEntity
            {
                Id = id,
                Name = name,
                Category = category,
                Status = EntityStatus.Active,
                Description = description,
                SourcePanel = panelId,
                Tags = tags,
                Properties = NogProperties.From(properties),
            });

        /// <summary>Adds a relationship when both ends are entities of this panel (a dangling name gives none).</summary>
        private void Link(RelationshipType type, string? from, string? to)
        {
            if (from is null || to is null || !_entities.ContainsKey(from) || !_entities.ContainsKey(to))
            {
                return;
            }

            var id = NogRelationship.DefaultId(type, from, to);
            _relationships.TryAdd(id, new NogRelationship { Id = id, From = from, To = to, Type = type, Meta = RelationshipMeta.System });
        }

        private static JsonObject Properties(string kind, params (string Name, string? Value)[] values)
        {
            var properties = new JsonObject { ["kind"] = kind };
            foreach (var (name, value) in values)
            {
                if (value is not null)
                {
                    properties[name] = value;
                }
            }

            return properties;
        }
    }
}
