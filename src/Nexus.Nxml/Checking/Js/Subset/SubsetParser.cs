namespace Nexus.Nxml.Checking.Js.Subset;

/// <summary>
/// A recogniser for the part of strict-mode JavaScript that panel code is mostly written in. It builds the
/// same <see cref="JsTree"/> that <see cref="AcornimaTree"/> makes from Acornima's tree, so the analysis cannot
/// tell the two apart, and it only ever accepts code that Acornima accepts: whatever it does not recognise, or
/// might be an error (a redeclared name, a reserved word, legacy octal, ...), makes it give up, and Acornima
/// parses the code and reports the errors.
/// </summary>
/// <remarks>
/// Recognised: <c>let</c>/<c>const</c> declarations (names and flat object and array patterns), expression
/// statements, blocks, <c>if</c>, <c>for</c> (classic and <c>of</c>), <c>while</c>, <c>break</c>/<c>continue</c>
/// without labels, <c>return</c>, <c>throw</c>, <c>try</c>; expressions with every operator except <c>**</c> (and
/// <c>in</c> in a <c>for</c> head); arrow functions with plain parameters; object and array literals without
/// methods, accessors or holes; templates without tags; regular expressions of everyday constructs
/// (<see cref="SubsetRegex"/>); top-level <c>await</c> in handlers.
/// Everything else (functions, classes, <c>var</c>, <c>switch</c>, labels, <c>async</c>, ...) goes to Acornima.
/// </remarks>
internal sealed partial class SubsetParser
{
    /// <summary>Beyond this nesting the code goes to Acornima (which reports code nested too deeply).</summary>
    private const int MaxDepth = 200;

    private readonly SubsetLexer _lexer = new();
    private readonly List<string> _declared = [];
    private readonly List<int> _scopes = [];

    /// <summary>The parameters an arrow function's <c>(</c> may start; more than these go to Acornima.</summary>
    private readonly (string Name, int Start, int End)[] _parameters = new (string, int, int)[8];
    private JsTree _tree = null!;
    private bool _isExpression;
    private int _functionDepth;
    private int _loopDepth;
    private int _depth;
    private bool _noIn;

    /// <summary>Parses the code into <paramref name="tree"/> and returns the root, or -1 when Acornima must parse it.</summary>
    public int TryParse(JsTree tree, string text, int start, int length, bool isExpression)
    {
        _tree = tree;
        _isExpression = isExpression;
        _functionDepth = _loopDepth = _depth = 0;
        _noIn = false;
        _declared.Clear();
        _scopes.Clear();
        tree.Reset(text, start);
        try
        {
            _lexer.Reset(text, start, length);
            return isExpression ? ParseExpressionCode() : ParseScript();
        }
        catch (SubsetBail)
        {
            return -1;
        }
    }

    private Tok Kind => _lexer.Kind;

    private static void Bail() => throw new SubsetBail();

    private bool IsName(string name) => _lexer.Kind == Tok.Name && _lexer.Name == name;

    private void Expect(Tok kind)
    {
        if (_lexer.Kind != kind)
        {
            Bail();
        }

        _lexer.Next();
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            Bail();
        }
    }

    private int ParseExpressionCode()
    {
        var expression = ParseExpression();
        if (Kind != Tok.Eof)
        {
            Bail();
        }

        return expression;
    }

    private int ParseScript()
    {
        var script = _tree.Add(JsKind.Other, 0, 0);
        PushScope();
        var last = -1;
        while (Kind != Tok.Eof)
        {
            last = _tree.Link(script, last, ParseStatement(declarationAllowed: true));
        }

        return script;
    }

    // Scopes: the names declared with let/const, parameters and catch bindings. A name declared twice in one
    // scope is an error Acornima reports, so the subset gives up on it.
    private void PushScope() => _scopes.Add(_declared.Count);

    private void PopScope()
    {
        _declared.RemoveRange(_scopes[^1], _declared.Count - _scopes[^1]);
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    private void Declare(string name)
    {
        for (var i = _scopes[^1]; i < _declared.Count; i++)
        {
            if (_declared[i] == name)
            {
                Bail();
            }
        }

        _declared.Add(name);
    }

    /// <summary>A name that can be bound or referenced in strict code (and that the subset handles).</summary>
    private string BindableName()
    {
        if (Kind != Tok.Name || _lexer.NameIsReserved)
        {
            Bail();
        }

        return _lexer.Name;
    }

    private int Identifier()
    {
        var identifier = _tree.Add(JsKind.Identifier, _lexer.Start, _lexer.End, BindableName());
        _lexer.Next();
        return identifier;
    }

    private int Leaf()
    {
        var leaf = _tree.Add(JsKind.Other, _lexer.Start, _lexer.End);
        _lexer.Next();
        return leaf;
    }

    /// <summary>A node of <paramref name="kind"/> with the given children (-1 entries are left out).</summary>
    private int Node(JsKind kind, int first, int second = -1, int third = -1, JsFlags flags = JsFlags.None) =>
        _tree.AddParent(kind, 0, 0, flags, first, second, third);
}
