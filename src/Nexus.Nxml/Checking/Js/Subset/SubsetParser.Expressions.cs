namespace Nexus.Nxml.Checking.Js.Subset;

internal sealed partial class SubsetParser
{
    /// <summary>An expression, with commas (a sequence).</summary>
    private int ParseExpression()
    {
        var first = ParseAssignment();
        if (Kind != Tok.Comma)
        {
            return first;
        }

        var sequence = _tree.Add(JsKind.Other, 0, 0);
        var last = _tree.Link(sequence, -1, first);
        while (Kind == Tok.Comma)
        {
            _lexer.Next();
            last = _tree.Link(sequence, last, ParseAssignment());
        }

        return sequence;
    }

    private int ParseAssignment()
    {
        Enter();
        var result = Kind == Tok.LParen && TryParseArrow() is var arrow and >= 0 ? arrow : ParseAssignmentOrSingleParameterArrow();
        _depth--;
        return result;
    }

    private int ParseAssignmentOrSingleParameterArrow()
    {
        var left = ParseConditional();
        switch (Kind)
        {
            case Tok.Arrow:
                // `x => ...`: one parameter without parentheses (`(x) =>` was tried before, `((x)) =>` is an error).
                if (_tree[left].Kind != JsKind.Identifier || (_tree[left].Flags & JsFlags.Parenthesized) != 0 || _lexer.NewlineBefore)
                {
                    Bail();
                }

                _lexer.Next();
                PushScope();
                Declare(_tree[left].Name!);
                return ParseArrowBody(left, 1);
            case Tok.Assign or Tok.AssignOp:
                RequireSimpleTarget(left);
                _lexer.Next();
                return Node(JsKind.Assignment, left, ParseAssignment());
            default:
                return left;
        }
    }

    /// <summary>
    /// At <c>(</c>: parameters of plain names, <c>)</c> and <c>=&gt;</c> make an arrow function; anything else
    /// goes back to where it started and is read as an expression (-1).
    /// </summary>
    private int TryParseArrow()
    {
        var start = _lexer.Save();
        _lexer.Next();
        var count = 0;
        while (Kind == Tok.Name && count < _parameters.Length && !_lexer.NameIsReserved)
        {
            _parameters[count++] = (_lexer.Name, _lexer.Start, _lexer.End);
            _lexer.Next();
            if (Kind != Tok.Comma)
            {
                break;
            }

            _lexer.Next();
        }

        if (Kind != Tok.RParen)
        {
            _lexer.Restore(start);
            return -1;
        }

        _lexer.Next();
        if (Kind != Tok.Arrow || _lexer.NewlineBefore)
        {
            _lexer.Restore(start);
            return -1;
        }

        _lexer.Next();
        PushScope();
        var first = -1;
        var last = -1;
        for (var i = 0; i < count; i++)
        {
            var (name, nameStart, nameEnd) = _parameters[i];
            Declare(name);
            var parameter = _tree.Add(JsKind.Identifier, nameStart, nameEnd, name);
            first = first < 0 ? parameter : first;
            if (last >= 0)
            {
                _tree[last].Next = parameter;
            }

            last = parameter;
        }

        return ParseArrowBody(first, count);
    }

    /// <summary>
    /// The body of an arrow function whose <paramref name="count"/> parameters (linked from <paramref name="firstParameter"/>)
    /// are declared in the scope pushed for it; pops that scope.
    /// </summary>
    private int ParseArrowBody(int firstParameter, int count)
    {
        var loopDepth = _loopDepth;
        _loopDepth = 0;
        _functionDepth++;
        // A block body shares the parameters' scope: redeclaring a parameter in it is an error.
        var body = Kind == Tok.LBrace ? ParseStatements() : ParseAssignment();
        _functionDepth--;
        _loopDepth = loopDepth;
        PopScope();
        var function = _tree.Add(JsKind.Function, 0, 0);
        _tree[function].Count = count;
        var last = -1;
        for (var parameter = firstParameter; parameter >= 0 && count-- > 0;)
        {
            var next = _tree[parameter].Next;
            last = _tree.Link(function, last, parameter);
            parameter = next;
        }

        _tree.Link(function, last, body);
        return function;
    }

