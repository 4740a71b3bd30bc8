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

    /// <summary>The <c>?limit=</c> of <c>GET .../commits</c>.</summary>
    public QueryLimit Commits { get; private set; } = new(50, 500);

    /// <summary>The options in <paramref name="configuration"/>, validated (a clear error naming the setting otherwise).</summary>
    public static WorkspacesApiOptions Read(IConfiguration configuration)
    {
        var options = new WorkspacesApiOptions();
        configuration.GetSection(Section).Bind(options);
        options.Commits = QueryLimit.Validated(Section, nameof(DefaultCommitLimit), options.DefaultCommitLimit, nameof(MaxCommitLimit), options.MaxCommitLimit, 10_000);
        return options;
    }
}
