namespace Nexus.Nxml.Checking.Js.Subset;

internal sealed partial class SubsetParser
{
    /// <summary>
    /// One statement. <paramref name="declarationAllowed"/> is false where only a single statement may stand
    /// (the body of <c>if</c>, <c>for</c>, <c>while</c>): a declaration there is an error.
    /// </summary>
    private int ParseStatement(bool declarationAllowed)
    {
        Enter();
        var statement = Kind switch
        {
            Tok.LBrace => ParseBlock(),
            Tok.Semicolon => Leaf(),
            // A string first may be a directive ("use strict"), which changes the rules: Acornima's.
            Tok.String => throw new SubsetBail(),
            Tok.Name => ParseNamedStatement(declarationAllowed),
            _ => ParseExpressionStatement(),
        };
        _depth--;
        return statement;
    }

    private int ParseNamedStatement(bool declarationAllowed)
    {
        switch (_lexer.Name)
        {
            case "const" or "let" when declarationAllowed:
                var declaration = ParseDeclaration(inForHead: false);
                EndStatement();
                return declaration;
            case "if":
                _lexer.Next();
                var test = ParseCondition();
                var consequent = ParseStatement(declarationAllowed: false);
                var alternate = -1;
                if (IsName("else"))
                {
                    _lexer.Next();
                    alternate = ParseStatement(declarationAllowed: false);
                }

                return Node(JsKind.Other, test, consequent, alternate);
            case "for":
                return ParseFor();
            case "while":
                _lexer.Next();
                var condition = ParseCondition();
                return Node(JsKind.Other, condition, ParseLoopBody());
            case "return" when _functionDepth > 0 || !_isExpression:
                _lexer.Next();
                var argument = Kind == Tok.Semicolon || EndsStatement() ? -1 : ParseExpression();
                EndStatement();
                return Node(JsKind.Other, argument);
            case "break" or "continue" when _loopDepth > 0:
                var jump = _tree.Add(JsKind.Skip, 0, 0);
                _lexer.Next();
                if (Kind == Tok.Name && !_lexer.NewlineBefore)
                {
                    Bail();
                }

                EndStatement();
                return jump;
            case "throw":
                _lexer.Next();
                if (_lexer.NewlineBefore)
                {
                    Bail();
                }

                var thrown = ParseExpression();
                EndStatement();
                return Node(JsKind.Other, thrown);
            case "try":
                return ParseTry();
            case "this" or "typeof" or "void" or "delete" or "new" or "true" or "false" or "null" or "await":
                return ParseExpressionStatement();
            default:
                // Other keywords (var, function, class, switch, do, ...) and declarations where they may not stand.
                if (_lexer.NameIsReserved)
                {
                    Bail();
                }

                return ParseExpressionStatement();
        }
    }

    private int ParseExpressionStatement()
    {
        var expression = ParseExpression();
        EndStatement();
        return Node(JsKind.Other, expression);
    }

    /// <summary>Whether the statement may end before the current token: automatic semicolon insertion.</summary>
    private bool EndsStatement() => Kind is Tok.RBrace or Tok.Eof || _lexer.NewlineBefore;

    private void EndStatement()
    {
        if (Kind == Tok.Semicolon)
        {
            _lexer.Next();
        }
        else if (!EndsStatement())
        {
            Bail();
        }
    }

    /// <summary><c>( expression )</c> of <c>if</c> and <c>while</c>.</summary>
    private int ParseCondition()
    {
        Expect(Tok.LParen);
        var condition = ParseExpression();
        Expect(Tok.RParen);
        return condition;
    }

    private int ParseBlock()
    {
        PushScope();
        var block = ParseStatements();
        PopScope();
        return block;
    }

    /// <summary><c>{ statements }</c> in the current scope (a function body shares its parameters' scope).</summary>
    private int ParseStatements()
    {
        Expect(Tok.LBrace);
        var block = _tree.Add(JsKind.Other, 0, 0);
        var last = -1;
        while (Kind != Tok.RBrace)
        {
            if (Kind == Tok.Eof)
            {
                Bail();
            }

            last = _tree.Link(block, last, ParseStatement(declarationAllowed: true));
        }

        _lexer.Next();
        return block;
    }

    private int ParseLoopBody()
    {
        _loopDepth++;
        var body = ParseStatement(declarationAllowed: false);
        _loopDepth--;
        return body;
    }

    /// <summary><c>let</c>/<c>const</c> and its declarators; in a <c>for</c> head, <c>in</c> is not an operator.</summary>
    private int ParseDeclaration(bool inForHead)
    {
        var isConst = _lexer.Name == "const";
        _lexer.Next();
        var declaration = _tree.Add(JsKind.Declaration, 0, 0);
        var last = -1;
        while (true)
        {
            var id = ParseBindingTarget();
            var init = -1;
            if (Kind == Tok.Assign)
            {
                _lexer.Next();
                var noIn = _noIn;
                _noIn = inForHead;
                init = ParseAssignment();
                _noIn = noIn;
            }
            else if (isConst || _tree[id].Kind != JsKind.Identifier)
            {
                // const needs a value, and so does a pattern; in `for (const x of ...)` the caller reads on.
                if (!(inForHead && last < 0 && IsName("of")))
                {
                    Bail();
                }
            }

            last = _tree.Link(declaration, last, Node(JsKind.Declarator, id, init));
            if (Kind != Tok.Comma)
            {
                return declaration;
            }

            _lexer.Next();
        }
    }

