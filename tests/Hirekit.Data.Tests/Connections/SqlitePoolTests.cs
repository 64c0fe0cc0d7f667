using System.Collections.Concurrent;
using System.Data;
using Dapper;
using Hirekit.Data.Connections;
using Hirekit.Testing;
using Microsoft.Data.Sqlite;

namespace Hirekit.Data.Tests.Connections;

/// <summary>Hirekit's own SQLite pool (ADR 30): one caller per connection, only clean connections reused.</summary>
public sealed class SqlitePoolTests : IDisposable
{
    private readonly string _directory = Path.Combine(TestEngine.ScratchRoot, "pool-" + Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(_directory, "pool.db");

    [SqliteFact]
    public async Task EveryOpenConnection_BelongsToOneCaller_AndIsReusedAfterwards()
    {
        using var factory = NewFactory();
        var inUse = new ConcurrentDictionary<SQLitePCL.sqlite3, int>();
        var shared = 0;

        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await using var connection = await factory.OpenAsync(CancellationToken.None);
                var handle = Native(connection);
                if (!inUse.TryAdd(handle, worker))
                {
                    Interlocked.Increment(ref shared);
                }

                await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe");
                inUse.TryRemove(handle, out _);
            }
        })));

        Assert.Equal(0, shared);
        Assert.InRange(factory.PhysicalConnectionsOpened, 1, 16); // 3,200 opens, at most one new connection per worker
    }

    [SqliteFact]
    public async Task AConnectionGivenBackInsideATransaction_IsClosed_AndItsWriteRolledBack()
    {
        using var factory = NewFactory();
        var connection = await factory.OpenAsync(CancellationToken.None);
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO probe (value) VALUES ('uncommitted')", transaction: transaction);

        await connection.DisposeAsync(); // the transaction is neither committed nor disposed
        await using var next = await factory.OpenAsync(CancellationToken.None);

        Assert.Equal(0L, await next.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe WHERE value = 'uncommitted'"));
        Assert.Equal(2L, factory.PhysicalConnectionsOpened); // the abandoned one (reused from set-up), then a new one
    }

    [SqliteFact]
    public async Task AConnectionGivenBackWithAReaderStillOpen_IsClosed_NotReused()
    {
        // A statement left open would keep a read snapshot into the next caller's request.
        using var factory = NewFactory();
        var connection = await factory.OpenAsync(CancellationToken.None);
        var reader = await connection.ExecuteReaderAsync("SELECT value FROM probe");
        Assert.True(reader.Read());
        var abandoned = Native(connection);

        await connection.DisposeAsync();
        await using var next = await factory.OpenAsync(CancellationToken.None);

        Assert.NotSame(abandoned, Native(next));
        Assert.Equal(1L, await next.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe"));
    }

    [SqliteFact]
    public async Task AClosedConnection_IsBackInThePool_AndCannotBeOpenedAgain()
    {
        using var factory = NewFactory();
        var connection = await factory.OpenAsync(CancellationToken.None);
        var handle = Native(connection);

        connection.Close();
        connection.Dispose(); // a second hand-back must not put it in the pool twice
        await using var next = await factory.OpenAsync(CancellationToken.None);
        await using var another = await factory.OpenAsync(CancellationToken.None);

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Throws<InvalidOperationException>(() => connection.Open());
        Assert.Same(handle, Native(next));
        Assert.NotSame(handle, Native(another));
    }

    [SqliteFact]
    public async Task DisposingTheFactory_ClosesItsIdleConnections_AndOnesStillOutWhenTheyComeBack()
    {
        var factory = NewFactory();
        var idle = await factory.OpenAsync(CancellationToken.None);
        var stillOut = await factory.OpenAsync(CancellationToken.None);
        await idle.DisposeAsync();

        factory.Dispose();
        var walWhileOneIsOut = System.IO.File.Exists(File + "-wal");
        await stillOut.DisposeAsync();

        // SQLite checkpoints and removes the write-ahead log when the last connection closes.
        Assert.True(walWhileOneIsOut);
        Assert.False(System.IO.File.Exists(File + "-wal"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The scratch root is removed with the run.
        }
    }

    private SqliteConnectionFactory NewFactory()
    {
        var factory = new SqliteConnectionFactory($"Data Source={File}");
        using var connection = factory.Open();
        connection.Execute("CREATE TABLE IF NOT EXISTS probe (value TEXT NOT NULL); INSERT INTO probe (value) SELECT 'committed' WHERE NOT EXISTS (SELECT 1 FROM probe);");
        return factory;
    }

    private static SQLitePCL.sqlite3 Native(System.Data.Common.DbConnection connection) =>
        ((SqliteConnection)((CountingDbConnection)connection).Inner).Handle!;
}