    /// <summary>What may be assigned to or updated: a name or a member (not an optional chain).</summary>
    private void RequireSimpleTarget(int target)
    {
        if (_tree[target].Kind is not (JsKind.Identifier or JsKind.Member))
        {
            Bail();
        }
    }

    private int ParseConditional()
    {
        var test = ParseBinary(0);
        if (Kind != Tok.Question)
        {
            return test;
        }

        _lexer.Next();
        var consequent = ParseAssignment();
        Expect(Tok.Colon);
        return Node(JsKind.Other, test, consequent, ParseAssignment());
    }

    /// <summary>Binary operators by precedence climbing (the precedences are Acornima's).</summary>
    private int ParseBinary(int minimum)
    {
        var left = ParseUnary();
        while (true)
        {
            var operatorKind = Kind;
            var precedence = Precedence();
            if (precedence <= minimum)
            {
                return left;
            }

            _lexer.Next();
            // The right side of ?? binds like that of &&, so that mixing them without parentheses shows below.
            var right = ParseBinary(operatorKind == Tok.Coalesce ? 2 : precedence);
            left = Node(JsKind.Other, left, right);
            var mixed = operatorKind is Tok.Or or Tok.And ? Kind == Tok.Coalesce : operatorKind == Tok.Coalesce && Kind is Tok.Or or Tok.And;
            if (mixed)
            {
                Bail();
            }
        }
    }

    private int Precedence() => Kind switch
    {
        Tok.Coalesce or Tok.Or => 1,
        Tok.And => 2,
        Tok.BitOr => 3,
        Tok.BitXor => 4,
        Tok.BitAnd => 5,
        Tok.Equality => 6,
        Tok.Relational => 7,
        Tok.Name when _lexer.Name == "instanceof" => 7,
        Tok.Name when _lexer.Name == "in" => _noIn ? throw new SubsetBail() : 7,
        Tok.Shift => 8,
        Tok.Plus or Tok.Minus => 9,
        Tok.Multiplicative => 10,
        _ => 0,
    };

    private int ParseUnary()
    {
        Enter();
        int result;
        switch (Kind)
        {
            case Tok.Not or Tok.Tilde or Tok.Plus or Tok.Minus:
                _lexer.Next();
                result = Node(JsKind.Other, ParseUnary());
                break;
            case Tok.Increment or Tok.Decrement:
                _lexer.Next();
                var target = ParseUnary();
                RequireSimpleTarget(target);
                result = Node(JsKind.Update, target);
                break;
            case Tok.Name when _lexer.Name is "typeof" or "void":
                _lexer.Next();
                result = Node(JsKind.Other, ParseUnary());
                break;
            case Tok.Name when _lexer.Name == "delete":
                _lexer.Next();
                var deleted = ParseUnary();
                if (_tree[deleted].Kind != JsKind.Member)
                {
                    Bail();
                }

                result = Node(JsKind.Delete, deleted);
                break;
            case Tok.Name when _lexer.Name == "await":
                // Top-level await in a handler only (inside an arrow function it is an error or a name).
                if (_isExpression || _functionDepth > 0)
                {
                    Bail();
                }

                _lexer.Next();
                result = Node(JsKind.Await, ParseUnary());
                break;
            default:
                result = ParsePostfix();
                break;
        }

        _depth--;
        return result;
    }

    private int ParsePostfix()
    {
        var operand = ParseSubscripts();
        if (Kind is not (Tok.Increment or Tok.Decrement) || _lexer.NewlineBefore)
        {
            return operand;
        }

        RequireSimpleTarget(operand);
        _lexer.Next();
        return Node(JsKind.Update, operand);
    }

