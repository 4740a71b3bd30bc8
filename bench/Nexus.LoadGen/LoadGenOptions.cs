using System.Globalization;

namespace Nexus.LoadGen;

/// <summary>The scenarios the generator knows (<c>--scenario</c>).</summary>
internal enum ScenarioKind
{
    /// <summary>WebSocket TRIGGER → RESULT round trips with each client count; clients hear only their own RESULTs.</summary>
    WebSocket,

    /// <summary>The same, but every client also hears the PATCH of every call (browsers on one panel).</summary>
    WebSocketWithPatches,

    /// <summary>One driver triggers at a steady rate; every subscriber of the panel must receive each PATCH.</summary>
    FanOut,

    /// <summary><c>POST .../tools/{tool}</c> round trips with each client count.</summary>
    Http,
}

/// <summary>The command line, checked: every bad value is refused with a message naming the option.</summary>
internal sealed record LoadGenOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Nexus.LoadGen -- [options]
          --url URL            measure a running server instead of starting one (it must allow sign-ups)
          --server-dll PATH    the server to start (default: src/Nexus.Server/bin/<configuration>/net10.0/Nexus.Server.dll)
          --scenario LIST      ws, ws-patches, fanout, http or all, comma-separated (default all)
          --duration SECONDS   measured time per scenario (default 10)
          --warmup SECONDS     unmeasured load before each scenario (default 10: the server's JIT takes that long to settle)
          --clients LIST       client counts of the ws and http scenarios (default 1,10,100)
          --window N           requests each ws client keeps in flight (default 1)
          --subscribers N      WebSocket subscribers of the fan-out scenario (default 100)
          --rate N             the fan-out driver's triggers per second (default 100)
          --repeat N           run every scenario N times (default 1)
          --json FILE          also write the results as JSON
        """;

    private static readonly ScenarioKind[] All = [ScenarioKind.WebSocket, ScenarioKind.WebSocketWithPatches, ScenarioKind.FanOut, ScenarioKind.Http];

    public Uri? Url { get; init; }

    public string? ServerDll { get; init; }

    public IReadOnlyList<ScenarioKind> Scenarios { get; init; } = All;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<int> Clients { get; init; } = [1, 10, 100];

    public int Window { get; init; } = 1;

    public int Subscribers { get; init; } = 100;

    public int Rate { get; init; } = 100;

    public int Repeat { get; init; } = 1;

    public string? JsonFile { get; init; }

    /// <summary>The options, or the reason they are refused.</summary>
    public static (LoadGenOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new LoadGenOptions();
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
                options = name switch
                {
                    "--url" => options with { Url = ParseUrl(Value()) },
                    "--server-dll" => options with { ServerDll = Value() },
                    "--scenario" => options with { Scenarios = ParseScenarios(Value()) },
                    "--duration" => options with { Duration = Seconds(name, Value(), 1, 3_600) },
                    "--warmup" => options with { Warmup = Seconds(name, Value(), 0, 600) },
                    "--clients" => options with { Clients = [.. Value().Split(',').Select(c => Integer(name, c, 1, 1_000))] },
                    "--window" => options with { Window = Integer(name, Value(), 1, 1_000) },
                    "--subscribers" => options with { Subscribers = Integer(name, Value(), 1, 1_000) },
                    "--rate" => options with { Rate = Integer(name, Value(), 1, 100_000) },
                    "--repeat" => options with { Repeat = Integer(name, Value(), 1, 100) },
                    "--json" => options with { JsonFile = Value() },
                    _ => throw new FormatException($"unknown option '{name}'"),
                };
            }
        }
        catch (FormatException exception)
        {
            return (null, exception.Message);
        }

        return (options, null);
    }

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new FormatException($"--url must be an absolute http(s) URL (got '{text}')");

    private static ScenarioKind[] ParseScenarios(string text)
    {
        var kinds = new List<ScenarioKind>();
        foreach (var name in text.Split(','))
        {
            kinds.AddRange(name.Trim() switch
            {
                "ws" => [ScenarioKind.WebSocket],
                "ws-patches" => [ScenarioKind.WebSocketWithPatches],
                "fanout" => [ScenarioKind.FanOut],
                "http" => [ScenarioKind.Http],
                "all" => All,
                _ => throw new FormatException($"--scenario: unknown scenario '{name}' (ws, ws-patches, fanout, http, all)"),
            });
        }

        return [.. kinds.Distinct()];
    }

    private static TimeSpan Seconds(string name, string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? TimeSpan.FromSeconds(value)
            : throw new FormatException($"{name} must be a number of seconds between {min} and {max} (got '{text}')");

    private static int Integer(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} must be a whole number between {min} and {max} (got '{text}')");
}
