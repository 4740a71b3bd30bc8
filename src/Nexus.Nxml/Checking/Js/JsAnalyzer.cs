using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Acornima;
using Acornima.Ast;

namespace Nexus.Nxml.Checking.Js;

/// <summary>
/// Parses handler code and expressions with Acornima (strict mode) and walks the tree once to collect what
/// the checker and the capability inference need: <c>$state</c> reads and writes, <c>$scope</c>, <c>$tools</c>,
/// <c>$ext</c>, <c>$emit</c>, <c>$view</c>, forbidden globals and <c>await</c>.
/// </summary>
internal sealed class JsAnalyzer
{
    /// <summary>Identifiers that must never appear in handler code or expressions (§5).</summary>
    public static readonly FrozenSet<string> ForbiddenIdentifiers = FrozenSet.Create(
        StringComparer.Ordinal,
        "window", "document", "eval", "Function", "fetch", "XMLHttpRequest", "globalThis", "require", "process", "importScripts");

    /// <summary>Handler globals that expressions cannot reach.</summary>
    public static readonly FrozenSet<string> HandlerOnlyGlobals = FrozenSet.Create(
        StringComparer.Ordinal, "$emit", "$ext", "$view", "$tools", "$args", "$log");

    /// <summary>Array methods that change the array they are called on: calling one on a state value writes it.</summary>
    private static readonly FrozenSet<string> MutatingMethods = FrozenSet.Create(
        StringComparer.Ordinal, "push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin");

    /// <summary>Methods that return a fresh array: changing their result changes no state.</summary>
    private static readonly FrozenSet<string> CopyingMethods = FrozenSet.Create(
        StringComparer.Ordinal, "filter", "map", "slice", "concat", "flat", "flatMap", "toSorted", "toReversed", "toSpliced", "with");

    [ThreadStatic]
    private static Parser? t_parser;

    private readonly JsFacts _facts = new();
    private readonly bool _isExpression;
    private Dictionary<string, (string Key, bool IsCopy)>? _aliases;

    private JsAnalyzer(bool isExpression) => _isExpression = isExpression;

    private static JsReference Reference(string name, Node node) => new(name, node.Start, node.End);

    private static Parser Parser => t_parser ??= new Parser(new ParserOptions
    {
        EcmaVersion = EcmaVersion.Latest,
        AllowReturnOutsideFunction = true,
        AllowAwaitOutsideFunction = true,
    });

    /// <summary>Analyses handler code: the body of an async function (top-level <c>await</c> and <c>return</c> allowed).</summary>
    public static JsFacts AnalyzeHandler(string text, int start, int length) => Analyze(text, start, length, isExpression: false);

    /// <summary>Analyses one JavaScript expression of the view or a computed.</summary>
    public static JsFacts AnalyzeExpression(string text, int start, int length) =>
        TryAnalyzeSimplePath(text, start, length) ?? Analyze(text, start, length, isExpression: true);

    public static JsFacts AnalyzeExpression(JsCode code) => AnalyzeExpression(code.Text, code.Start, code.Length);

    public static JsFacts AnalyzeHandler(JsCode code) => AnalyzeHandler(code.Text, code.Start, code.Length);

    /// <summary>
    /// Most bindings are plain paths (<c>$state.count</c>, <c>$scope.item.text</c>). They are valid JavaScript by
    /// construction, so they are analysed without a parser; anything else goes to Acornima.
    /// </summary>
    private static JsFacts? TryAnalyzeSimplePath(string text, int start, int length)
    {
        var code = text.AsSpan(start, length);
        var lead = code.Length - code.TrimStart().Length;
        code = code.Trim();
        var isState = code.StartsWith("$state.", StringComparison.Ordinal);
        if (!isState && !code.StartsWith("$scope.", StringComparison.Ordinal))
        {
            return null;
        }

        var firstEnd = -1;
        var segmentStart = 7;
        for (var i = 7; i <= code.Length; i++)
        {
            if (i < code.Length && Identifiers.IsPart(code[i]))
            {
                continue;
            }

            if (i == segmentStart || char.IsAsciiDigit(code[segmentStart]) || (i < code.Length && code[i] != '.'))
            {
                return null;
            }

            if (firstEnd < 0)
            {
                firstEnd = i;
            }

            segmentStart = i + 1;
        }

        var facts = new JsFacts();
        var name = code[7..firstEnd].ToString();
        var begin = lead;
        if (isState)
        {
            facts.AddStateAccess(new StateAccess(name, begin, begin + firstEnd, IsWrite: false));
        }
        else
        {
            facts.AddScopeReference(new JsReference(name, begin, begin + firstEnd));
        }

        return facts;
    }

