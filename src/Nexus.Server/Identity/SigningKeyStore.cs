using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Nexus.Server.Hosting;

namespace Nexus.Server.Identity;

/// <summary>
/// The key access tokens are signed with: <see cref="AuthOptions.SigningKey"/> when configured, else a random key
/// generated on first start and kept in <c>&lt;DataDirectory&gt;/secrets/jwt-signing-key</c> (mode 600 on Unix), so
/// tokens survive a restart on the same data directory. Never a constant in code.
/// </summary>
public sealed class SigningKeyStore
{
    /// <summary>The key file's path relative to the data directory.</summary>
    public const string RelativeKeyPath = "secrets/jwt-signing-key";

    private const int GeneratedKeyBytes = 64;

    /// <summary>Loads or creates the key.</summary>
    public SigningKeyStore(IOptions<AuthOptions> auth, IOptions<NexusServerOptions> server)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(server);
        var bytes = auth.Value.SigningKey is { } configured
            ? TryDecode(configured) ?? throw new InvalidOperationException($"{AuthOptions.SectionName}:SigningKey is not valid base64 of at least {AuthOptions.MinSigningKeyBytes} bytes.")
            : LoadOrCreate(Path.Combine(server.Value.DataDirectory, RelativeKeyPath));
        Key = new SymmetricSecurityKey(bytes);
    }

    /// <summary>The HMAC-SHA256 key.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>The decoded key, or null when it is not base64 or shorter than <see cref="AuthOptions.MinSigningKeyBytes"/>.</summary>
    internal static byte[]? TryDecode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written >= AuthOptions.MinSigningKeyBytes
            ? buffer[..written]
            : null;
    }

    private static byte[] LoadOrCreate(string file)
    {
        if (File.Exists(file))
        {
            return TryDecode(File.ReadAllText(file))
                ?? throw new InvalidOperationException($"The signing key file '{file}' is damaged; delete it to generate a new one (issued tokens stop working).");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(file, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created it first: use theirs, so both sign with the same key.
            return LoadOrCreate(file);
        }

        return key;
    }
}
