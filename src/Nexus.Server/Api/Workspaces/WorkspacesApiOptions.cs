namespace Nexus.Server.Api.Workspaces;

/// <summary>Limits of the workspaces API, read from <c>Nexus:Api:Workspaces</c> when the routes are mapped.</summary>
public sealed class WorkspacesApiOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "Nexus:Api:Workspaces";

    /// <summary>How many commits <c>GET .../commits</c> returns without a <c>limit</c> (default 50).</summary>
    public int DefaultCommitLimit { get; set; } = 50;

    /// <summary>The largest <c>limit</c> a caller may ask for (default 500); larger is 400.</summary>
    public int MaxCommitLimit { get; set; } = 500;

    /// <summary>The options in <paramref name="configuration"/>, validated (a clear error naming the setting otherwise).</summary>
    public static WorkspacesApiOptions Read(IConfiguration configuration)
    {
        var options = new WorkspacesApiOptions();
        configuration.GetSection(Section).Bind(options);
        if (options.MaxCommitLimit is < 1 or > 10_000)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxCommitLimit)} must be between 1 and 10000 (is {options.MaxCommitLimit}).");
        }

        if (options.DefaultCommitLimit < 1 || options.DefaultCommitLimit > options.MaxCommitLimit)
        {
            throw new InvalidOperationException($"{Section}:{nameof(DefaultCommitLimit)} must be between 1 and {nameof(MaxCommitLimit)} (is {options.DefaultCommitLimit}).");
        }

        return options;
    }
}
