namespace Hirekit.Data.Connections;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
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
