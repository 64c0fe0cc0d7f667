using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Hirekit.Data.Connections;
using Microsoft.Extensions.Logging;

namespace Hirekit.Data.Migrations;

/// <summary>An embedded, numbered SQL script (<c>0001_initial.sql</c>) of one dialect.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);

/// <summary>
/// Applies the embedded migrations of the configured dialect, each in its own transaction and
/// journaled in <c>schema_migrations</c> with a checksum. A script changed after it was applied
/// stops the run: migrations are never edited once they land. On PostgreSQL a session advisory
/// lock makes concurrent starts wait for each other instead of applying twice; on SQLite the
/// IMMEDIATE transaction does the same.
/// </summary>
public sealed class MigrationRunner(IDbConnectionFactory factory, ILogger<MigrationRunner> logger)
{
    /// <summary>Arbitrary constant key of the PostgreSQL advisory lock ("hirekit" in ASCII, truncated).</summary>
    private const long AdvisoryLockKey = 0x686972656B6974;

    private const string JournalDdl = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            name        TEXT NOT NULL,
            checksum    TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        )
        """;

    public IReadOnlyList<Migration> Available { get; } = Load(factory.Dialect.MigrationsFolder);

    public async Task<IReadOnlyList<Migration>> ApplyAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        var postgres = factory.Dialect.Provider == DatabaseProvider.Postgres;
        if (postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = AdvisoryLockKey }, cancellationToken: ct));
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(JournalDdl, cancellationToken: ct));
            var applied = new List<Migration>();
            foreach (var migration in Available)
            {
                if (await ApplyOneAsync(connection, migration, ct))
                {
                    applied.Add(migration);
                    logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
                }
            }

            return applied;
        }
        finally
        {
            if (postgres)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@Key)", new { Key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
            }
        }
    }

    /// <summary>Versions not yet applied; empty when the schema is current. Fails if the journal is missing.</summary>
    public async Task<IReadOnlyList<Migration>> PendingAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        var journal = await ReadJournalAsync(connection, null, ct);
        return Available.Where(m => !journal.ContainsKey(m.Version)).ToList();
    }

    private static async Task<bool> ApplyOneAsync(DbConnection connection, Migration migration, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var journal = await ReadJournalAsync(connection, transaction, ct);
        if (journal.TryGetValue(migration.Version, out var checksum))
        {
            if (checksum != migration.Checksum)
            {
                throw new InvalidOperationException(
                    $"Migration {migration.Version} ({migration.Name}) differs from the script that was applied. Migrations must never be edited after they land; add a new one.");
            }

            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)",
            new { migration.Version, migration.Name, migration.Checksum, AppliedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task<Dictionary<int, string>> ReadJournalAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(long Version, string Checksum)>(new CommandDefinition("SELECT version, checksum FROM schema_migrations", transaction: transaction, cancellationToken: ct));
        return rows.ToDictionary(r => (int)r.Version, r => r.Checksum);
    }

    private static List<Migration> Load(string folder)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{folder}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..^4];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore < 1 || !int.TryParse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' must be named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, file[(underscore + 1)..], sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations of '{folder}' must be numbered 1, 2, 3... without gaps; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }
}
