using System.Text;

namespace Nexus.Nxml.Tests.Checking;

/// <summary>
/// Random JavaScript from a grammar close to the subset parser's: mostly valid code, some of it invalid in ways
/// the subset must notice (a name declared twice, <c>??</c> beside <c>||</c>, assignment to a call, a line break
/// after <c>return</c>). Tokens are separated by a space, nothing, or a line break, so that automatic semicolon
/// insertion gets exercised too.
/// </summary>
internal sealed class RandomJs(int seed)
{
    private static readonly string[] Names = ["a", "b", "item", "t", "x", "window", "Math", "Object", "Date", "$args", "$log", "undefined"];
    private static readonly string[] Roots = ["$state", "$scope", "$tools", "$ext", "$emit", "$view"];
    private static readonly string[] Properties = ["count", "todos", "list", "push", "filter", "slice", "map", "length", "assign", "find", "if", "new", "done"];
    private static readonly string[] Binary = ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=", "===", "!==", "&&", "||", "??", "&", "|", "^", "<<", ">>", ">>>", "instanceof", "in"];
    private static readonly string[] Assignments = ["=", "+=", "-=", "*=", "||=", "&&=", "??=", "<<=", "/="];
    private static readonly string[] Unary = ["!", "-", "+", "~", "typeof ", "void ", "delete ", "await "];
    private static readonly string[] Literals = ["0", "1", "2.5", ".5", "1e3", "0x1F", "'s'", "\"d\"", "'\\n\\x41\\u0042'", "`t`", "`a${1}b`", "true", "null", "this", "/a+b/g", "/[a-z]\\d?/i"];

    private readonly Random _random = new(seed);
    private readonly StringBuilder _text = new();

    public string Handler()
    {
        _text.Clear();
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            Statement(depth: 0);
        }

        return _text.ToString();
    }

    public string Expression()
    {
        _text.Clear();
        Expr(depth: 0);
        return _text.ToString();
    }

    private void Token(string token)
    {
        _text.Append(_random.Next(10) switch
        {
            0 => "\n",
            < 4 => "",
            _ => " ",
        });
        _text.Append(token);
    }

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];

    private void Statement(int depth)
    {
        switch (depth > 2 ? 0 : _random.Next(12))
        {
            case 0 or 1 or 2:
                Expr(depth + 1);
                Token(";");
                break;
            case 3 or 4:
                Token(_random.Next(2) == 0 ? "const" : "let");
                Binding();
                Token("=");
                Expr(depth + 1);
                Token(";");
                break;
            case 5:
                Token("if (");
                Expr(depth + 1);
                Token(")");
                Block(depth);
                if (_random.Next(2) == 0)
                {
                    Token("else");
                    Block(depth);
                }

                break;
            case 6:
                Token("for (const");
                Binding();
                Token("of");
                Expr(depth + 1);
                Token(")");
                Block(depth, loop: true);
                break;
            case 7:
                Token("for (let i = 0; i <");
                Expr(depth + 1);
                Token("; i++)");
                Block(depth, loop: true);
                break;
            case 8:
                Token("try");
                Block(depth);
                Token(_random.Next(2) == 0 ? "catch (e)" : "finally");
                Block(depth);
                break;
            case 9:
                Token("return");
                Expr(depth + 1);
                break;
            case 10:
                Token("throw");
                Expr(depth + 1);
                Token(";");
                break;
            default:
                Block(depth);
                break;
        }
    }

    private void Block(int depth, bool loop = false)
    {
        Token("{");
        for (var i = _random.Next(3); i > 0; i--)
        {
            Statement(depth + 1);
        }

        if (loop && _random.Next(3) == 0)
        {
            Token(_random.Next(2) == 0 ? "break;" : "continue;");
        }

        Token("}");
    }

    private void Binding()
    {
        switch (_random.Next(5))
        {
            case 0:
                Token("{");
                Token(Pick(Names));
                Token(",");
                Token(Pick(Properties));
                Token(":");
                Token(Pick(Names));
                Token("}");
                break;
            case 1:
                Token("[");
                Token(Pick(Names));
                Token(", ...");
                Token(Pick(Names));
                Token("]");
                break;
            default:
                Token(Pick(Names));
                break;
        }
    }

    private void Expr(int depth)
    {
        switch (depth > 4 ? _random.Next(3) : _random.Next(16))
        {
            case 0:
                Token(Pick(Names));
                break;
            case 1:
                Token(Pick(Literals));
                break;
            case 2:
                Token(Pick(Roots) + "." + Pick(Properties));
                break;
            case 3 or 4:
                Expr(depth + 1);
                Token(Pick(Binary));
                Expr(depth + 1);
                break;
            case 5:
                Token(Pick(Unary));
                Expr(depth + 1);
                break;
            case 6:
                Member(depth);
                Token(Pick(Assignments));
                Expr(depth + 1);
                break;
            case 7:
                Expr(depth + 1);
                Token("?");
                Expr(depth + 1);
                Token(":");
                Expr(depth + 1);
                break;
            case 8 or 9:
                Member(depth);
                Token(_random.Next(3) == 0 ? "?.(" : "(");
                Arguments(depth);
                Token(")");
                break;
            case 10:
                Arrow(depth);
                break;
            case 11:
                Token("{");
                Token(Pick(Names));
                Token(",");
                Token(Pick(Properties));
                Token(":");
                Expr(depth + 1);
                Token(", [");
                Expr(depth + 1);
                Token("]:");
                Expr(depth + 1);
                Token(", ...");
                Expr(depth + 1);
                Token("}");
                break;
            case 12:
                Token("[");
                Arguments(depth);
                Token("]");
                break;
            case 13:
                Token("(");
                Expr(depth + 1);
                Token(")");
                break;
            case 14:
                Token("`a${");
                Expr(depth + 1);
                Token("}b`");
                break;
            default:
                Token(Pick(Names));
                Token(Pick(["++", "--"]));
                break;
        }
    }

    private void Member(int depth)
    {
        Token(_random.Next(2) == 0 ? Pick(Roots) : Pick(Names));
        for (var i = _random.Next(1, 3); i > 0; i--)
        {
            switch (_random.Next(4))
            {
                case 0:
                    Token("[");
                    Expr(depth + 1);
                    Token("]");
                    break;
                case 1:
                    Token("?." + Pick(Properties));
                    break;
                default:
                    Token("." + Pick(Properties));
                    break;
            }
        }
    }

    private void Arguments(int depth)
    {
        for (var i = _random.Next(3); i > 0; i--)
        {
            if (_random.Next(5) == 0)
            {
                Token("...");
            }

            Expr(depth + 1);
            Token(",");
        }
    }

    private void Arrow(int depth)
    {
        var parameters = _random.Next(3) switch
        {
            0 => Pick(Names),
            1 => "()",
            _ => $"({Pick(Names)}, {Pick(Names)})",
        };
        Token(parameters);
        Token("=>");
        if (_random.Next(2) == 0)
        {
            Expr(depth + 1);
            return;
        }

        Token("{");
        Statement(depth + 1);
        Token("}");
    }
}
