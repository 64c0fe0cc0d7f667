using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hirekit.Data.Connections;

/// <summary>
/// Hirekit's own pool of open SQLite connections (ADR 30), used instead of Microsoft.Data.Sqlite's.
/// <para>
/// Contract: a connection is held by exactly one caller between <see cref="Rent"/> and
/// <see cref="Return"/>. SQLite runs in multi-thread mode (ADR 21), which drops the per-connection
/// mutex, so two threads on one connection would corrupt its memory. Microsoft.Data.Sqlite 6.0's
/// pool does not keep that promise: it takes a connection for leaked while the connection is
/// between "active" and "owned" (both while it is handed out and while it is given back), puts it
/// on its idle stack, and can then give it to a second caller. Its process-wide
/// <c>ClearAllPools</c> also reaches into every pool in the process.
/// </para>
/// <para>
/// A connection goes back on the idle stack only when it is open, outside a transaction, and its
/// caller disposed every command it made. A command left behind could hold a read snapshot, or
/// have its statements finalised later by the garbage collector on another thread. Anything else
/// is closed, which rolls back and finalises, as Microsoft.Data.Sqlite's own close does. (SQLite's
/// list of a connection's statements cannot tell: FTS5 keeps statements of its own there.) At
/// most <see cref="MaxIdle"/> connections wait; a burst beyond that closes its extra
/// connections as they come back. Each connection keeps its prepared commands
/// (<see cref="SqliteStatementCache"/>) for as long as it stays open.
/// </para>
/// </summary>
internal sealed class SqliteConnectionPool : IDisposable
{
    /// <summary>Idle connections kept open. Each holds its own page cache (up to 2 MB by default).</summary>
    public const int MaxIdle = 32;

    private readonly ConcurrentStack<PooledSqliteConnection> _idle = new();
    private readonly string _connectionString;
    private readonly Action<SqliteConnection> _setUp;
    private int _idleCount;
    private long _opened;
    private long _prepared;
    private volatile bool _disposed;

    /// <param name="connectionString">Opened with Microsoft.Data.Sqlite's pooling off.</param>
    /// <param name="setUp">Runs once on each new physical connection (its pragmas).</param>
    public SqliteConnectionPool(string connectionString, Action<SqliteConnection> setUp)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _setUp = setUp;
    }

    /// <summary>Physical connections opened over the pool's life (a reused connection does not count).</summary>
    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>Commands prepared from scratch over the pool's life (a reused prepared command does not count).</summary>
    public long StatementsPrepared => Interlocked.Read(ref _prepared);

    /// <summary>An open connection for one caller: an idle one if there is one, otherwise a new one.</summary>
    public PooledSqliteConnection Rent()
    {
        if (_idle.TryPop(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            _setUp(connection);
            Interlocked.Increment(ref _opened);
            return new PooledSqliteConnection(connection, new SqliteStatementCache(connection, () => Interlocked.Increment(ref _prepared)));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Takes a connection back from its one caller, who must not touch it again.</summary>
    /// <param name="commandsLeftUndisposed">Whether the caller left a command of its own undisposed.</param>
    public void Return(PooledSqliteConnection connection, bool commandsLeftUndisposed)
    {
        if (_disposed || commandsLeftUndisposed || !Reusable(connection.Connection))
        {
            connection.Close();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Close();
            return;
        }

        _idle.Push(connection);
        if (_disposed)
        {
            CloseIdle(); // lost a race with Dispose: do not leave this one open
        }
    }

    /// <summary>Closes every idle connection; connections still out close when they come back.</summary>
    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryPop(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Close();
        }
    }

    private static bool Reusable(SqliteConnection connection)
    {
        if (connection.State != ConnectionState.Open || connection.Handle is not { } db)
        {
            return false;
        }

        // Autocommit off means a transaction was left open.
        return raw.sqlite3_get_autocommit(db) != 0;
    }
}

/// <summary>A physical connection as the pool keeps it: the connection and its prepared commands.</summary>
internal sealed class PooledSqliteConnection(SqliteConnection connection, SqliteStatementCache statements)
{
    public SqliteConnection Connection { get; } = connection;

    public SqliteStatementCache Statements { get; } = statements;

    /// <summary>Disposes the kept commands, then closes the connection (which rolls back).</summary>
    public void Close()
    {
        Statements.Clear();
        Connection.Dispose();
    }
}
