using System.Data.Common;
using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Accounts;

public sealed class AccountStore(IDbConnectionFactory db) : IAccountStore
{
    public async Task<bool> AnyUserAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT 1 FROM users LIMIT 1", cancellationToken: ct)) is not null;
    }

    public Task<Organization?> FindOrganizationAsync(Guid organizationId, CancellationToken ct) =>
        FindOrganizationWhereAsync("id = @Id", new { Id = organizationId }, ct);

    public Task<Organization?> FindOrganizationByNameAsync(string name, CancellationToken ct) =>
        FindOrganizationWhereAsync("lower(name) = lower(@Name)", new { Name = name.Trim() }, ct);

    public async Task<IReadOnlyList<Guid>> ListOrganizationIdsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<IdRow>(new CommandDefinition("SELECT id FROM organizations ORDER BY id", cancellationToken: ct));
        return rows.Select(r => r.Id).ToList();
    }

    public async Task<bool> CreateOrganizationAsync(Organization organization, AuditEntry audit, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(new CommandDefinition(AccountSql.InsertOrganization, organization, transaction, cancellationToken: ct));
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                },
                ct);
            return true;
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<User?> FindUserByEmailAsync(string normalizedEmail, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition($"SELECT {UserRow.Columns} FROM users u WHERE u.email = @Email", new { Email = normalizedEmail }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<User?> FindUserAsync(Guid userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition($"SELECT {UserRow.Columns} FROM users u WHERE u.id = @Id", new { Id = userId }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<bool> CreateUserAsync(User user, Membership membership, AuditEntry audit, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(new CommandDefinition(AccountSql.InsertUser, user, transaction, cancellationToken: ct));
                    await connection.ExecuteAsync(new CommandDefinition(AccountSql.InsertMembership, AccountSql.MembershipParameters(membership), transaction, cancellationToken: ct));
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                },
                ct);
            return true;
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<bool> AddMembershipAsync(Membership membership, AuditEntry audit, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(new CommandDefinition(AccountSql.InsertMembership, AccountSql.MembershipParameters(membership), transaction, cancellationToken: ct));
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                },
                ct);
            return true;
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<Member>> ListMembersAsync(Guid organizationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition($"{MemberRow.Select} WHERE m.organization_id = @OrganizationId ORDER BY lower(u.display_name), u.id", new { OrganizationId = organizationId }, cancellationToken: ct));
        return rows.Select(r => r.ToMember()).ToList();
    }

    public async Task<Member?> FindMemberAsync(Guid organizationId, Guid userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition($"{MemberRow.Select} WHERE m.organization_id = @OrganizationId AND m.user_id = @UserId", new { OrganizationId = organizationId, UserId = userId }, cancellationToken: ct));
        return row?.ToMember();
    }

    public async Task<IReadOnlyList<Membership>> ListActiveMembershipsAsync(Guid userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<MembershipRow>(new CommandDefinition(
            "SELECT organization_id, user_id, role, is_active, created_at FROM memberships WHERE user_id = @UserId AND is_active = TRUE ORDER BY created_at, organization_id",
            new { UserId = userId },
            cancellationToken: ct));
        return rows.Select(r => r.ToMembership()).ToList();
    }

    public async Task<int> CountActiveAdminsAsync(Guid organizationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM memberships WHERE organization_id = @OrganizationId AND role = 'admin' AND is_active = TRUE",
            new { OrganizationId = organizationId },
            cancellationToken: ct));
    }

    public Task<bool> ChangeRoleAsync(Guid organizationId, Guid userId, Role role, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE memberships SET role = @Role WHERE organization_id = @OrganizationId AND user_id = @UserId",
                    new { OrganizationId = organizationId, UserId = userId, Role = role.Code() },
                    transaction,
                    cancellationToken: ct));
                if (changed == 1)
                {
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                }

                return changed == 1;
            },
            ct);

    public Task<bool> SetMemberActiveAsync(Guid organizationId, Guid userId, bool active, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var key = new { OrganizationId = organizationId, UserId = userId, Active = active };
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE memberships SET is_active = @Active WHERE organization_id = @OrganizationId AND user_id = @UserId",
                    key,
                    transaction,
                    cancellationToken: ct));
                if (changed != 1)
                {
                    return false;
                }

                if (!active)
                {
                    await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sessions WHERE organization_id = @OrganizationId AND user_id = @UserId", key, transaction, cancellationToken: ct));
                }

                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return true;
            },
            ct);

    public async Task<DateTimeOffset?> RecordSignInFailureAsync(Guid userId, int maxFailures, DateTimeOffset lockedUntil, CancellationToken ct)
    {
        // One statement, so concurrent failures cannot both read the same count.
        const string Sql = """
            UPDATE users SET
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @Max THEN 0 ELSE failed_sign_ins + 1 END,
                locked_until = CASE WHEN failed_sign_ins + 1 >= @Max THEN @LockedUntil ELSE locked_until END
            WHERE id = @Id
            RETURNING failed_sign_ins
            """;
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<LockRow>(new CommandDefinition(Sql, new { Id = userId, Max = maxFailures, LockedUntil = lockedUntil }, cancellationToken: ct));
        // The count drops back to zero only on the failure that locks the account.
        return row is { FailedSignIns: 0 } ? lockedUntil : null;
    }

    public async Task RecordSignInSuccessAsync(Guid userId, string? rehashedPassword, CancellationToken ct)
    {
        var sql = rehashedPassword is null
            ? "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = @Id AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)"
            : "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, password_hash = @Hash WHERE id = @Id";
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = userId, Hash = rehashedPassword }, cancellationToken: ct));
    }

    public Task ChangePasswordAsync(Guid userId, string passwordHash, Guid? keepSessionId, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition("UPDATE users SET password_hash = @Hash WHERE id = @Id", new { Id = userId, Hash = passwordHash }, transaction, cancellationToken: ct));
                var deleteSql = keepSessionId is null ? "DELETE FROM sessions WHERE user_id = @Id" : "DELETE FROM sessions WHERE user_id = @Id AND id <> @Keep";
                await connection.ExecuteAsync(new CommandDefinition(deleteSql, new { Id = userId, Keep = keepSessionId ?? Guid.Empty }, transaction, cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    /// <param name="parameters">Typed parameters: a Guid passed as <c>object</c> would skip the id type handler.</param>
    private async Task<Organization?> FindOrganizationWhereAsync(string where, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<OrganizationRow>(new CommandDefinition($"SELECT id, name, slug, created_at FROM organizations WHERE {where}", parameters, cancellationToken: ct));
        return row?.ToOrganization();
    }

    private sealed class LockRow
    {
        public int FailedSignIns { get; init; }
    }
}
