using Nexus.Server.Errors;
using Nexus.Server.Identity;
using Nexus.Studio.Platform;
using Nexus.Workspace;

namespace Nexus.Server.Studio;

/// <summary>Turns the server's refusals (API, workspace, identity) into the Studio's, keeping the codes the HTTP API answers with.</summary>
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
    }

    public static Task TranslateAsync(Func<Task> operation) => TranslateAsync(async () =>
    {
        await operation().ConfigureAwait(false);
        return true;
    });

    private static string Sentence(string message) => PlatformRefusalException.Sentence(message);
}
