namespace Hirekit.Data.Connections;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The values of SQLite's <c>PRAGMA synchronous</c> that Hirekit allows.</summary>
public enum SqliteSynchronous
{
    Normal = 1,
    Full = 2,
}

/// <summary>
/// Storage settings, read by the server and the CLI from the same configuration:
/// <c>Hirekit:Database:Provider</c> (<c>sqlite</c> or <c>postgres</c>), <c>ConnectionStrings:Hirekit</c>
/// and <c>Hirekit:DataDirectory</c>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "hirekit.db";

    /// <summary>
    /// SQLite's commit durability (<c>Hirekit:Database:SqliteSynchronous</c>): <c>normal</c>, the
    /// default, syncs the write-ahead log at checkpoints, so a commit survives a crash of the
    /// process but the last few may be lost if the machine loses power; <c>full</c> syncs at
    /// every commit, at about half the write rate (ADR 23). Ignored for PostgreSQL.
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Normal;

    public static SqliteSynchronous ParseSqliteSynchronous(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "normal" => SqliteSynchronous.Normal,
        "full" => SqliteSynchronous.Full,
        var other => throw new InvalidOperationException($"Hirekit:Database:SqliteSynchronous must be 'normal' or 'full', not '{other}'."),
    };

    /// <summary>
    /// Resolves the configured values. With SQLite and no connection string, the database is
    /// <c>hirekit.db</c> in <paramref name="dataDirectory"/>, created if needed.
    /// </summary>
    public static DatabaseSettings Resolve(string? provider, string? connectionString, string dataDirectory)
    {
        var kind = (provider ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"Hirekit:Database:Provider must be 'sqlite' or 'postgres', not '{other}'."),
        };

        if (kind == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("Hirekit:Database:Provider is 'postgres' but ConnectionStrings:Hirekit is empty.")
                : new DatabaseSettings(kind, connectionString);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, DefaultSqliteFile)}";
        }

        return new DatabaseSettings(kind, connectionString);
    }
}
