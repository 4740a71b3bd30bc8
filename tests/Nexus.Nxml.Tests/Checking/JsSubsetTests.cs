using System.Text;
using Acornima;
using Nexus.Nxml.Checking.Js;
using Nexus.Nxml.Checking.Js.Subset;

namespace Nexus.Nxml.Tests.Checking;

/// <summary>
/// The subset parser against Acornima: wherever the subset accepts code, Acornima must accept it too and the
/// two trees (and so the facts) must be the same. Run on all the JavaScript of the shared panels, on thousands
/// of mutations of it, and on code written to probe the rules the subset must not get wrong.
/// </summary>
public sealed class JsSubsetTests
{
    private static readonly Lazy<IReadOnlyList<(string Code, bool IsExpression)>> Shared = new(CollectSharedCode);

    /// <summary>Every handler and parsed expression the checker analyses in the conformance suites and the bench corpus.</summary>
    private static List<(string Code, bool IsExpression)> CollectSharedCode() =>
        CodeAnalysedIn(Path.Combine(TestPaths.Conformance, "nxml"), Path.Combine(TestPaths.Conformance, "wild"), TestPaths.BenchCorpus);

    /// <summary>The pieces of code the checker hands to the parsers when it checks every panel in the folders.</summary>
    private static List<(string Code, bool IsExpression)> CodeAnalysedIn(params string[] folders)
    {
        var found = new HashSet<(string, bool)>();
        JsAnalyzer.Observer = (code, isExpression) => found.Add((code, isExpression));
        try
        {
            foreach (var file in folders.SelectMany(folder => Directory.GetFiles(folder, "*.nxml")).Order(StringComparer.Ordinal))
            {
                NxmlDocument.Check(File.ReadAllText(file));
            }
        }
        finally
        {
            JsAnalyzer.Observer = null;
        }

        return [.. found.OrderBy(c => c.Item1, StringComparer.Ordinal).ThenBy(c => c.Item2)];
    }

    /// <summary>Asserts the property; returns whether the subset accepted the code.</summary>
    private static bool AgreesWithAcornima(string code, bool isExpression)
    {
        var tree = new JsTree();
        var root = new SubsetParser().TryParse(tree, code, 0, code.Length, isExpression);
        if (root < 0)
        {
            return false;
        }

        var subset = tree.Describe(root);
        var acornima = new JsTree();
        string expected;
        try
        {
            expected = acornima.Describe(JsAnalyzer.ParseWithAcornima(acornima, code, 0, code.Length, isExpression));
        }
        catch (ParseErrorException ex)
        {
            Assert.Fail($"the subset accepted code Acornima rejects ({ex.Message}):\n{code}");
            return true;
        }

        Assert.True(expected == subset, $"the trees differ for:\n{code}\n--- Acornima\n{expected}--- subset\n{subset}");
        Assert.Equal(Facts(code, isExpression, acornimaOnly: true), Facts(code, isExpression, acornimaOnly: false));
        return true;
    }

    private static string Facts(string code, bool isExpression, bool acornimaOnly)
    {
        JsAnalyzer.AcornimaOnly = acornimaOnly;
        try
        {
            var facts = isExpression ? JsAnalyzer.AnalyzeExpression(code, 0, code.Length) : JsAnalyzer.AnalyzeHandler(code, 0, code.Length);
            var text = new StringBuilder();
            text.AppendJoin(' ', facts.StateAccesses).AppendLine().AppendJoin(' ', facts.ScopeReferences).AppendLine()
                .AppendJoin(' ', facts.ScopeWrites).AppendLine().AppendJoin(' ', facts.ToolReferences).AppendLine()
                .AppendJoin(' ', facts.ExtensionReferences).AppendLine().AppendJoin(' ', facts.ForbiddenGlobals).AppendLine()
                .AppendJoin(' ', facts.HostGlobals).AppendLine().AppendJoin(' ', facts.AliasedWrites.Order(StringComparer.Ordinal)).AppendLine()
                .AppendJoin(' ', facts.EmittedEvents.Order(StringComparer.Ordinal)).AppendLine()
                .Append($"{facts.DynamicStateRead} {facts.DynamicStateWrite} {facts.DynamicScope} {facts.DynamicTools} {facts.DynamicExtensions} ")
                .Append($"{facts.DynamicEvents} {facts.UsesView} {facts.UsesAwait} {facts.SyntaxError}");
            return text.ToString();
        }
        finally
        {
            JsAnalyzer.AcornimaOnly = false;
        }
    }

