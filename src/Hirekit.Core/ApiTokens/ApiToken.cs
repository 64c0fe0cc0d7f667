using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;

namespace Hirekit.Core.ApiTokens;

/// <summary>
/// A personal API token. The secret is shown once at creation; the store keeps its SHA-256 hash
/// and a short <see cref="DisplayPrefix"/> so people can tell their tokens apart.
/// </summary>
public sealed record ApiToken(
    Guid Id,
    Guid OrganizationId,
    Guid UserId,
    string Name,
    string TokenHash,
    string DisplayPrefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <summary>A token joined with the member it acts for, as authentication needs it.</summary>
public sealed record ApiTokenRecord(
    Guid Id,
    Guid UserId,
    Guid OrganizationId,
    Role Role,
    string DisplayName,
    bool MemberActive,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

public interface IApiTokenStore
{
    Task CreateAsync(ApiToken token, AuditEntry audit, CancellationToken ct);

    Task<IReadOnlyList<ApiToken>> ListAsync(Guid organizationId, Guid userId, CancellationToken ct);

    /// <summary>False when the token does not exist for this user or is already revoked.</summary>
    Task<bool> RevokeAsync(Guid organizationId, Guid userId, Guid tokenId, DateTimeOffset revokedAt, AuditEntry audit, CancellationToken ct);

    Task<ApiTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken ct);

    /// <summary>
    /// Records a use of the token at <paramref name="lastUsedAt"/> when it has never been used or
    /// was last used at or before <paramref name="staleBefore"/>; false when another request got
    /// there first (the same one-writer rule as <c>ISessionStore.TouchAsync</c>).
    /// </summary>
    Task<bool> TouchAsync(Guid tokenId, DateTimeOffset lastUsedAt, DateTimeOffset staleBefore, CancellationToken ct);
}
