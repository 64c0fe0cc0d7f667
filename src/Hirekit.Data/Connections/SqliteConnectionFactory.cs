using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Hirekit.Data.Dialects;
using Microsoft.Data.Sqlite;

namespace Hirekit.Data.Connections;

/// <summary>
/// SQLite connections with the settings a server needs: WAL (readers never block the writer),
/// foreign keys enforced, a busy timeout instead of instant "database is locked", and the
/// configured commit durability (<see cref="SqliteSynchronous"/>; ADR 23).
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    /// <summary>
    /// The pragmas last applied to each physical connection (the handle the pool keeps between
    /// opens; pragmas live as long as it does). Shared by every factory, like the pool itself, so
    /// a factory with other settings on the same file re-applies its own.
    /// </summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> Applied = new();

    private readonly string _perConnectionPragmas;
    private readonly string _connectionString;
    private int _walEnsured;

    public SqliteConnectionFactory(string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        _perConnectionPragmas = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = {(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")};";
        SqliteNative.Initialize();
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DataSource is { Length: > 0 } file && builder.Mode != SqliteOpenMode.Memory && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
    }

    public ISqlDialect Dialect { get; } = new SqliteDialect();

    public string Describe()
    {
        using var connection = Open();
        return $"sqlite {connection.ExecuteScalar<string>("SELECT sqlite_version()")} ({SqliteNative.Source} library)";
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await Prepare(connection, ct);
            return new CountingDbConnection(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Prepare(connection, CancellationToken.None).GetAwaiter().GetResult();
            return new CountingDbConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async Task Prepare(SqliteConnection connection, CancellationToken ct)
    {
        // journal_mode is stored in the database file, so setting it once per process is enough.
        if (Interlocked.Exchange(ref _walEnsured, 1) == 0)
        {
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }

        // A pooled connection keeps the pragmas it was given when it was new: running them on
        // every open cost three statements per store call (about 2% of a board request's CPU).
        var handle = connection.Handle!;
        if (Applied.TryGetValue(handle, out var applied) && string.Equals(applied, _perConnectionPragmas, StringComparison.Ordinal))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = _perConnectionPragmas;
        await command.ExecuteNonQueryAsync(ct);
        Applied.AddOrUpdate(handle, _perConnectionPragmas);
    }
}
