using System.Text;

namespace Nexus.Nxml.Json;

/// <summary>
/// A JSON path (<c>$.logic.tools[0].handler</c>) kept as a chain of segments and spelled out only when an
/// error needs it, so that reading a deep view costs one small object per level, not one string.
/// </summary>
internal sealed class JsonPathSegment
{
    public static readonly JsonPathSegment Root = new(null, "$");

    private readonly JsonPathSegment? _parent;
    private readonly string _segment;

    private JsonPathSegment(JsonPathSegment? parent, string segment)
    {
        _parent = parent;
        _segment = segment;
    }

    public JsonPathSegment Property(string name) => new(this, "." + name);

    public JsonPathSegment Index(int index) => new(this, $"[{index}]");

    public override string ToString()
    {
        var segments = new Stack<string>();
        for (var at = this; at is not null; at = at._parent)
        {
            segments.Push(at._segment);
        }

        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append(segment);
        }

        return builder.ToString();
    }
}
