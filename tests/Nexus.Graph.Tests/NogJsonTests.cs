using Nexus.Graph.Json;

namespace Nexus.Graph.Tests;

public sealed class NogJsonTests
{
    private const string Canonical = """
        {
          "entities": [
            {
              "id": "concept:tasks",
              "name": "Tasks",
              "category": "concept",
              "status": "active",
              "description": "Things to do — in order",
              "tags": [
                "core",
                "Work"
              ],
              "properties": {
                "a": 1.50,
                "nested": {
                  "b": [
                    true,
                    null
                  ],
                  "c": "x"
                }
              },
              "createdAt": "2025-01-02T03:04:05.0000000Z",
              "updatedAt": "2025-01-02T03:04:06.1234567Z",
              "version": 3
            },
            {
              "id": "state:tasks/items",
              "name": "items",
              "category": "data",
              "status": "active",
              "sourcePanel": "tasks",
              "version": 1
            }
          ],
          "relationships": [
            {
              "id": "depends_on:concept:tasks->state:tasks/items",
              "from": "concept:tasks",
              "to": "state:tasks/items",
              "type": "depends_on",
              "label": "reads",
              "meta": {
                "strength": 0.75,
                "confidence": 0.5,
                "source": "ai",
                "notes": "guessed"
              },
              "createdAt": "2025-01-02T03:04:05.0000000Z"
            }
          ],
          "views": {
            "concept:tasks": {
              "x": 10,
              "y": -2
            }
          }
        }

        """;

    [Fact]
    public void Canonical_json_round_trips_byte_for_byte()
    {
        var document = NogJson.Parse(Canonical);

        Assert.Equal(Canonical, NogJson.Serialize(document));
        Assert.Equal(Canonical, NogJson.Serialize(NogJson.ParseGraph(Canonical)));
    }

    [Fact]
    public void Parsing_reads_every_field()
    {
        var document = NogJson.Parse(Canonical);

        var concept = document.Entities[0];
        Assert.Equal(EntityStatus.Active, concept.Status);
        Assert.Equal(["core", "Work"], concept.Tags);
        Assert.Equal(3, concept.Version);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), concept.CreatedAt);
        Assert.Equal("tasks", document.Entities[1].SourcePanel);
        var link = Assert.Single(document.Relationships);
        Assert.Equal(RelationshipType.DependsOn, link.Type);
        Assert.Equal(0.75, link.Meta.Strength);
        Assert.Equal(RelationshipSource.Ai, link.Meta.Source);
        Assert.Equal("10", document.ViewHints["concept:tasks"]["x"].GetRawText());
    }

    [Fact]
    public void Serialization_sorts_by_id_and_sorts_property_keys_whatever_the_input_order()
    {
        var shuffled = """
            {"relationships": [], "entities": [
              {"id": "b", "name": "B", "properties": {"z": {"q": 1, "p": 2}, "a": "x"}},
              {"id": "a", "name": "A"}
            ]}
            """;

        var written = NogJson.Serialize(NogJson.Parse(shuffled));

        Assert.True(written.IndexOf("\"id\": \"a\"", StringComparison.Ordinal) < written.IndexOf("\"id\": \"b\"", StringComparison.Ordinal));
        Assert.True(written.IndexOf("\"a\": \"x\"", StringComparison.Ordinal) < written.IndexOf("\"z\"", StringComparison.Ordinal));
        Assert.True(written.IndexOf("\"p\": 2", StringComparison.Ordinal) < written.IndexOf("\"q\": 1", StringComparison.Ordinal));
        Assert.EndsWith("}\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", written, StringComparison.Ordinal);
        Assert.Equal(written, NogJson.Serialize(NogJson.Parse(written)));
    }

    [Fact]
    public void Every_relationship_type_is_written_in_snake_case_and_read_back()
    {
        var graph = new NogGraph();
        graph.AddEntity(Graphs.Entity("a"));
        foreach (var type in Enum.GetValues<RelationshipType>())
        {
            graph.AddRelationship(Graphs.Link("a", type, "a"));
        }

        var json = NogJson.Serialize(graph);
        var back = NogJson.ParseGraph(json);

        Assert.Contains("\"type\": \"depends_on\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"conflicts_with\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"part_of\"", json, StringComparison.Ordinal);
        Assert.Equal(Enum.GetValues<RelationshipType>().Length, back.RelationshipCount);
        Assert.All(back.Relationships, r => Assert.Equal(graph.GetRelationship(r.Id), r));
    }

    [Theory]
    [InlineData("{\"entities\": [", GraphErrorCodes.InvalidJson, "line 1")]
    [InlineData("[]", GraphErrorCodes.InvalidJson, "expected an object")]
    [InlineData("{\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"catgory\": \"data\"}]}", GraphErrorCodes.InvalidJson, "$.entities[0]: unknown field 'catgory'")]
    [InlineData("{\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"category\": \"thing\"}]}", GraphErrorCodes.InvalidJson, "'thing' is not one of concept")]
    [InlineData("{\"entities\": [{\"id\": \"a\"}]}", GraphErrorCodes.InvalidJson, "missing field 'name'")]
    [InlineData("{\"entities\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]}", GraphErrorCodes.DuplicateId, "'a'")]
    [InlineData("{\"entities\": [{\"id\": \"a\", \"name\": \"\"}]}", GraphErrorCodes.InvalidEntity, "$.entities[0]")]
    [InlineData("{\"relationships\": [{\"id\": \"r\", \"from\": \"a\", \"to\": \"b\", \"meta\": {\"strength\": 3}}]}", GraphErrorCodes.InvalidRelationship, "strength")]
    [InlineData("{\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"properties\": {\"k\": 1, \"k\": 2}}]}", GraphErrorCodes.InvalidJson, "not valid JSON")]
    [InlineData("{\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"createdAt\": \"yesterday\"}]}", GraphErrorCodes.InvalidJson, "not an ISO 8601")]
    public void Bad_json_is_a_graph_exception_with_a_code_and_a_place(string json, string code, string fragment)
    {
        var error = Assert.Throws<GraphException>(() => NogJson.Parse(json));

        Assert.Equal(code, error.Code);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_may_point_at_entities_it_does_not_hold_but_a_graph_may_not()
    {
        const string json = """{"relationships": [{"id": "r", "from": "panel:x", "to": "concept:y"}]}""";

        Assert.Single(NogJson.Parse(json).Relationships);
        Assert.Equal(GraphErrorCodes.MissingEndpoint, Assert.Throws<GraphException>(() => NogJson.ParseGraph(json)).Code);
    }

    [Fact]
    public void Json_deeper_than_the_limit_is_refused()
    {
        var deep = "{\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"properties\": {\"k\": " + new string('[', 100) + new string(']', 100) + "}}]}";

        var error = Assert.Throws<GraphException>(() => NogJson.Parse(deep));

        Assert.Equal(GraphErrorCodes.InvalidJson, error.Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NogJsonOptions { MaxDepth = 2 });
    }
}
