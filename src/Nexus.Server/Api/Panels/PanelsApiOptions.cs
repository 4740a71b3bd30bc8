namespace Nexus.Server.Api.Panels;

/// <summary>Limits of the panels API, read from <c>Nexus:Api:Panels</c> when the routes are mapped.</summary>
public sealed class PanelsApiOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "Nexus:Api:Panels";

    /// <summary>Log lines returned when <c>?limit=</c> is absent (default 100).</summary>
    public int DefaultLogLines { get; set; } = 100;

    /// <summary>The largest <c>?limit=</c> of the log endpoint (default 1,000; the runtime's ring buffer is smaller by default anyway).</summary>
    public int MaxLogLines { get; set; } = 1000;

    /// <summary>Commits returned by the history endpoint when <c>?limit=</c> is absent (default 100).</summary>
    public int DefaultHistory { get; set; } = 100;

    /// <summary>The largest <c>?limit=</c> of the history endpoint (default 1,000).</summary>
    public int MaxHistory { get; set; } = 1000;

    public QueryLimit Log { get; private set; } = new(100, 1000);

    public QueryLimit History { get; private set; } = new(100, 1000);

    /// <summary>The options in <paramref name="configuration"/>, validated (a clear error naming the setting otherwise).</summary>
    public static PanelsApiOptions Read(IConfiguration configuration)
    {
        var options = new PanelsApiOptions();
        configuration.GetSection(Section).Bind(options);
        options.Log = QueryLimit.Validated(Section, nameof(DefaultLogLines), options.DefaultLogLines, nameof(MaxLogLines), options.MaxLogLines, 100_000);
        options.History = QueryLimit.Validated(Section, nameof(DefaultHistory), options.DefaultHistory, nameof(MaxHistory), options.MaxHistory, 10_000);
        return options;
    }
}
