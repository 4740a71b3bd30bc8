namespace Nexus.Reactor.Tests.Hostile;

public static partial class HostileCases
{
    /// <summary>Cases that found bugs in the runtime; each came with its fix.</summary>
    private static IReadOnlyList<HostileCase> Regressions =>
    [
    ];
}