    /// <summary>
    /// Parses and walks one piece of code. Offsets in the facts are relative to the code's start, so facts do
    /// not depend on where the code stands and identical code can share them.
    /// </summary>
    private static JsFacts Analyze(string text, int start, int length, bool isExpression)
    {
        // Acornima computes the line of `start` by scanning the input from its beginning, so parsing slices
        // of a large document in place is quadratic: each piece of code is parsed as its own string instead.
        var code = start == 0 && length == text.Length ? text : text.Substring(start, length);
        var analyzer = new JsAnalyzer(isExpression);
        try
        {
            Node tree = isExpression
                ? Parser.ParseExpression(code, null, strict: true)
                : Parser.ParseScript(code, null, strict: true);
            analyzer.Visit(tree);
        }
        catch (ParseErrorException ex)
        {
            var offset = ex.Error is { IsIndexDefined: true } error ? error.Index : 0;
            analyzer._facts.SyntaxError = (ex.Error?.Description ?? ex.Message, Math.Clamp(offset, 0, length));
        }
        catch (InsufficientExecutionStackException)
        {
            analyzer._facts.SyntaxError = ("the code is nested too deeply to be checked", 0);
        }

        return analyzer._facts;
    }

    private void Visit(Node? node)
    {
        if (node is null)
        {
            return;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException();
        }

        // Dispatch on the node type tag: one jump instead of a type test per case (several of the classes
        // tested are not sealed), for every node of every snippet.
        switch (node.Type)
        {
            case NodeType.Identifier:
                Reference((Identifier)node);
                return;
            case NodeType.MemberExpression:
                VisitMember((MemberExpression)node);
                return;
            case NodeType.AssignmentExpression:
                var assignment = (AssignmentExpression)node;
                VisitTarget(assignment.Left);
                Visit(assignment.Right);
                return;
            case NodeType.UpdateExpression:
                VisitTarget(((UpdateExpression)node).Argument);
                return;
            case NodeType.UnaryExpression when ((UnaryExpression)node).Operator == Operator.Delete:
                VisitTarget(((UnaryExpression)node).Argument);
                return;
            case NodeType.CallExpression:
                VisitCall((CallExpression)node);
                return;
            case NodeType.AwaitExpression:
                _facts.UsesAwait = true;
                Visit(((AwaitExpression)node).Argument);
                return;
            case NodeType.VariableDeclarator:
                var declarator = (VariableDeclarator)node;
                Visit(declarator.Id);
                Visit(declarator.Init);
                Alias(declarator.Id, declarator.Init);
                return;
            case NodeType.ForOfStatement:
                var forOf = (ForOfStatement)node;
                _facts.UsesAwait |= forOf.Await;
                Visit(forOf.Left);
                Visit(forOf.Right);
                if (forOf.Left is VariableDeclaration { Declarations.Count: 1 } loopVariable)
                {
                    Alias(loopVariable.Declarations[0].Id, forOf.Right);
                }

                Visit(forOf.Body);
                return;
            case NodeType.Property:
                var property = (Property)node;
                if (property.Computed)
                {
                    Visit(property.Key);
                }

                Visit(property.Value);
                return;
            case NodeType.MethodDefinition or NodeType.PropertyDefinition or NodeType.AccessorProperty:
                var classMember = (ClassProperty)node;
                if (classMember.Computed)
                {
                    Visit(classMember.Key);
                }

                Visit(classMember.Value);
                return;
            case NodeType.LabeledStatement:
                Visit(((LabeledStatement)node).Body);
                return;
            case NodeType.BreakStatement or NodeType.ContinueStatement or NodeType.MetaProperty:
                return;
            default:
                foreach (var child in node.ChildNodes)
                {
                    Visit(child);
                }

                return;
        }
    }

    private void Reference(Identifier identifier)
    {
        var name = identifier.Name;
        if (name.Length > 0 && name[0] == '$')
        {
            switch (name)
            {
                case "$state":
                    _facts.DynamicStateRead = true;
                    break;
                case "$scope":
                    _facts.DynamicScope = true;
                    break;
                case "$tools":
                    _facts.DynamicTools = true;
                    break;
                case "$ext":
                    _facts.DynamicExtensions = true;
                    break;
                case "$emit":
                    _facts.DynamicEvents = true;
                    break;
                case "$view":
                    _facts.UsesView = true;
                    break;
            }

            HostGlobal(identifier);
        }
        else if (ForbiddenIdentifiers.Contains(name))
        {
            _facts.AddForbiddenGlobal(Reference(name, identifier));
        }
    }

