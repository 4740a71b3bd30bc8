using Nexus.Server.Data;

namespace Nexus.Server.Api.Proposals;

/// <summary>Settings of the proposals API, read from <c>Nexus:Api:Proposals</c> when the routes are mapped.</summary>
public sealed class ProposalsApiOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "Nexus:Api:Proposals";

    /// <summary>The least role that may accept a proposal: <c>Owner</c> (default) or <c>Editor</c>.</summary>
    public WorkspaceRole AcceptRole { get; set; } = WorkspaceRole.Owner;

    /// <summary>The options in <paramref name="configuration"/>, validated (a clear error naming the setting otherwise).</summary>
    public static ProposalsApiOptions Read(IConfiguration configuration)
    {
        var options = new ProposalsApiOptions();
        configuration.GetSection(Section).Bind(options);
        return options.AcceptRole is WorkspaceRole.Owner or WorkspaceRole.Editor
            ? options
            : throw new InvalidOperationException($"{Section}:{nameof(AcceptRole)} must be Owner or Editor (is {options.AcceptRole}).");
    }
}
