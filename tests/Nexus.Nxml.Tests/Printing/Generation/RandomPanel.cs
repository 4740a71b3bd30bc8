namespace Nexus.Nxml.Tests.Printing.Generation;

/// <summary>
/// Generates the source of a random <b>valid</b> panel from a choice sequence: states of every type with
/// valid defaults, computeds over them, extensions, named handlers, tools with args, capabilities and
/// handler code, lifecycles, and a view of Standard Component Library (and custom) components with
/// bindings, interpolations and Iterate scopes, all written in a random non-canonical style with comments.
/// </summary>
internal sealed partial class RandomPanel
{
    private static readonly string[] Types = ["string", "number", "boolean", "list", "object"];
    private static readonly (string Name, string Alias)[] ExtensionPool = [("nexus.http", "http"), ("nexus.kv", "kv"), ("acme.store2", "store2")];

    private readonly Choices _choose;
    private readonly SourceWriter _out;
    private readonly List<(string Name, string Type)> _states = [];
    private readonly List<string> _computeds = [];
    private readonly List<string> _tools = [];
    private readonly List<string> _namedHandlers = [];
    private readonly List<(string Name, string? Alias, string EffectiveAlias)> _extensions = [];
    private int _viewIds;

    private RandomPanel(int[] choices)
    {
        _choose = new Choices(choices);
        _out = new SourceWriter(_choose);
    }

    public static string Write(int[] choices) => new RandomPanel(choices).Write();

    private IEnumerable<string> Readable => _states.Select(s => s.Name).Concat(_computeds);

    private string Write()
    {
        DeclareNames();
        if (_choose.Chance(10))
        {
            _out.Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + _out.Newline);
        }

        _out.MaybeComment();
        _out.Open("NexusPanel", Meta());
        var sections = new List<Action> { WriteData };
        if (_tools.Count + _extensions.Count + _namedHandlers.Count > 0 || _choose.Chance(50))
        {
            sections.Add(WriteLogic);
        }

        if (_choose.Chance(92))
        {
            sections.Add(WriteView);
        }

        foreach (var section in _choose.Shuffle(sections))
        {
            _out.MaybeComment();
            section();
        }

