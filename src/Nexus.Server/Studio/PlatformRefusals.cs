using Nexus.Server.Errors;
using Nexus.Server.Identity;
using Nexus.Studio.Platform;
using Nexus.Workspace;
using Nexus.Workspace.Proposals;

namespace Nexus.Server.Studio;

/// <summary>Turns the server's refusals (API, workspace, identity, proposals) into the Studio's, keeping the codes the HTTP API answers with.</summary>
internal static class PlatformRefusals
{
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (ApiException refusal)
        {
            throw new PlatformRefusalException(refusal.Code, Sentence(refusal.Message), refusal);
        }
        catch (WorkspaceException refusal)
        {
            throw new PlatformRefusalException(refusal.Code, Sentence(refusal.Message), refusal);
        }
        catch (AuthException refusal)
        {
            throw new PlatformRefusalException(refusal.Code, Sentence(refusal.Message), refusal);
        }
        catch (ProposalException refusal)
        {
            throw new PlatformRefusalException(refusal.Code, Sentence(refusal.Message), refusal);
        }
    }

    public static Task TranslateAsync(Func<Task> operation) => TranslateAsync(async () =>
    {
        await operation().ConfigureAwait(false);
        return true;
    });

    /// <summary>
    /// Runs an operation in its own DI scope (and database context), translating refusals: a Blazor circuit's scope
    /// lives as long as the tab, and its events may overlap.
    /// </summary>
    public static Task<T> InScopeAsync<T>(IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> operation) => TranslateAsync(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider).ConfigureAwait(false);
    });

    private static string Sentence(string message) => PlatformRefusalException.Sentence(message);
}