    /// <summary>A name, or a flat object or array pattern of names, declared in the current scope.</summary>
    private int ParseBindingTarget()
    {
        switch (Kind)
        {
            case Tok.Name:
                Declare(BindableName());
                return Identifier();
            case Tok.LBrace:
                return ParsePattern(JsKind.ObjectPattern, Tok.RBrace);
            case Tok.LBracket:
                return ParsePattern(JsKind.ArrayPattern, Tok.RBracket);
            default:
                throw new SubsetBail();
        }
    }

    /// <summary><c>{ a, b: c, ...rest }</c> or <c>[a, b, ...rest]</c>: names only (no defaults, holes or nesting).</summary>
    private int ParsePattern(JsKind kind, Tok close)
    {
        _lexer.Next();
        var pattern = _tree.Add(kind, 0, 0);
        var last = -1;
        while (Kind != close)
        {
            if (Kind == Tok.Ellipsis)
            {
                _lexer.Next();
                Declare(BindableName());
                last = _tree.Link(pattern, last, Node(JsKind.Rest, Identifier()));
                if (Kind != close)
                {
                    Bail();
                }

                break;
            }

            last = _tree.Link(pattern, last, kind == JsKind.ObjectPattern ? ParsePatternProperty() : ParseBindingName());
            if (Kind != close)
            {
                Expect(Tok.Comma);
            }
        }

        _lexer.Next();
        return pattern;
    }

    private int ParseBindingName()
    {
        Declare(BindableName());
        return Identifier();
    }

    /// <summary><c>a</c> or <c>key: a</c> in an object pattern.</summary>
    private int ParsePatternProperty()
    {
        if (Kind != Tok.Name || _lexer.Name == "__proto__")
        {
            Bail();
        }

        var keyStart = _lexer.Start;
        var keyEnd = _lexer.End;
        var keyName = _lexer.Name;
        var keyReserved = _lexer.NameIsReserved;
        _lexer.Next();
        if (Kind != Tok.Colon)
        {
            // Shorthand: the key is also the bound name, so it must be one.
            if (keyReserved)
            {
                Bail();
            }

            Declare(keyName);
            return Node(JsKind.Property, _tree.Add(JsKind.Identifier, keyStart, keyEnd, keyName), _tree.Add(JsKind.Identifier, keyStart, keyEnd, keyName));
        }

        _lexer.Next();
        return Node(JsKind.Property, _tree.Add(JsKind.Identifier, keyStart, keyEnd, keyName), ParseBindingName());
    }

    private int ParseFor()
    {
        _lexer.Next();
        Expect(Tok.LParen);
        PushScope();
        int result;
        if (IsName("const") || IsName("let"))
        {
            var declaration = ParseDeclaration(inForHead: true);
            if (IsName("of"))
            {
                if (_tree.ChildCount(declaration) != 1 || _tree.Second(_tree[declaration].First) >= 0)
                {
                    Bail();
                }

                _lexer.Next();
                var iterated = ParseAssignment();
                Expect(Tok.RParen);
                result = Node(JsKind.ForOf, declaration, iterated, ParseLoopBody());
                PopScope();
                return result;
            }

            result = ParseClassicFor(declaration);
        }
        else
        {
            var init = -1;
            if (Kind != Tok.Semicolon)
            {
                var noIn = _noIn;
                _noIn = true;
                init = ParseExpression();
                _noIn = noIn;
            }

            result = ParseClassicFor(init);
        }

        PopScope();
        return result;
    }

    /// <summary>The rest of <c>for (init; test; update) body</c> after the init.</summary>
    private int ParseClassicFor(int init)
    {
        Expect(Tok.Semicolon);
        var test = Kind == Tok.Semicolon ? -1 : ParseExpression();
        Expect(Tok.Semicolon);
        var update = Kind == Tok.RParen ? -1 : ParseExpression();
        Expect(Tok.RParen);
        var loop = Node(JsKind.Other, init, test, update);
        var last = init;
        foreach (var part in (ReadOnlySpan<int>)[init, test, update])
        {
            last = part >= 0 ? part : last;
        }

        _tree.Link(loop, last, ParseLoopBody());
        return loop;
    }

    private int ParseTry()
    {
        _lexer.Next();
        var block = ParseBlock();
        var handler = -1;
        var finalizer = -1;
        if (IsName("catch"))
        {
            _lexer.Next();
            PushScope();
            var parameter = -1;
            if (Kind == Tok.LParen)
            {
                _lexer.Next();
                parameter = ParseBindingName();
                Expect(Tok.RParen);
            }

            // The catch parameter and the block's declarations share a scope.
            handler = Node(JsKind.Other, parameter, ParseStatements());
            PopScope();
        }

        if (IsName("finally"))
        {
            _lexer.Next();
            finalizer = ParseBlock();
        }

        if (handler < 0 && finalizer < 0)
        {
            Bail();
        }

        return Node(JsKind.Other, block, handler, finalizer);
    }
}
