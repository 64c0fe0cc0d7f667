namespace Hirekit.Core.Accounts;

/// <summary>A person who can sign in. E-mail addresses are unique and stored lower-cased.</summary>
public sealed record User(
    Guid Id,
    string Email,
    string DisplayName,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt);

/// <summary>A user's place in one organisation.</summary>
public sealed record Membership(Guid OrganizationId, Guid UserId, Role Role, bool IsActive, DateTimeOffset CreatedAt);

/// <summary>A member as the organisation's admins see them.</summary>
public sealed record Member(Guid UserId, string Email, string DisplayName, Role Role, bool IsActive, DateTimeOffset CreatedAt);

public static class Emails
{
    /// <summary>The stored form of an address: trimmed and lower-cased (invariant).</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A deliberately simple shape check; the only real proof of an address is mail arriving.</summary>
    public static bool LooksValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            return false;
        }

        var e = email.Trim();
        var at = e.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == e.LastIndexOf('@') && at < e.Length - 3 && e.IndexOf('.', at) > at + 1 && !e.EndsWith('.') && !e.Any(char.IsWhiteSpace);
    }
}
