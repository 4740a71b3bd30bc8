using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Acornima;
using Acornima.Ast;
using Nexus.Nxml.Checking.Js.Subset;

namespace Nexus.Nxml.Checking.Js;

/// <summary>
/// Parses handler code and expressions as strict-mode JavaScript and walks the tree once to collect what the
/// checker and the capability inference need: <c>$state</c> reads and writes, <c>$scope</c>, <c>$tools</c>,
/// <c>$ext</c>, <c>$emit</c>, <c>$view</c>, forbidden globals and <c>await</c>.
/// </summary>
/// <remarks>
/// Acornima is the parser of record: it decides what parses and words every syntax error. Most panel code
/// is a small part of the language, though (declarations, assignments, calls, arrows, object literals), and
/// Acornima's full tree costs more than the rest of the checker. <see cref="SubsetParser"/> recognises that
/// part and builds the analysis tree directly; on anything else, and on anything it doubts, it gives up and
/// Acornima parses the code. Both feed the same walk over a <see cref="JsTree"/>, and the tests hold the two
/// trees equal on every piece of code the subset accepts.
/// </remarks>
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

    /// <summary>The parsers and the tree this thread reuses (one thread-static: each access to one costs).</summary>
    [ThreadStatic]
    private static ThreadState? t_state;

    private readonly JsFacts _facts = new();
    private readonly bool _isExpression;
    private readonly JsTree _tree;
    private Dictionary<string, (string Key, bool IsCopy)>? _aliases;

    private JsAnalyzer(JsTree tree, bool isExpression)
    {
        _tree = tree;
        _isExpression = isExpression;
    }

    /// <summary>On this thread, skip the subset parser: every piece of code goes to Acornima (the benchmarks compare both ways).</summary>
    internal static bool AcornimaOnly
    {
        get => State.AcornimaOnly;
        set => State.AcornimaOnly = value;
    }

    /// <summary>Called on this thread with every piece of code that is parsed (the tests collect what the checker analyses).</summary>
    internal static Action<string, bool>? Observer
    {
        get => State.Observer;
        set => State.Observer = value;
    }

    private static ThreadState State => t_state ??= new ThreadState();

    private JsReference Reference(string name, int node) => new(name, _tree[node].Start, _tree[node].End);

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
        var state = State;
        state.Observer?.Invoke(text.Substring(start, length), isExpression);
        var tree = state.Tree;
        var analyzer = new JsAnalyzer(tree, isExpression);
        try
        {
            var root = state.AcornimaOnly ? -1 : state.Subset.TryParse(tree, text, start, length, isExpression);
            if (root < 0)
            {
                root = ParseWithAcornima(tree, text, start, length, isExpression);
            }

            analyzer.Visit(root);
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

    /// <summary>Parses with Acornima (throws its syntax errors) and copies the tree; returns the root.</summary>
    internal static int ParseWithAcornima(JsTree tree, string text, int start, int length, bool isExpression)
    {
        // Acornima computes the line of `start` by scanning the input from its beginning, so parsing slices
        // of a large document in place is quadratic: each piece of code is parsed as its own string instead.
        var code = start == 0 && length == text.Length ? text : text.Substring(start, length);
        var parser = State.Acornima;
        Node parsed = isExpression
            ? parser.ParseExpression(code, null, strict: true)
            : parser.ParseScript(code, null, strict: true);
        tree.Reset(code, 0);
        return AcornimaTree.Convert(tree, parsed);
    }

    private void Visit(int node)
    {
        if (node < 0)
        {
            return;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException();
        }

        ref var n = ref _tree[node];
        switch (n.Kind)
        {
            case JsKind.Identifier:
                Reference(node);
                return;
            case JsKind.Member:
                VisitMember(node);
                return;
            case JsKind.Assignment:
                VisitTarget(n.First);
                Visit(_tree.Second(node));
                return;
            case JsKind.Update or JsKind.Delete:
                VisitTarget(n.First);
                return;
            case JsKind.Call:
                VisitCall(node);
                return;
            case JsKind.Await:
                _facts.UsesAwait = true;
                Visit(n.First);
                return;
            case JsKind.Declarator:
                var id = n.First;
                var init = _tree[id].Next;
                Visit(id);
                Visit(init);
                Alias(id, init);
                return;
            case JsKind.ForOf:
                _facts.UsesAwait |= (n.Flags & JsFlags.Await) != 0;
                var left = n.First;
                var right = _tree[left].Next;
                Visit(left);
                Visit(right);
                if (_tree[left].Kind == JsKind.Declaration && _tree.ChildCount(left) == 1)
                {
                    Alias(_tree[_tree[left].First].First, right);
                }

                Visit(_tree[right].Next);
                return;
            case JsKind.Property or JsKind.ClassMember:
                if ((n.Flags & JsFlags.Computed) != 0)
                {
                    Visit(n.First);
                }

                Visit(_tree.Second(node));
                return;
            case JsKind.Labeled:
                Visit(n.First);
                return;
            case JsKind.Skip:
                return;
            default:
                for (var child = n.First; child >= 0; child = _tree[child].Next)
                {
                    Visit(child);
                }

                return;
        }
    }

    private void Reference(int identifier)
    {
        var name = _tree[identifier].Name!;
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

    private void HostGlobal(int identifier)
    {
        if (_isExpression && HandlerOnlyGlobals.Contains(_tree[identifier].Name!))
        {
            _facts.AddHostGlobal(Reference(_tree[identifier].Name!, identifier));
        }
    }

    /// <summary>The name of an identifier node, or null for any other node.</summary>
    private string? IdentifierName(int node) => node >= 0 && _tree[node].Kind == JsKind.Identifier ? _tree[node].Name : null;

    /// <summary>The root of <c>$x.y</c>: the identifier when the member's object is one whose name starts with <c>$</c>.</summary>
    private int DollarRoot(int member)
    {
        var root = _tree[member].First;
        return IdentifierName(root) is { Length: > 0 } name && name[0] == '$' ? root : -1;
    }

    private bool IsComputed(int node) => (_tree[node].Flags & JsFlags.Computed) != 0;

    /// <summary>Visits the target of an assignment, update or delete.</summary>
    private void VisitTarget(int target)
    {
        var member = Unwrap(target);
        if (_tree[member].Kind != JsKind.Member)
        {
            Visit(target);
            return;
        }

        if (DollarRoot(member) is var root and >= 0)
        {
            VisitGlobalMember(member, root, write: true);
            return;
        }

        if (IsComputed(member))
        {
            Visit(_tree.Second(member));
        }

        MarkMutated(_tree[member].First, depth: 0);
    }

    /// <summary>
    /// Records that the object <paramref name="expression"/> evaluates to is changed (<paramref name="depth"/> 0)
    /// or that something inside it is (depth &gt; 0). Changing a fresh copy (<c>$state.list.filter(f).reverse()</c>)
    /// writes nothing; changing what a state value holds writes that state key.
    /// </summary>
    private void MarkMutated(int expression, int depth)
    {
        var node = Unwrap(expression);
        switch (_tree[node].Kind)
        {
            case JsKind.Member when DollarRoot(node) is var root and >= 0:
                VisitGlobalMember(node, root, write: true);
                return;
            case JsKind.Member:
                if (IsComputed(node))
                {
                    Visit(_tree.Second(node));
                }

                MarkMutated(_tree[node].First, depth + 1);
                return;
            case JsKind.Call when Method(node) is var method and >= 0 && IdentifierName(_tree.Second(method)) is { } name:
                if (depth == 0 && CopyingMethods.Contains(name))
                {
                    VisitCall(node);
                    return;
                }

                MarkMutated(_tree[method].First, depth + 1);
                VisitArguments(node, method);
                return;
            case JsKind.Identifier when _tree[node].Name == "$state":
                _facts.DynamicStateRead = _facts.DynamicStateWrite = true;
                return;
            case JsKind.Identifier:
                // A local holding a fresh copy (const c = $state.l.slice()) changes no state itself; its elements still do.
                if (_aliases is not null && _aliases.TryGetValue(_tree[node].Name!, out var alias) && (depth > 0 || !alias.IsCopy))
                {
                    _facts.AddAliasedWrite(alias.Key);
                }

                Reference(node);
                return;
            default:
                Visit(expression);
                return;
        }
    }

    /// <summary>The callee of a call when it is a non-computed member (<c>x.name(...)</c>), or -1.</summary>
    private int Method(int call)
    {
        var callee = Unwrap(_tree[call].First);
        return _tree[callee].Kind == JsKind.Member && !IsComputed(callee) ? callee : -1;
    }

    private void VisitMember(int member)
    {
        if (DollarRoot(member) is var root and >= 0)
        {
            VisitGlobalMember(member, root, write: false);
            return;
        }

        Visit(_tree[member].First);
        if (IsComputed(member))
        {
            Visit(_tree.Second(member));
        }
    }

    private void VisitGlobalMember(int member, int root, bool write)
    {
        var property = _tree.Second(member);
        var staticName = IsComputed(member) ? null : IdentifierName(property);
        if (IsComputed(member))
        {
            Visit(property);
        }

        switch (_tree[root].Name)
        {
            case "$state" when staticName is not null:
                _facts.AddStateAccess(new StateAccess(staticName, _tree[member].Start, _tree[member].End, write));
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
                _facts.AddToolReference(Reference(staticName, property));
                break;
            case "$tools":
                _facts.DynamicTools = true;
                break;
            case "$ext" when staticName is not null:
                _facts.AddExtensionReference(Reference(staticName, property));
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

    private void VisitCall(int call)
    {
        var calleeNode = _tree[call].First;
        var callee = Unwrap(calleeNode);
        if (IdentifierName(callee) == "$emit")
        {
            HostGlobal(callee);
            var first = _tree[calleeNode].Next;
            if (first >= 0 && _tree[first].Kind == JsKind.Literal && _tree.LiteralValue(first) is { } eventName)
            {
                _facts.AddEmittedEvent(eventName);
            }
            else
            {
                _facts.DynamicEvents = true;
            }

            VisitArguments(call, -1);
            return;
        }

        if (_tree[callee].Kind != JsKind.Member)
        {
            Visit(calleeNode);
            VisitArguments(call, -1);
            return;
        }

        var methodName = IsComputed(callee) ? null : IdentifierName(_tree.Second(callee));
        if (methodName is not null && MutatingMethods.Contains(methodName))
        {
            MarkMutated(_tree[callee].First, depth: 0);
        }
        else if (methodName == "assign" && IdentifierName(_tree[callee].First) == "Object" && _tree[calleeNode].Next >= 0)
        {
            MarkMutated(_tree[calleeNode].Next, depth: 0);
        }
        else
        {
            VisitMember(callee);
        }

        VisitArguments(call, callee);
    }

    private void VisitArguments(int call, int method)
    {
        // Callback parameters are aliased before the callbacks are visited, so writes inside them are seen.
        if (method >= 0 && StateRoot(_tree[method].First) is { } key)
        {
            AliasCallbackParameters(call, key);
        }

        for (var argument = _tree[_tree[call].First].Next; argument >= 0; argument = _tree[argument].Next)
        {
            Visit(argument);
        }
    }

    /// <summary><c>$state.todos.forEach(t =&gt; t.done = true)</c>: the callback's parameters alias the state value.</summary>
    private void AliasCallbackParameters(int call, string key)
    {
        for (var argument = _tree[_tree[call].First].Next; argument >= 0; argument = _tree[argument].Next)
        {
            if (_tree[argument].Kind != JsKind.Function)
            {
                continue;
            }

            var parameter = _tree[argument].First;
            if ((_tree[argument].Flags & JsFlags.HasId) != 0)
            {
                parameter = _tree[parameter].Next;
            }

            for (var i = 0; i < _tree[argument].Count; i++, parameter = _tree[parameter].Next)
            {
                Alias(parameter, key);
            }
        }
    }

    private void Alias(int target, int value)
    {
        if (value >= 0 && StateRoot(value) is { } key)
        {
            Alias(target, key, IsFreshCopy(value));
        }
    }

    private void Alias(int target, string key, bool isCopy = false)
    {
        switch (_tree[target].Kind)
        {
            case JsKind.Identifier:
                (_aliases ??= new Dictionary<string, (string, bool)>(StringComparer.Ordinal))[_tree[target].Name!] = (key, isCopy);
                break;
            case JsKind.AssignmentPattern:
                Alias(_tree[target].First, key);
                break;
            case JsKind.Rest:
                Alias(_tree[target].First, key, isCopy: true);
                break;
            case JsKind.ArrayPattern:
                for (var element = _tree[target].First; element >= 0; element = _tree[element].Next)
                {
                    Alias(element, key);
                }

                break;
            case JsKind.ObjectPattern:
                for (var property = _tree[target].First; property >= 0; property = _tree[property].Next)
                {
                    Alias(_tree[property].Kind == JsKind.Property ? _tree.Second(property) : property, key);
                }

                break;
        }
    }

    /// <summary>The state key a value comes from: <c>$state.k</c>, a member or call chain on it, or a local aliasing it.</summary>
    private string? StateRoot(int node)
    {
        while (true)
        {
            node = Unwrap(node);
            switch (_tree[node].Kind)
            {
                case JsKind.Member when !IsComputed(node) && IdentifierName(_tree[node].First) == "$state" && IdentifierName(_tree.Second(node)) is { } key:
                    return key;
                case JsKind.Member or JsKind.Call:
                    node = _tree[node].First;
                    break;
                case JsKind.Identifier when _aliases is not null && _aliases.TryGetValue(_tree[node].Name!, out var aliased):
                    return aliased.Key;
                default:
                    return null;
            }
        }
    }

    /// <summary>Whether a value is a fresh array made by a copying method (its elements still alias state).</summary>
    private bool IsFreshCopy(int value)
    {
        var call = Unwrap(value);
        return _tree[call].Kind == JsKind.Call && Method(call) is var method and >= 0 &&
            IdentifierName(_tree.Second(method)) is { } name && CopyingMethods.Contains(name);
    }

    /// <summary>The expression inside optional chains and parentheses.</summary>
    private int Unwrap(int node)
    {
        while (_tree[node].Kind is JsKind.Chain or JsKind.Parenthesized)
        {
            node = _tree[node].First;
        }

        return node;
    }

    private sealed class ThreadState
    {
        public Parser Acornima { get; } = new(new ParserOptions
        {
            EcmaVersion = EcmaVersion.Latest,
            AllowReturnOutsideFunction = true,
            AllowAwaitOutsideFunction = true,
        });

        public JsTree Tree { get; } = new();

        public SubsetParser Subset { get; } = new();

        public bool AcornimaOnly { get; set; }

        public Action<string, bool>? Observer { get; set; }
    }
}
