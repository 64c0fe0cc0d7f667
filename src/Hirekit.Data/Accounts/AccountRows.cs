using Hirekit.Core.Accounts;

namespace Hirekit.Data.Accounts;

internal sealed class UserRow
{
    public const string Columns = "u.id, u.email, u.display_name, u.password_hash, u.failed_sign_ins, u.locked_until, u.created_at";

    public Guid Id { get; init; }

    public string Email { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string PasswordHash { get; init; } = "";

    public int FailedSignIns { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public User ToUser() => new(Id, Email, DisplayName, PasswordHash, FailedSignIns, LockedUntil, CreatedAt);
}

internal sealed class IdRow
{
    public Guid Id { get; init; }
}

internal sealed class OrganizationRow
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string Slug { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public Organization ToOrganization() => new(Id, Name, Slug, CreatedAt);
}

internal sealed class MemberRow
{
    public const string Select = """
        SELECT u.id AS user_id, u.email, u.display_name, m.role, m.is_active, m.created_at
        FROM memberships m
        JOIN users u ON u.id = m.user_id
        """;

    public Guid UserId { get; init; }

    public string Email { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string Role { get; init; } = "";

    public bool IsActive { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Member ToMember() => new(UserId, Email, DisplayName, Roles.Parse(Role), IsActive, CreatedAt);
}

internal sealed class MembershipRow
{
    public Guid OrganizationId { get; init; }

    public Guid UserId { get; init; }

    public string Role { get; init; } = "";

    public bool IsActive { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Membership ToMembership() => new(OrganizationId, UserId, Roles.Parse(Role), IsActive, CreatedAt);
}

internal static class AccountSql
{
    public const string InsertUser = """
        INSERT INTO users (id, email, display_name, password_hash, failed_sign_ins, locked_until, created_at)
        VALUES (@Id, @Email, @DisplayName, @PasswordHash, 0, NULL, @CreatedAt)
        """;

    public const string InsertMembership = """
        INSERT INTO memberships (organization_id, user_id, role, is_active, created_at)
        VALUES (@OrganizationId, @UserId, @Role, @IsActive, @CreatedAt)
        """;

    public const string InsertOrganization = """
        INSERT INTO organizations (id, name, slug, created_at) VALUES (@Id, @Name, @Slug, @CreatedAt)
        """;

    public static object MembershipParameters(Membership m) =>
        new { m.OrganizationId, m.UserId, Role = m.Role.Code(), m.IsActive, m.CreatedAt };
}