        _out.Close("NexusPanel");
        _out.MaybeComment();
        return _out.ToString();
    }

    /// <summary>Names first: handler code and the view refer to states, tools and extensions declared anywhere.</summary>
    private void DeclareNames()
    {
        var prefixes = new[] { "s", "_s", "$s", "count", "item_", "S" };
        var states = 1 + _choose.Count(5);
        for (var i = 0; i < states; i++)
        {
            _states.Add((_choose.Pick(prefixes) + i, _choose.Pick(Types)));
        }

        var computeds = _choose.Count(3);
        for (var i = 0; i < computeds; i++)
        {
            _computeds.Add(_choose.Pick("c", "total", "$c") + i);
        }

        var tools = _choose.Count(4);
        for (var i = 0; i < tools; i++)
        {
            _tools.Add(_choose.Pick("t", "doIt", "_run") + i);
        }

        var handlers = _choose.Count(2);
        for (var i = 0; i < handlers; i++)
        {
            _namedHandlers.Add("h" + i);
        }

        foreach (var (name, alias) in ExtensionPool)
        {
            if (_choose.Chance(25))
            {
                var written = _choose.Chance(40) ? "x" + alias : _choose.Chance(30) ? alias : null;
                _extensions.Add((name, written, written ?? alias));
            }
        }
    }

    private IEnumerable<(string, string?)> Meta()
    {
        yield return ("title", Text());
        yield return ("id", _choose.Chance(50) ? "panel-" + _choose.Next(100) : null);
        yield return ("description", _choose.Chance(40) ? Text() : null);
        yield return ("version", _choose.Chance(40) ? "1.0." + _choose.Next(9) : null);
        yield return ("author", _choose.Chance(30) ? "ada & co" : null);
        yield return ("tags", _choose.Chance(40) ? _choose.Pick("todo, personal", " a ,b,, c ", "", "x") : null);
        yield return ("lang", _choose.Chance(10) ? "en" : null);
    }

    private void WriteData()
    {
        var elements = new List<Action>();
        foreach (var (name, type) in _states)
        {
            elements.Add(() => _out.Empty("State", [("name", name), ("type", type), ("default", _choose.Chance(70) ? DefaultValue(type) : null), ("unit", _choose.Chance(5) ? "ms" : null)]));
        }

        for (var i = 0; i < _computeds.Count; i++)
        {
            // A computed reads states and earlier computeds only: no cycles.
            var readable = _states.Select(s => s.Name).Concat(_computeds.Take(i)).ToList();
            var (name, value) = (_computeds[i], ComputedExpression(readable));
            elements.Add(() => _out.Empty("Computed", [("name", name), ("value", value)]));
        }

        WriteSection("Data", _choose.Shuffle(elements));
    }

    private void WriteLogic()
    {
        var elements = new List<Action>();
        foreach (var (name, alias, _) in _extensions)
        {
            elements.Add(() => _out.Empty("Extension", [("name", name), ("alias", alias), ("source", _choose.Chance(20) ? "https://example.com/ext?a=1&b=2" : null)]));
        }

        foreach (var name in _namedHandlers)
        {
            elements.Add(() => WriteHandler(name, HandlerBody(args: [])));
        }

        foreach (var name in _tools)
        {
            elements.Add(() => WriteTool(name));
        }

        if (_extensions.Count > 0 || _choose.Chance(40))
        {
            elements.Add(() => WriteLifecycle("mount"));
        }

        if (_choose.Chance(25))
        {
            elements.Add(() => WriteLifecycle("unmount"));
        }

        WriteSection("Logic", _choose.Shuffle(elements));
    }

    private void WriteSection(string name, List<Action> elements)
    {
        if (elements.Count == 0 && _choose.Chance(50))
        {
            _out.Empty(name, []);
            return;
        }

        _out.Open(name, []);
        foreach (var element in elements)
        {
            _out.MaybeComment();
            element();
        }

        _out.Close(name);
    }

    private void WriteTool(string name)
    {
        var args = new List<string>();
        var parts = new List<Action>();
        var argCount = _choose.Count(3);
        for (var i = 0; i < argCount; i++)
        {
            var (argName, type) = ("a" + i, _choose.Pick(Types));
            args.Add(argName);
            var withDefault = _choose.Chance(30);
            parts.Add(() => _out.Empty("Arg", [
                ("name", argName), ("type", type), ("required", _choose.Chance(20) ? _choose.Pick("true", "false") : null),
                ("default", withDefault ? DefaultValue(type) : null), ("description", _choose.Chance(30) ? Text() : null)]));
        }

        // The Args keep their relative order; Capabilities and the Handler go anywhere among them.
        var reference = _namedHandlers.Count > 0 && _choose.Chance(30) ? _choose.PickFrom(_namedHandlers) : null;
        var capabilities = CapabilitiesPart();
        if (capabilities is not null)
        {
            parts.Insert(_choose.Next(parts.Count + 1), capabilities);
        }

        if (reference is null)
        {
            var body = HandlerBody(args);
            parts.Insert(_choose.Next(parts.Count + 1), () => WriteHandler(null, body));
        }

        WriteOwner("Tool", [("name", name), ("description", _choose.Chance(50) ? Text() : null), ("handler", reference)], parts);
    }

    private void WriteLifecycle(string on)
    {
        var parts = new List<Action>();
        var reference = _namedHandlers.Count > 0 && _choose.Chance(20) ? _choose.PickFrom(_namedHandlers) : null;
        if (CapabilitiesPart() is { } capabilities)
        {
            parts.Add(capabilities);
        }

        if (reference is null)
        {
            var body = HandlerBody(args: []);
            parts.Insert(_choose.Next(parts.Count + 1), () => WriteHandler(null, body));
        }

        WriteOwner("Lifecycle", [("on", on), ("handler", reference)], parts);
    }

    private void WriteOwner(string element, (string, string?)[] attributes, List<Action> parts)
    {
        if (parts.Count == 0)
        {
            _out.Empty(element, attributes);
            return;
        }

        _out.Open(element, attributes);
        foreach (var part in parts)
        {
            _out.MaybeComment();
            part();
        }

        _out.Close(element);
    }

    /// <summary>None declared (null), declared empty, or a few valid capabilities.</summary>
    private Action? CapabilitiesPart()
    {
        var kind = _choose.Next(4);
        if (kind == 0 || kind == 1)
        {
            return null;
        }

        var count = kind == 2 ? 0 : 1 + _choose.Count(3);
        var capabilities = new List<(string Type, string? Scope)>();
        for (var i = 0; i < count; i++)
        {
            capabilities.Add(_choose.Next(6) switch
            {
                0 => ("state:read", _choose.PickFrom(Readable.ToList())),
                1 => ("state:write", _choose.PickFrom(_states).Name),
                2 => ("events:emit", _choose.Pick("toast", "*")),
                3 when _extensions.Count > 0 => ("ext", _choose.PickFrom(_extensions).EffectiveAlias),
                4 => ("view:update", _choose.Chance(50) ? "*" : null),
                _ => ("state:read", "*"),
            });
        }

        return () =>
        {
            if (capabilities.Count == 0)
            {
                _out.Empty("Capabilities", []);
                return;
            }

            _out.Open("Capabilities", []);
            foreach (var (type, scope) in capabilities)
            {
                _out.MaybeComment();
                _out.Empty("Capability", [("type", type), ("scope", scope)]);
            }

            _out.Close("Capabilities");
        };
    }
}