    private void HostGlobal(Identifier identifier)
    {
        if (_isExpression && HandlerOnlyGlobals.Contains(identifier.Name))
        {
            _facts.AddHostGlobal(Reference(identifier.Name, identifier));
        }
    }

    /// <summary>Visits the target of an assignment, update or delete.</summary>
    private void VisitTarget(Node target)
    {
        if (Unwrap(target) is not MemberExpression member)
        {
            Visit(target);
            return;
        }

        if (member.Object is Identifier root && root.Name.Length > 0 && root.Name[0] == '$')
        {
            VisitGlobalMember(member, root, write: true);
            return;
        }

        if (member.Computed)
        {
            Visit(member.Property);
        }

        MarkMutated(member.Object, depth: 0);
    }

    /// <summary>
    /// Records that the object <paramref name="expression"/> evaluates to is changed (<paramref name="depth"/> 0)
    /// or that something inside it is (depth &gt; 0). Changing a fresh copy (<c>$state.list.filter(f).reverse()</c>)
    /// writes nothing; changing what a state value holds writes that state key.
    /// </summary>
    private void MarkMutated(Node expression, int depth)
    {
        switch (Unwrap(expression))
        {
            case MemberExpression member when member.Object is Identifier root && root.Name.Length > 0 && root.Name[0] == '$':
                VisitGlobalMember(member, root, write: true);
                return;
            case MemberExpression member:
                if (member.Computed)
                {
                    Visit(member.Property);
                }

                MarkMutated(member.Object, depth + 1);
                return;
            case CallExpression { Callee: var callee } call when Unwrap(callee) is MemberExpression method && !method.Computed && method.Property is Identifier name:
                if (depth == 0 && CopyingMethods.Contains(name.Name))
                {
                    VisitCall(call);
                    return;
                }

                MarkMutated(method.Object, depth + 1);
                VisitArguments(call, method);
                return;
            case Identifier { Name: "$state" }:
                _facts.DynamicStateRead = _facts.DynamicStateWrite = true;
                return;
            case Identifier identifier:
                // A local holding a fresh copy (const c = $state.l.slice()) changes no state itself; its elements still do.
                if (_aliases is not null && _aliases.TryGetValue(identifier.Name, out var alias) && (depth > 0 || !alias.IsCopy))
                {
                    _facts.AddAliasedWrite(alias.Key);
                }

                Reference(identifier);
                return;
            default:
                Visit(expression);
                return;
        }
    }

    private void VisitMember(MemberExpression member)
    {
        if (member.Object is Identifier root && root.Name.Length > 0 && root.Name[0] == '$')
        {
            VisitGlobalMember(member, root, write: false);
            return;
        }

        Visit(member.Object);
        if (member.Computed)
        {
            Visit(member.Property);
        }
    }

    private void VisitGlobalMember(MemberExpression member, Identifier root, bool write)
    {
        var staticName = !member.Computed && member.Property is Identifier property ? property.Name : null;
        if (member.Computed)
        {
            Visit(member.Property);
        }

        switch (root.Name)
        {
            case "$state" when staticName is not null:
                _facts.AddStateAccess(new StateAccess(staticName, member.Start, member.End, write));
                return;
            case "$state":
                _facts.DynamicStateRead = true;
                _facts.DynamicStateWrite |= write;
                return;
            case "$scope" when staticName is not null:
                _facts.AddScopeReference(Reference(staticName, member));
                if (write)
                {
                    _facts.AddScopeWrite(Reference(staticName, member));
                }

                return;
            case "$scope":
                _facts.DynamicScope = true;
                return;
            case "$tools" when staticName is not null:
                _facts.AddToolReference(Reference(staticName, member.Property));
                break;
            case "$tools":
                _facts.DynamicTools = true;
                break;
            case "$ext" when staticName is not null:
                _facts.AddExtensionReference(Reference(staticName, member.Property));
                break;
            case "$ext":
                _facts.DynamicExtensions = true;
                break;
            case "$view":
                _facts.UsesView = true;
                break;
        }

        HostGlobal(root);
    }

