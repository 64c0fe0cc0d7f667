using System.Data.Common;
using Dapper;
using Hirekit.Data.Dialects;
using Microsoft.Data.Sqlite;

namespace Hirekit.Data.Connections;

/// <summary>
/// SQLite connections with the settings a server needs: WAL (readers never block the writer),
/// foreign keys enforced, a busy timeout instead of instant "database is locked", and the
/// configured commit durability (<see cref="SqliteSynchronous"/>; ADR 23). Connections come from
/// this factory's own <see cref="SqliteConnectionPool"/> (ADR 30), so the settings are applied
/// once per physical connection. Disposing the factory closes its idle connections.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory, IDisposable
{
    private readonly string _perConnectionPragmas;
    private readonly SqliteConnectionPool _pool;
    private int _walEnsured;

    public SqliteConnectionFactory(string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        _perConnectionPragmas = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = {(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")};";
        SqliteNative.Initialize();
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && builder.Mode != SqliteOpenMode.Memory && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        _pool = new SqliteConnectionPool(builder.ToString(), SetUp);
    }

    public ISqlDialect Dialect { get; } = new SqliteDialect();

    /// <summary>Physical connections this factory has opened; reused connections do not count.</summary>
    public long PhysicalConnectionsOpened => _pool.Opened;

    /// <summary>Commands prepared from scratch; a command reused with its prepared statements does not count.</summary>
    public long StatementsPrepared => _pool.StatementsPrepared;

    public string Describe()
    {
        using var connection = Open();
        return $"sqlite {connection.ExecuteScalar<string>("SELECT sqlite_version()")} ({SqliteNative.Source} library)";
    }

    /// <remarks>Synchronous underneath: Microsoft.Data.Sqlite does no asynchronous I/O.</remarks>
    public Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled<DbConnection>(ct);
        }

        try
        {
            return Task.FromResult(Open());
        }
        catch (Exception e)
        {
            return Task.FromException<DbConnection>(e);
        }
    }

    public DbConnection Open()
    {
        var pooled = _pool.Rent();
        return new CountingDbConnection(pooled.Connection, lease => _pool.Return(pooled, lease.HasUndisposedCommands), pooled.Statements);
    }

    public void Dispose() => _pool.Dispose();

    private void SetUp(SqliteConnection connection)
    {
        // journal_mode is stored in the database file, so setting it once per factory is enough.
        if (Interlocked.Exchange(ref _walEnsured, 1) == 0)
        {
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = _perConnectionPragmas;
        command.ExecuteNonQuery();
    }
}
