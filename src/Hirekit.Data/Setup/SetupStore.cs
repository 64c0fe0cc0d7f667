using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Setup;
using Hirekit.Data.Accounts;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Setup;

public sealed class SetupStore(IDbConnectionFactory db) : ISetupStore
{
    public async Task CreateTokenAsync(string tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO setup_tokens (token_hash, created_at, expires_at, used_at) VALUES (@TokenHash, @CreatedAt, @ExpiresAt, NULL)",
            new { TokenHash = tokenHash, CreatedAt = createdAt, ExpiresAt = expiresAt },
            cancellationToken: ct));
    }

    public async Task<bool> IsTokenUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT 1 FROM setup_tokens
            WHERE token_hash = @TokenHash AND used_at IS NULL AND expires_at > @Now
              AND NOT EXISTS (SELECT 1 FROM users)
            """,
            new { TokenHash = tokenHash, Now = now },
            cancellationToken: ct)) is not null;
    }

    public Task<SetupOutcome> CompleteAsync(string tokenHash, DateTimeOffset now, Organization organization, User admin, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var consumed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE setup_tokens SET used_at = @Now WHERE token_hash = @TokenHash AND used_at IS NULL AND expires_at > @Now",
                    new { TokenHash = tokenHash, Now = now },
                    transaction,
                    cancellationToken: ct));
                if (consumed != 1)
                {
                    return SetupOutcome.InvalidToken;
                }

                // Closing setup on the single installation row serialises concurrent attempts: a
                // second one waits for this row, then finds setup closed. Installs scripted through
                // the CLI have users already; their setup closes here too.
                var closed = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE installation SET setup_completed_at = @Now WHERE id = 1 AND setup_completed_at IS NULL",
                    new { Now = now },
                    transaction,
                    cancellationToken: ct));
                var anyUser = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT 1 FROM users LIMIT 1", transaction: transaction, cancellationToken: ct)) is not null;
                if (closed != 1 || anyUser)
                {
                    return SetupOutcome.AlreadyDone;
                }

                await connection.ExecuteAsync(new CommandDefinition(AccountSql.InsertOrganization, organization, transaction, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(AccountSql.InsertUser, admin, transaction, cancellationToken: ct));
                var membership = new Membership(organization.Id, admin.Id, Role.Admin, true, now);
                await connection.ExecuteAsync(new CommandDefinition(AccountSql.InsertMembership, AccountSql.MembershipParameters(membership), transaction, cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return SetupOutcome.Completed;
            },
            ct);
}
