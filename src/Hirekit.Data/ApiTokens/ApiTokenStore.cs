using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.ApiTokens;
using Hirekit.Core.Audit;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.ApiTokens;

public sealed class ApiTokenStore(IDbConnectionFactory db) : IApiTokenStore
{
    public Task CreateAsync(ApiToken token, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO api_tokens (id, organization_id, user_id, name, token_hash, display_prefix, created_at, expires_at, last_used_at, revoked_at)
                    VALUES (@Id, @OrganizationId, @UserId, @Name, @TokenHash, @DisplayPrefix, @CreatedAt, @ExpiresAt, NULL, NULL)
                    """,
                    token,
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    public async Task<IReadOnlyList<ApiToken>> ListAsync(Guid organizationId, Guid userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<TokenRow>(new CommandDefinition(
            """
            SELECT id, organization_id, user_id, name, token_hash, display_prefix, created_at, expires_at, last_used_at, revoked_at
            FROM api_tokens
            WHERE organization_id = @OrganizationId AND user_id = @UserId
            ORDER BY created_at DESC, id DESC
            """,
            new { OrganizationId = organizationId, UserId = userId },
            cancellationToken: ct));
        return rows.Select(r => new ApiToken(r.Id, r.OrganizationId, r.UserId, r.Name, r.TokenHash, r.DisplayPrefix, r.CreatedAt, r.ExpiresAt, r.LastUsedAt, r.RevokedAt)).ToList();
    }

    public Task<bool> RevokeAsync(Guid organizationId, Guid userId, Guid tokenId, DateTimeOffset revokedAt, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE api_tokens SET revoked_at = @RevokedAt WHERE id = @Id AND organization_id = @OrganizationId AND user_id = @UserId AND revoked_at IS NULL",
                    new { Id = tokenId, OrganizationId = organizationId, UserId = userId, RevokedAt = revokedAt },
                    transaction,
                    cancellationToken: ct));
                if (changed == 1)
                {
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                }

                return changed == 1;
            },
            ct);

    public async Task<ApiTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken ct)
    {
        const string Sql = """
            SELECT t.id, t.user_id, t.organization_id, m.role, u.display_name, m.is_active AS member_active,
                   t.expires_at, t.last_used_at, t.revoked_at
            FROM api_tokens t
            JOIN memberships m ON m.organization_id = t.organization_id AND m.user_id = t.user_id
            JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @TokenHash
            """;
        await using var connection = await db.OpenAsync(ct);
        var r = await connection.QuerySingleOrDefaultAsync<RecordRow>(new CommandDefinition(Sql, new { TokenHash = tokenHash }, cancellationToken: ct));
        return r is null ? null : new ApiTokenRecord(r.Id, r.UserId, r.OrganizationId, Roles.Parse(r.Role), r.DisplayName, r.MemberActive, r.ExpiresAt, r.LastUsedAt, r.RevokedAt);
    }

    public async Task<bool> TouchAsync(Guid tokenId, DateTimeOffset lastUsedAt, DateTimeOffset staleBefore, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET last_used_at = @LastUsedAt WHERE id = @Id AND (last_used_at IS NULL OR last_used_at <= @StaleBefore)",
            new { Id = tokenId, LastUsedAt = lastUsedAt, StaleBefore = staleBefore },
            cancellationToken: ct)) == 1;
    }

    private sealed class TokenRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid UserId { get; init; }

        public string Name { get; init; } = "";

        public string TokenHash { get; init; } = "";

        public string DisplayPrefix { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? ExpiresAt { get; init; }

        public DateTimeOffset? LastUsedAt { get; init; }

        public DateTimeOffset? RevokedAt { get; init; }
    }

    private sealed class RecordRow
    {
        public Guid Id { get; init; }

        public Guid UserId { get; init; }

        public Guid OrganizationId { get; init; }

        public string Role { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public bool MemberActive { get; init; }

        public DateTimeOffset? ExpiresAt { get; init; }

        public DateTimeOffset? LastUsedAt { get; init; }

        public DateTimeOffset? RevokedAt { get; init; }
    }
}
