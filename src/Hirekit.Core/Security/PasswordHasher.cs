using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hirekit.Core.Security;

/// <summary>
/// PBKDF2-HMAC-SHA512 password hashes in the self-describing form
/// <c>pbkdf2-sha512$iterations$salt$hash</c> (base64 parts), so the cost can rise later and old
/// hashes still verify (and report that they need a rehash).
/// </summary>
public static class PasswordHasher
{
    /// <summary>OWASP's 2023 floor for PBKDF2-HMAC-SHA512.</summary>
    public const int Iterations = 210_000;

    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Checks a password in constant time with respect to the stored hash.</summary>
    public static PasswordCheck Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return PasswordCheck.Failed;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return PasswordCheck.Failed;
        }

        var actual = Derive(password, salt, iterations, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordCheck.Failed;
        }

        return iterations < Iterations ? PasswordCheck.SucceededNeedsRehash : PasswordCheck.Succeeded;
    }

    /// <summary>Shape rules for a new password; null when acceptable.</summary>
    public static string? Weakness(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return $"Use at least {MinimumLength} characters.";
        }

        if (password.Length > MaximumLength)
        {
            return $"Use at most {MaximumLength} characters.";
        }

        return password.Distinct().Count() < 5 ? "Use a less repetitive password." : null;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, length);
}

public enum PasswordCheck
{
    Failed,
    Succeeded,
    SucceededNeedsRehash,
}
