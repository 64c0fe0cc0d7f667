using Hirekit.Core.Audit;

namespace Hirekit.Core.Accounts;

/// <summary>Organisations, users and memberships. Writes that report <c>false</c> hit a uniqueness rule or found no row.</summary>
public interface IAccountStore
{
    Task<bool> AnyUserAsync(CancellationToken ct);

    Task<Organization?> FindOrganizationAsync(Guid organizationId, CancellationToken ct);

    Task<Organization?> FindOrganizationByNameAsync(string name, CancellationToken ct);

    Task<IReadOnlyList<Guid>> ListOrganizationIdsAsync(CancellationToken ct);

    /// <summary>False when the name or slug is taken.</summary>
    Task<bool> CreateOrganizationAsync(Organization organization, AuditEntry audit, CancellationToken ct);

    Task<User?> FindUserByEmailAsync(string normalizedEmail, CancellationToken ct);

    Task<User?> FindUserAsync(Guid userId, CancellationToken ct);

    /// <summary>Creates a new user and their first membership; false when the e-mail is taken.</summary>
    Task<bool> CreateUserAsync(User user, Membership membership, AuditEntry audit, CancellationToken ct);

    /// <summary>Adds an existing user to an organisation; false when already a member.</summary>
    Task<bool> AddMembershipAsync(Membership membership, AuditEntry audit, CancellationToken ct);

    Task<IReadOnlyList<Member>> ListMembersAsync(Guid organizationId, CancellationToken ct);

    Task<Member?> FindMemberAsync(Guid organizationId, Guid userId, CancellationToken ct);

    /// <summary>The user's active memberships, oldest first.</summary>
    Task<IReadOnlyList<Membership>> ListActiveMembershipsAsync(Guid userId, CancellationToken ct);

    Task<int> CountActiveAdminsAsync(Guid organizationId, CancellationToken ct);

    Task<bool> ChangeRoleAsync(Guid organizationId, Guid userId, Role role, AuditEntry audit, CancellationToken ct);

    /// <summary>Deactivating also ends the member's sessions in that organisation, in the same transaction.</summary>
    Task<bool> SetMemberActiveAsync(Guid organizationId, Guid userId, bool active, AuditEntry audit, CancellationToken ct);

    /// <summary>
    /// Counts a failed sign-in atomically; the failure that reaches <paramref name="maxFailures"/>
    /// locks the account until <paramref name="lockedUntil"/> and resets the count.
    /// Returns the lock time when this failure locked the account.
    /// </summary>
    Task<DateTimeOffset?> RecordSignInFailureAsync(Guid userId, int maxFailures, DateTimeOffset lockedUntil, CancellationToken ct);

    /// <summary>Clears the failure count; stores <paramref name="rehashedPassword"/> when the hash was upgraded.</summary>
    Task RecordSignInSuccessAsync(Guid userId, string? rehashedPassword, CancellationToken ct);

    /// <summary>Sets a new password hash and ends every other session of the user.</summary>
    Task ChangePasswordAsync(Guid userId, string passwordHash, Guid? keepSessionId, AuditEntry audit, CancellationToken ct);
}
