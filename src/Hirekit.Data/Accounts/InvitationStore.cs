using System.Data.Common;
using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Accounts;

public sealed class InvitationStore(IDbConnectionFactory db) : IInvitationStore
{
    private const string Columns = "i.id, i.organization_id, i.email, i.role, i.token_hash, i.invited_by, i.created_at, i.expires_at";

    public Task CreateAsync(Invitation invitation, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE invitations SET revoked_at = @Now WHERE organization_id = @OrganizationId AND email = @Email AND accepted_at IS NULL AND revoked_at IS NULL",
                    new { invitation.OrganizationId, invitation.Email, Now = invitation.CreatedAt },
                    transaction,
                    cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO invitations (id, organization_id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at, revoked_at)
                    VALUES (@Id, @OrganizationId, @Email, @Role, @TokenHash, @InvitedBy, @CreatedAt, @ExpiresAt, NULL, NULL)
                    """,
                    new { invitation.Id, invitation.OrganizationId, invitation.Email, Role = invitation.Role.Code(), invitation.TokenHash, invitation.InvitedBy, invitation.CreatedAt, invitation.ExpiresAt },
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    public async Task<IReadOnlyList<Invitation>> ListPendingAsync(Guid organizationId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM invitations i WHERE i.organization_id = @OrganizationId AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > @Now ORDER BY i.created_at DESC",
            new { OrganizationId = organizationId, Now = now },
            cancellationToken: ct));
        return rows.Select(r => r.ToInvitation()).ToList();
    }

    public async Task<PendingInvitation?> FindPendingAsync(string tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<PendingRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, o.name AS organization_name,
                   CASE WHEN EXISTS (SELECT 1 FROM users u WHERE u.email = i.email) THEN 1 ELSE 0 END AS user_exists
            FROM invitations i
            JOIN organizations o ON o.id = i.organization_id
            WHERE i.token_hash = @TokenHash AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > @Now
            """,
            new { TokenHash = tokenHash, Now = now },
            cancellationToken: ct));
        return row is null ? null : new PendingInvitation(row.ToInvitation(), row.OrganizationName, row.UserExists == 1);
    }

    public async Task<bool> AcceptAsync(Guid invitationId, User? newUser, Membership membership, AuditEntry audit, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    var consumed = await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE invitations SET accepted_at = @Now WHERE id = @Id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @Now",
                        new { Id = invitationId, Now = now },
                        transaction,
                        cancellationToken: ct));
                    if (consumed != 1)
                    {
                        return false;
                    }

                    if (newUser is not null)
                    {
                        await connection.ExecuteAsync(new CommandDefinition(AccountSql.InsertUser, newUser, transaction, cancellationToken: ct));
                    }

                    await connection.ExecuteAsync(new CommandDefinition(AccountSql.InsertMembership, AccountSql.MembershipParameters(membership), transaction, cancellationToken: ct));
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                    return true;
                },
                ct);
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public Task<bool> RevokeAsync(Guid organizationId, Guid invitationId, DateTimeOffset now, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE invitations SET revoked_at = @Now WHERE id = @Id AND organization_id = @OrganizationId AND accepted_at IS NULL AND revoked_at IS NULL",
                    new { Id = invitationId, OrganizationId = organizationId, Now = now },
                    transaction,
                    cancellationToken: ct));
                if (changed == 1)
                {
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                }

                return changed == 1;
            },
            ct);

    private class InvitationRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public string Email { get; init; } = "";

        public string Role { get; init; } = "";

        public string TokenHash { get; init; } = "";

        public Guid InvitedBy { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }

        public Invitation ToInvitation() => new(Id, OrganizationId, Email, Roles.Parse(Role), TokenHash, InvitedBy, CreatedAt, ExpiresAt);
    }

    private sealed class PendingRow : InvitationRow
    {
        public string OrganizationName { get; init; } = "";

        public int UserExists { get; init; }
    }
}
