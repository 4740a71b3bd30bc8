namespace Nexus.Nxml.Checking.Js.Subset;

internal sealed partial class SubsetParser
{
    /// <summary><c>(a, ...b,)</c>, linked after <paramref name="last"/> in <paramref name="parent"/>.</summary>
    private void ParseArguments(int parent, int last)
    {
        Expect(Tok.LParen);
        ParseList(parent, last, Tok.RParen, objectMembers: false);
        _tree[parent].End = _lexer.End;
        _lexer.Next();
    }

    /// <summary>
    /// Elements (or object members) separated by commas up to <paramref name="close"/> (left as the current
    /// token), a trailing comma allowed; an empty element (a hole, <c>f(,a)</c>) is Acornima's.
    /// </summary>
    private void ParseList(int parent, int last, Tok close, bool objectMembers)
    {
        while (Kind != close)
        {
            if (Kind == Tok.Comma)
            {
                Bail();
            }

            last = _tree.Link(parent, last, objectMembers ? ParseObjectMember() : ParseElement());
            if (Kind != close)
            {
                Expect(Tok.Comma);
            }
        }
    }

    /// <summary>An argument or array element: an expression or <c>...spread</c>.</summary>
    private int ParseElement()
    {
        if (Kind != Tok.Ellipsis)
        {
            return ParseAssignment();
        }

        _lexer.Next();
        return Node(JsKind.Other, ParseAssignment());
    }

    /// <summary><c>`text ${expression} text`</c>: the text parts and the substitutions in source order.</summary>
    private int ParseTemplate()
    {
        var template = _tree.Add(JsKind.Other, 0, 0);
        var last = _tree.Link(template, -1, _tree.Add(JsKind.Other, 0, 0));
        while (true)
        {
            _lexer.Next();
            last = _tree.Link(template, last, ParseExpression());
            _lexer.ContinueTemplate();
            last = _tree.Link(template, last, _tree.Add(JsKind.Other, 0, 0));
            if (Kind == Tok.TemplateTail)
            {
                _lexer.Next();
                return template;
            }
        }
    }

    /// <summary>An array literal (<paramref name="close"/> <c>]</c>) or an object literal (<c>}</c>).</summary>
    private int ParseCollection(Tok close)
    {
        _lexer.Next();
        var literal = _tree.Add(JsKind.Other, 0, 0);
        ParseList(literal, -1, close, objectMembers: close == Tok.RBrace);
        _lexer.Next();
        return literal;
    }

    /// <summary><c>key: value</c>, <c>[key]: value</c>, <c>name</c> or <c>...spread</c>; methods and accessors are Acornima's.</summary>
    private int ParseObjectMember()
    {
        switch (Kind)
        {
            case Tok.Ellipsis:
                return ParseElement();
            case Tok.LBracket:
                _lexer.Next();
                var computedKey = ParseAssignment();
                Expect(Tok.RBracket);
                Expect(Tok.Colon);
                return Node(JsKind.Property, computedKey, ParseAssignment(), flags: JsFlags.Computed);
            case Tok.String or Tok.Number:
                // "__proto__" twice is an error; any key that spells it is Acornima's.
                if (_tree.Text.AsSpan(_tree.TextStart + _lexer.Start, _lexer.End - _lexer.Start).Contains("__proto__", StringComparison.Ordinal))
                {
                    Bail();
                }

                var key = Kind == Tok.String ? _tree.Add(JsKind.Literal, _lexer.Start, _lexer.End, flags: JsFlags.Lazy) : _tree.Add(JsKind.Other, 0, 0);
                _lexer.Next();
                Expect(Tok.Colon);
                return Node(JsKind.Property, key, ParseAssignment());
            case Tok.Name when _lexer.Name != "__proto__":
                var name = _lexer.Name;
                var reserved = _lexer.NameIsReserved;
                var start = _lexer.Start;
                var end = _lexer.End;
                _lexer.Next();
                if (Kind == Tok.Colon)
                {
                    _lexer.Next();
                    return Node(JsKind.Property, _tree.Add(JsKind.Identifier, start, end, name), ParseAssignment());
                }

                // Shorthand `{ name }`: the name is also a reference.
                if (Kind is not (Tok.Comma or Tok.RBrace) || reserved)
                {
                    Bail();
                }

                return Node(JsKind.Property, _tree.Add(JsKind.Identifier, start, end, name), _tree.Add(JsKind.Identifier, start, end, name));
            default:
                throw new SubsetBail();
        }
    }
}