    [Fact]
    public void The_shared_panels_code_is_read_the_same_by_both_parsers()
    {
        var code = Shared.Value;
        Assert.True(code.Count > 300, $"only {code.Count} pieces of code found");
        var accepted = code.Count(c => AgreesWithAcornima(c.Code, c.IsExpression));

        // The subset exists to make the common case fast: it must take nearly all real panel code.
        Assert.True(accepted >= code.Count * 0.9, $"the subset accepted only {accepted} of {code.Count} pieces of code");
    }

    [Fact]
    public void The_bench_corpus_is_read_entirely_by_the_subset()
    {
        var declined = CodeAnalysedIn(TestPaths.BenchCorpus)
            .Where(c => new SubsetParser().TryParse(new JsTree(), c.Code, 0, c.Code.Length, c.IsExpression) < 0)
            .Select(c => c.Code)
            .ToList();
        Assert.True(declined.Count == 0, "the subset declines:\n" + string.Join("\n---\n", declined));
    }

    /// <summary>Tokens that make code interesting to the rules: a mutation inserts one of them.</summary>
    private static readonly string[] Insertions =
    [
        "(", ")", "{", "}", "[", "]", "=>", ",", ";", "\n", "let ", "const ", "await ", "'", "\"", "`", "${", "?.", "??", "||",
        "&&", " in ", " of ", ".", "...", "=", "++", "--", "0", "08", "\\", "/", "return ", "break;", "continue;", "eval",
        "arguments", "yield", "async ", "new ", "delete ", "x", "$state", "$state.a", ":", "?", "if (", "for (", "else ",
        "try {", "catch (e) ", "throw ", "\\u0041", "1e", "0x", "this", "`${a}`", "a => ", "(a, a) => ", "<!--", "-->", "/*", "//",
        "**", "#", "@", "\u00e9", "\u2028", "__proto__: 1, ", "get ", "static ", "var ", "function ", "class ", "while (", "do ",
    ];

    [Fact]
    public void Mutated_code_is_never_accepted_where_Acornima_disagrees()
    {
        var random = new Random(20261126);
        var accepted = 0;
        var tried = 0;
        foreach (var (code, isExpression) in Shared.Value)
        {
            for (var i = 0; i < 24; i++)
            {
                var mutant = Mutate(code, random);
                tried++;
                accepted += AgreesWithAcornima(mutant, isExpression) ? 1 : 0;
            }
        }

        // Mutations that keep the code valid must still reach the comparison, or the test proves nothing.
        Assert.True(accepted > tried / 10, $"only {accepted} of {tried} mutants were accepted by the subset");
    }

    [Fact]
    public void Random_code_from_a_grammar_is_accepted_only_where_Acornima_agrees()
    {
        const int Programs = 3000;
        var accepted = 0;
        for (var seed = 0; seed < Programs; seed++)
        {
            var random = new RandomJs(seed);
            accepted += AgreesWithAcornima(random.Handler(), isExpression: false) ? 1 : 0;
            accepted += AgreesWithAcornima(random.Expression(), isExpression: true) ? 1 : 0;
        }

        // Most of the grammar's code is valid and inside the subset; if the subset declined it all, this would prove nothing.
        Assert.True(accepted > Programs / 2, $"only {accepted} of {2 * Programs} random programs were accepted by the subset");
    }

    private static string Mutate(string code, Random random)
    {
        var at = random.Next(code.Length + 1);
        return random.Next(4) switch
        {
            0 when code.Length > 0 => code.Remove(Math.Min(at, code.Length - 1), 1),
            1 when code.Length > 0 => code.Insert(at, code[Math.Min(at, code.Length - 1)].ToString()),
            2 => code[..at],
            _ => code.Insert(at, Insertions[random.Next(Insertions.Length)]),
        };
    }

