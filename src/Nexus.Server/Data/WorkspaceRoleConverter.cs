using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Nexus.Server.Data;

/// <summary>Stores <see cref="WorkspaceRole"/> as the API's lower-case names so the table reads like the API.</summary>
internal sealed class WorkspaceRoleConverter : ValueConverter<WorkspaceRole, string>
{
    public WorkspaceRoleConverter()
        : base(role => ToName(role), name => FromName(name))
    {
    }

    public static string ToName(WorkspaceRole role) => role switch
    {
        WorkspaceRole.Owner => "owner",
        WorkspaceRole.Editor => "editor",
        _ => "viewer",
    };

    public static WorkspaceRole FromName(string name) => name switch
    {
        "owner" => WorkspaceRole.Owner,
        "editor" => WorkspaceRole.Editor,
        _ => WorkspaceRole.Viewer,
    };
}
