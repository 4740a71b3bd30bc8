namespace Nexus.Reactor;

/// <summary>
/// The limits of one panel's sandbox (§5). Every value is validated when set; the defaults are the
/// reference's. A workspace may configure its own.
/// </summary>
public sealed record ReactorOptions
{
    public static readonly ReactorOptions Default = new();

    /// <summary>Wall time of one tool execution, awaits included (<c>TIMEOUT</c>). Default 5 s.</summary>
    public TimeSpan Timeout
    {
        get;
        init => field = value > TimeSpan.Zero && value <= TimeSpan.FromMinutes(10) ? value : throw Invalid(nameof(Timeout), value, "between 0 and 10 minutes");
    } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes a handler may allocate in one execution, over all its runs of JavaScript between awaits of host
    /// calls (<c>MEMORY_LIMIT</c>); also the most a value crossing the sandbox may take as JSON. Default 32 MiB.
    /// </summary>
    public long MemoryBytes
    {
        get;
        init => field = value >= 1024 * 1024 ? value : throw Invalid(nameof(MemoryBytes), value, "at least 1 MiB");
    } = 32 * 1024 * 1024;

    /// <summary>Calls of the host API (<c>$emit</c>, <c>$log</c>, <c>$view</c>, <c>$ext</c>, <c>$tools</c>) per execution (<c>RESOURCE_LIMIT</c>). Default 10,000.</summary>
    public int MaxHostCalls { get; init => field = Positive(nameof(MaxHostCalls), value); } = 10_000;

    /// <summary>State writes per execution (<c>RESOURCE_LIMIT</c>). Default 1,000.</summary>
    public int MaxStateWrites { get; init => field = Positive(nameof(MaxStateWrites), value); } = 1_000;

    /// <summary>Events per execution (<c>RESOURCE_LIMIT</c>). Default 100.</summary>
    public int MaxEvents { get; init => field = Positive(nameof(MaxEvents), value); } = 100;

    /// <summary>
    /// JavaScript call depth (<c>RESOURCE_LIMIT</c>). Default 256. Scripts run on threads with a large stack,
    /// so the host never overflows before this limit does.
    /// </summary>
    public int RecursionLimit
    {
        get;
        init => field = value is >= 16 and <= 2_000 ? value : throw Invalid(nameof(RecursionLimit), value, "between 16 and 2,000");
    } = 256;

    /// <summary>How deep a chain of computeds may go before it is cut (value <c>null</c>, logged). Default 50.</summary>
    public int ReactiveDepthLimit { get; init => field = Positive(nameof(ReactiveDepthLimit), value); } = 50;

    /// <summary>How long one regular expression may run. Default 1 s.</summary>
    public TimeSpan RegexTimeout
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw Invalid(nameof(RegexTimeout), value, "positive");
    } = TimeSpan.FromSeconds(1);

    /// <summary>Lines kept in the panel's log ring buffer. Default 500.</summary>
    public int LogCapacity { get; init => field = Positive(nameof(LogCapacity), value); } = 500;

    /// <summary>Characters of one log line or error message kept (longer ones are cut). Default 2,000.</summary>
    public int MaxLogLineLength { get; init => field = Positive(nameof(MaxLogLineLength), value); } = 2_000;

    private static int Positive(string name, int value) => value > 0 ? value : throw Invalid(name, value, "positive");

    private static ArgumentOutOfRangeException Invalid(string name, object value, string rule) => new(name, value, $"{name} must be {rule}");
}