    public static TheoryData<string> Handlers() =>
    [
        // Each of these is an error, or means something the subset must not misread.
        "const a = 1; const a = 2;",
        "let a; { let a; } let b; const c = (b) => { let b; };",
        "x => { let x; }",
        "try {} catch (e) { let e; }",
        "for (const x of xs) { const x = 1; }",
        "(a, a) => 1",
        "const n = 08;",
        "const n = 0;\nconst m = 0.5 + .5 + 1e3 + 0x1F;",
        "const s = '\\08';",
        "const s = '\\0' + '\\x41' + '\\u0041' + '\\u{1F600}' + \"\\\"\";",
        "const s = '\\u{110000}';",
        "a ?? b || c",
        "a || b ?? c",
        "a ?? b && c",
        "(a ?? b) || c",
        "a ?? (b || c)",
        "((x)) => 1",
        "(x) => 1",
        "(a)\n=> 1",
        "for (let x in y) {}",
        "for (let i = 0 in y;;) {}",
        "for (let i = 0, n = a.length; i < n; i++) { if (i) continue; else break; }",
        "f(() => await x)",
        "await x; for (const y of await z) {}",
        "delete x",
        "delete $state.a[0]",
        "eval = 1",
        "let = 1",
        "yield",
        "a\n++\nb",
        "throw\nx",
        "break",
        "continue",
        "if (a) const b = 1;",
        "if (a) b = 1; else if (c) d = 2; else { e = 3 }",
        "new.target",
        "new X",
        "new X.Y(1).z",
        "new X?.y",
        "a?.b = 1",
        "a?.b++",
        "a?.b`x`",
        "a?.b.c(d)?.[e]",
        "x = { __proto__: 1, __proto__: 2 }",
        "x = { a, b: 1, [c]: d, 'e': f, 1: g, ...h, }",
        "({a} = b)",
        "[a, b] = c",
        "x = { a = 1 }",
        "x = { get a() { return 1 } }",
        "x = [1, , 2]",
        "x = [1, 2, ...y,]",
        "'use strict'; x = 1",
        "x = 'use strict'",
        "\"line\ncontinued\"",
        "x = 1_000",
        "x = 3in y",
        "x = 1 <!-- y",
        "x = 1\n--> y",
        "a /* unterminated",
        "a /* a\n */ b",
        "/re/.test(x)",
        "x = /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(y) && /a|b|(c)+|(?:d)*?|e{2,3}|[a-z0-9_-]/gi.test(z)",
        "x = /(?=a)+/; y = /(?<=a)*/; z = /[z-a]/; w = /a{3,2}/; v = /a**/; u = /(a/; t = /a)/; s = /*a/",
        "x = /a/gg; y = /a/u; z = /a/x; w = /[\\d-z]/; v = /(?<n>a)\\k<n>/; u = /\\1(a)/; t = /a/\nb",
        "x = a\n/b/g",
        "x = a / b / g",
        "x = /=/.test(y); y /= 2",
        "x = /[/]/; y = /\\//; z = /[]/; w = /[^]/; v = /{/; u = /a{/; t = /}/; s = /]/",
        "x = 1 / 2 / 3",
        "label: for (;;) {}",
        "a\n: b",
        "return",
        "return\nx",
        "x = a ? b : c ? d : e",
        "x = `a${b}c${`d${e}`}f`",
        "x = `\\u{41}${'}'}`",
        "x = `a\r\nb`",
        "const { a, b: c, ...d } = e; const [f, g, ...h] = i;",
        "const { a } = b, { a } = c;",
        "const [a, a] = b;",
        "const {} = a;",
        "const x;",
        "let x, y = 1;",
        "x = y = z += 1",
        "(a) = 1; (a.b) = 2; a.b.c ||= 3; a ??= 4;",
        "a = b\n(c)",
        "x => {}\n(1)",
        "x => {} || y",
        "f(a => b => a + b)",
        "f((a, b,) => a)",
        "f((a, ...b) => a)",
        "f(async () => 1)",
        "f(function () {})",
        "class A {}",
        "var x = 1",
        "x = typeof a === 'b' && void 0 || !c && ~d",
        "x = a instanceof B",
        "x = 'a' in b",
        "x = -a ** 2",
        "x = a << 1 >> 2 >>> 3 & 4 | 5 ^ 6",
        "x = (1, 2)",
        "$emit('done', 1); $emit(`x`); $emit(name)",
        "$emit('\\u{D800}\\u{1F600}\\x41\\n'); $emit(`\\u{DC00}`)",
        "$state.a.push(1); $state.b = [...$state.b]; const c = $state.c.slice(); c.push(2);",
        "$state.list.forEach((t) => { t.done = true; });",
        "for (const t of $state.todos) t.done = true;",
        "Object.assign($state.o, { a: 1 })",
        "const window = 1; fetch(x)",
        "while (a) { a--; }",
        "try { a() } finally { b() }",
        "try { a() } catch { b() }",
        "try { a() }",
        "x = this.a",
        "x = a.if.class.new",
        "x = a\n.b",
        "x = a?.5:1",
        "a.\u00e9 = 1",
        "x = \u00e9",
        "x = 'caf\u00e9'",
        "x = '\u2028'",
        "x = a\u00a0+ b",
        "x = a ? b => c : d",
        "x = (a, b) => { return a }, y = 2",
        "if (a) { } else { }",
        "{ let a; } { let a; }",
        "x = { if: 1, class: 2, new: 3 }",
        "x = { if }",
        "x = { this }",
        "x = { eval }",
    ];

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Probing_code_is_accepted_only_where_Acornima_agrees(string code)
    {
        AgreesWithAcornima(code, isExpression: false);
        AgreesWithAcornima(code, isExpression: true);
    }

