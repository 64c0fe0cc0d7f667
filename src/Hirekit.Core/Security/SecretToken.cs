using System.Security.Cryptography;
using System.Text;

namespace Hirekit.Core.Security;

/// <summary>
/// High-entropy secrets handed to people or programs (session cookies, API tokens, setup and
/// candidate links). Only <see cref="Hash"/> is ever stored: 256 random bits need no slow hash,
/// and a database leak then reveals no usable secret.
/// </summary>
public static class SecretToken
{
    private const int RandomBytes = 32;

    /// <summary>
    /// The longest token accepted from outside. Ours are 43 characters after a short prefix, so a
    /// longer one cannot match and is refused before it is hashed.
    /// </summary>
    public const int MaxPresentedLength = 200;

    /// <summary>A new token: <paramref name="prefix"/> followed by 256 random bits in base64url.</summary>
    public static string Create(string prefix = "")
    {
        Span<byte> bytes = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(bytes);
        return prefix + Base64Url(bytes);
    }

    /// <summary>The lower-case hex SHA-256 of the token, the form stored and looked up.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// The hash to look a presented token up by (a cookie, a bearer token, a link), or null when it
    /// is empty or longer than <see cref="MaxPresentedLength"/> and so cannot match anything.
    /// </summary>
    public static string? HashPresented(string? token) =>
        string.IsNullOrEmpty(token) || token.Length > MaxPresentedLength ? null : Hash(token);

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
