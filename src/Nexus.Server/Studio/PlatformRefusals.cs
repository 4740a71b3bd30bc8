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

    /// <summary>The API's messages start in lower case (they follow a status); the UI shows them as sentences.</summary>
    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