    [Theory]
    [InlineData("$state.count = $state.count + 1;", false)]
    [InlineData("const t = $state.todos.find(x => x.id === $args.id);\nif (t) { t.done = !t.done; }", false)]
    [InlineData("$state.items.push({ id: Date.now(), text: $args.text, tags: [...$args.tags] })\n$emit('added', $args.text)", false)]
    [InlineData("for (const e of $state.events) { if (e.level === 'error') { count++; } }", false)]
    [InlineData("const r = await $tools.load({ page: 1 }); $state.rows = r?.rows ?? [];", false)]
    [InlineData("$state.items.filter(i => !i.done).length + ' left'", true)]
    [InlineData("`${$scope.item.name} (${$scope.item.count})`", true)]
    [InlineData("$state.total > 0 ? Math.round($state.done / $state.total * 100) : 0", true)]
    public void Everyday_panel_code_takes_the_subset(string code, bool isExpression)
    {
        Assert.True(AgreesWithAcornima(code, isExpression), "the subset declined everyday code");
    }

    [Fact]
    public void Threads_checking_at_once_get_what_one_thread_gets()
    {
        // Each thread has its own parsers; code that leaves the subset (syntax errors, eval) bails on several at once.
        var sources = Directory.GetFiles(Path.Combine(TestPaths.Conformance, "nxml"), "*.nxml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var expected = sources.Select(Diagnostics).ToArray();
        var results = new string[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            results[thread] = [.. sources.Select(Diagnostics)];
        });

        foreach (var result in results)
        {
            Assert.Equal(expected, result);
        }

        static string Diagnostics(string source) =>
            string.Join("\n", NxmlDocument.Check(source).Diagnostics.Select(d => $"{d.Code} {d.Line}:{d.Column} {d.Message}"));
    }

    [Fact]
    public void Deep_nesting_goes_to_Acornima()
    {
        var code = new string('(', 5000) + "a" + new string(')', 5000);
        Assert.Equal(-1, new SubsetParser().TryParse(new JsTree(), code, 0, code.Length, isExpression: true));
    }

    [Fact]
    public void Code_inside_a_larger_text_keeps_offsets_from_its_own_start()
    {
        const string text = "<Handler>$state.a = 1;</Handler>";
        var tree = new JsTree();
        var root = new SubsetParser().TryParse(tree, text, 9, 13, isExpression: false);
        Assert.True(root >= 0);
        var acornima = new JsTree();
        Assert.Equal(acornima.Describe(JsAnalyzer.ParseWithAcornima(acornima, text, 9, 13, isExpression: false)), tree.Describe(root));
        Assert.Contains("Member 0-8", tree.Describe(root), StringComparison.Ordinal);
    }
}