    private void VisitCall(CallExpression call)
    {
        var callee = Unwrap(call.Callee);
        if (callee is Identifier { Name: "$emit" } emit)
        {
            HostGlobal(emit);
            if (call.Arguments.Count > 0 && LiteralString(call.Arguments[0]) is { } eventName)
            {
                _facts.AddEmittedEvent(eventName);
            }
            else
            {
                _facts.DynamicEvents = true;
            }

            VisitArguments(call, null);
            return;
        }

        if (callee is not MemberExpression method)
        {
            Visit(call.Callee);
            VisitArguments(call, null);
            return;
        }

        var methodName = !method.Computed && method.Property is Identifier p ? p.Name : null;
        if (methodName is not null && MutatingMethods.Contains(methodName))
        {
            MarkMutated(method.Object, depth: 0);
        }
        else if (methodName == "assign" && method.Object is Identifier { Name: "Object" } && call.Arguments.Count > 0)
        {
            MarkMutated(call.Arguments[0], depth: 0);
        }
        else
        {
            VisitMember(method);
        }

        VisitArguments(call, method);
    }

    private void VisitArguments(CallExpression call, MemberExpression? method)
    {
        // Callback parameters are aliased before the callbacks are visited, so writes inside them are seen.
        if (method is not null && StateRoot(method.Object) is { } key)
        {
            AliasCallbackParameters(call, key);
        }

        foreach (var argument in call.Arguments)
        {
            Visit(argument);
        }
    }

    /// <summary><c>$state.todos.forEach(t =&gt; t.done = true)</c>: the callback's parameters alias the state value.</summary>
    private void AliasCallbackParameters(CallExpression call, string key)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument is IFunction function)
            {
                foreach (var parameter in function.Params)
                {
                    Alias(parameter, key);
                }
            }
        }
    }

    private void Alias(Node target, Node? value)
    {
        if (value is not null && StateRoot(value) is { } key)
        {
            Alias(target, key, IsFreshCopy(value));
        }
    }

    private void Alias(Node target, string key, bool isCopy = false)
    {
        switch (target)
        {
            case Identifier identifier:
                (_aliases ??= new Dictionary<string, (string, bool)>(StringComparer.Ordinal))[identifier.Name] = (key, isCopy);
                break;
            case AssignmentPattern pattern:
                Alias(pattern.Left, key);
                break;
            case RestElement rest:
                Alias(rest.Argument, key, isCopy: true);
                break;
            case ArrayPattern array:
                foreach (var element in array.Elements)
                {
                    if (element is not null)
                    {
                        Alias(element, key);
                    }
                }

                break;
            case ObjectPattern obj:
                foreach (var property in obj.Properties)
                {
                    Alias(property is Property p ? p.Value : property, key);
                }

                break;
        }
    }

    /// <summary>The state key a value comes from: <c>$state.k</c>, a member or call chain on it, or a local aliasing it.</summary>
    private string? StateRoot(Node node)
    {
        while (true)
        {
            switch (Unwrap(node))
            {
                case MemberExpression { Object: Identifier { Name: "$state" }, Computed: false, Property: Identifier key }:
                    return key.Name;
                case MemberExpression member:
                    node = member.Object;
                    break;
                case CallExpression call:
                    node = call.Callee;
                    break;
                case Identifier identifier when _aliases is not null && _aliases.TryGetValue(identifier.Name, out var aliased):
                    return aliased.Key;
                default:
                    return null;
            }
        }
    }

    /// <summary>Whether a value is a fresh array made by a copying method (its elements still alias state).</summary>
    private static bool IsFreshCopy(Node value) =>
        Unwrap(value) is CallExpression { Callee: var callee } &&
        Unwrap(callee) is MemberExpression { Computed: false, Property: Identifier method } &&
        CopyingMethods.Contains(method.Name);

    private static Node Unwrap(Node node)
    {
        while (true)
        {
            switch (node)
            {
                case ChainExpression chain:
                    node = chain.Expression;
                    break;
                case ParenthesizedExpression parenthesized:
                    node = parenthesized.Expression;
                    break;
                default:
                    return node;
            }
        }
    }

    private static string? LiteralString(Node node) => node switch
    {
        StringLiteral literal => literal.Value,
        TemplateLiteral { Expressions.Count: 0, Quasis.Count: 1 } template => template.Quasis[0].Value.Cooked,
        _ => null,
    };
}
