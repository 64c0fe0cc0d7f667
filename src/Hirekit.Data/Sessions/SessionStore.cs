using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Sessions;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Sessions;

public sealed class SessionStore(IDbConnectionFactory db) : ISessionStore
{
    public Task CreateAsync(Session session, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO sessions (id, token_hash, organization_id, user_id, created_at, last_seen_at, expires_at)
                    VALUES (@Id, @TokenHash, @OrganizationId, @UserId, @CreatedAt, @LastSeenAt, @ExpiresAt)
                    """,
                    session,
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    public async Task<SessionRecord?> FindByTokenHashAsync(string tokenHash, CancellationToken ct)
    {
        const string Sql = """
            SELECT s.id, s.user_id, s.organization_id, m.role, u.display_name, m.is_active AS member_active,
                   s.created_at, s.last_seen_at, s.expires_at
            FROM sessions s
            JOIN memberships m ON m.organization_id = s.organization_id AND m.user_id = s.user_id
            JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = @TokenHash
            """;
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(Sql, new { TokenHash = tokenHash }, cancellationToken: ct));
        return row is null
            ? null
            : new SessionRecord(row.Id, row.UserId, row.OrganizationId, Roles.Parse(row.Role), row.DisplayName, row.MemberActive, row.CreatedAt, row.LastSeenAt, row.ExpiresAt);
    }

    public async Task<bool> TouchAsync(Guid sessionId, DateTimeOffset lastSeenAt, DateTimeOffset staleBefore, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET last_seen_at = @LastSeenAt WHERE id = @Id AND last_seen_at <= @StaleBefore",
            new { Id = sessionId, LastSeenAt = lastSeenAt, StaleBefore = staleBefore },
            cancellationToken: ct)) == 1;
    }

    public async Task DeleteAsync(Guid sessionId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sessions WHERE id = @Id", new { Id = sessionId }, cancellationToken: ct));
    }

    public Task DeleteAsync(Guid sessionId, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sessions WHERE id = @Id", new { Id = sessionId }, transaction, cancellationToken: ct));
                if (deleted == 1)
                {
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                }
            },
            ct);

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, DateTimeOffset idleCutoff, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sessions WHERE expires_at <= @Now OR last_seen_at <= @IdleCutoff",
            new { Now = now, IdleCutoff = idleCutoff },
            cancellationToken: ct));
    }

    private sealed class SessionRow
    {
        public Guid Id { get; init; }

        public Guid UserId { get; init; }

        public Guid OrganizationId { get; init; }

        public string Role { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public bool MemberActive { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset LastSeenAt { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
