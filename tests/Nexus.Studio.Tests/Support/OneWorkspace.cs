using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Studio.Account;
using Nexus.Studio.Platform;
using Nexus.Workspace;

namespace Nexus.Studio.Tests.Support;

/// <summary>The port with one workspace: opened for its user up to the current role, refused above it (as the platform does).</summary>
internal sealed class OneWorkspace(StudioRole role) : IStudioWorkspaces
{
    public Guid UserId { get; } = Guid.NewGuid();

    public Guid WorkspaceId { get; } = Guid.NewGuid();

    public StudioRole Role { get; set; } = role;

    public NexusWorkspace? Live { get; set; }

    public Dictionary<string, string> Templates { get; } = [];

    /// <summary>Puts <paramref name="workspace"/> behind this port in <paramref name="bunit"/>'s services, with its user signed in.</summary>
    public void SignIn(BunitContext bunit, NexusWorkspace workspace)
    {
        Live = workspace;
        bunit.Services.AddSingleton<IStudioWorkspaces>(this);
        var auth = bunit.AddAuthorization();
        auth.SetAuthorized("member");
        auth.SetClaims(new Claim(StudioAuthentication.UserIdClaim, UserId.ToString("D")));
    }

    IReadOnlyDictionary<string, string> IStudioWorkspaces.Templates => Templates;

    /// <summary>When set, the quota check refuses with it (as the platform does at a plan's limit).</summary>
    public PlatformRefusalException? RoomRefusal { get; init; }

    public Task<OpenedWorkspace> OpenAsync(Guid user, Guid workspaceId, StudioRole minimum, CancellationToken cancellationToken = default) =>
        user != UserId || workspaceId != WorkspaceId || Live is null
            ? throw new PlatformRefusalException(PlatformRefusalException.NotFound, "not found")
            : Role < minimum
                ? throw new PlatformRefusalException("FORBIDDEN", "Your role does not allow this.")
                : Task.FromResult(new OpenedWorkspace(new WorkspaceSummary(WorkspaceId, "Shared", null, Role, DateTimeOffset.UtcNow), Live));

    /// <summary>When set, every change is refused with it (as the platform does when the plan's storage is full).</summary>
    public PlatformRefusalException? ChangeRefusal { get; set; }

    public async Task EnsureCanChangeAsync(Guid user, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await OpenAsync(user, workspaceId, StudioRole.Editor, cancellationToken);
        if (ChangeRefusal is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>The panel limit the port answers (the platform's plan limit); none by default.</summary>
    public int MaxPanels { get; init; } = int.MaxValue;

    public async Task<int> EnsureRoomForPanelAsync(Guid user, Guid workspaceId, CancellationToken cancellationToken = default)
    {
        await EnsureCanChangeAsync(user, workspaceId, cancellationToken);
        return RoomRefusal is { } refusal ? throw refusal : MaxPanels;
    }

    public Task<IReadOnlyList<WorkspaceSummary>> ListAsync(Guid user, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<WorkspaceSummary> CreateAsync(Guid user, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<WorkspaceSummary> CloneAsync(Guid user, Guid workspaceId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RenameAsync(Guid user, Guid workspaceId, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeleteAsync(Guid user, Guid workspaceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