    /// <summary>An atom followed by <c>.name</c>, <c>[key]</c>, <c>(arguments)</c> and their optional forms.</summary>
    private int ParseSubscripts()
    {
        var start = _lexer.Start;
        var expression = IsName("new") ? ParseNew() : ParsePrimary();
        var optional = false;
        while (true)
        {
            switch (Kind)
            {
                case Tok.Dot:
                    _lexer.Next();
                    expression = Member(expression, start);
                    break;
                case Tok.QuestionDot:
                    optional = true;
                    _lexer.Next();
                    expression = Kind switch
                    {
                        Tok.LParen => Call(expression, start),
                        Tok.LBracket => ComputedMember(expression, start),
                        _ => Member(expression, start),
                    };
                    break;
                case Tok.LBracket:
                    expression = ComputedMember(expression, start);
                    break;
                case Tok.LParen:
                    expression = Call(expression, start);
                    break;
                case Tok.Template or Tok.TemplateHead:
                    // A tagged template.
                    throw new SubsetBail();
                default:
                    return optional ? Node(JsKind.Chain, expression) : expression;
            }
        }
    }

    /// <summary><c>new Callee(arguments)</c>: the callee is a name with members, the arguments optional.</summary>
    private int ParseNew()
    {
        _lexer.Next();
        var start = _lexer.Start;
        if (Kind != Tok.Name || IsName("new"))
        {
            Bail();
        }

        var callee = ParsePrimary();
        while (Kind is Tok.Dot or Tok.LBracket)
        {
            if (Kind == Tok.Dot)
            {
                _lexer.Next();
                callee = Member(callee, start);
            }
            else
            {
                callee = ComputedMember(callee, start);
            }
        }

        var created = Node(JsKind.Other, callee);
        if (Kind == Tok.LParen)
        {
            ParseArguments(created, callee);
        }
        else if (Kind is Tok.QuestionDot or Tok.Template or Tok.TemplateHead)
        {
            Bail();
        }

        return created;
    }

    /// <summary><c>object.name</c> after the dot: any name, keywords included.</summary>
    private int Member(int target, int start)
    {
        if (Kind != Tok.Name)
        {
            Bail();
        }

        var property = _tree.Add(JsKind.Identifier, _lexer.Start, _lexer.End, _lexer.Name);
        var end = _lexer.End;
        _lexer.Next();
        var member = Node(JsKind.Member, target, property);
        _tree[member].Start = start;
        _tree[member].End = end;
        return member;
    }

    private int ComputedMember(int target, int start)
    {
        _lexer.Next();
        var key = ParseExpression();
        var end = _lexer.End;
        Expect(Tok.RBracket);
        var member = Node(JsKind.Member, target, key, flags: JsFlags.Computed);
        _tree[member].Start = start;
        _tree[member].End = end;
        return member;
    }

    private int Call(int callee, int start)
    {
        var call = Node(JsKind.Call, callee);
        ParseArguments(call, callee);
        _tree[call].Start = start;
        return call;
    }

    private int ParsePrimary()
    {
        switch (Kind)
        {
            case Tok.Name:
                return _lexer.Name is "this" or "true" or "false" or "null" ? Leaf() : Identifier();
            case Tok.Number:
                return Leaf();
            case Tok.String or Tok.Template:
                var literal = _tree.Add(JsKind.Literal, _lexer.Start, _lexer.End, flags: JsFlags.Lazy);
                _lexer.Next();
                return literal;
            case Tok.TemplateHead:
                return ParseTemplate();
            case Tok.Multiplicative or Tok.AssignOp:
                _lexer.RescanAsRegex();
                return Leaf();
            case Tok.LParen:
                _lexer.Next();
                var inner = ParseExpression();
                Expect(Tok.RParen);
                _tree[inner].Flags |= JsFlags.Parenthesized;
                return inner;
            case Tok.LBracket:
                return ParseCollection(Tok.RBracket);
            case Tok.LBrace:
                return ParseCollection(Tok.RBrace);
            default:
                // Functions, classes and whatever else.
                throw new SubsetBail();
        }
    }
}
