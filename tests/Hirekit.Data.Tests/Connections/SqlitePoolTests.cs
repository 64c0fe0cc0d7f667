using System.Collections.Concurrent;
using System.Data;
using Dapper;
using Hirekit.Data.Connections;
using Hirekit.Testing;
using Microsoft.Data.Sqlite;

namespace Hirekit.Data.Tests.Connections;

/// <summary>
/// Hirekit's own SQLite pool (ADR 30): one caller per connection, only clean connections reused,
/// prepared commands reused without carrying parameters, transactions or read snapshots along.
/// </summary>
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

    [SqliteFact]
    public async Task ARepeatedStatement_IsPreparedOnce_AndEachCallBindsItsOwnValues()
    {
        using var factory = NewFactory();
        var before = factory.StatementsPrepared;
        var counts = new List<long>();
        foreach (var value in new[] { "committed", "absent", "committed" })
        {
            await using var connection = await factory.OpenAsync(CancellationToken.None);
            counts.Add(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe WHERE value = @Value", new { Value = value }));
        }

        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            // The kept command must not remember the last caller's value.
            var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe WHERE value = @Value"));
            Assert.Contains("@Value", missing.Message, StringComparison.Ordinal);
        }

        Assert.Equal([1L, 0L, 1L], counts);
        Assert.Equal(1L, factory.StatementsPrepared - before);
    }

    [SqliteFact]
    public async Task AReusedStatement_LeavesNoReadSnapshotBehind_EvenWhenItsReaderStoppedEarly()
    {
        using var factory = NewFactory();
        await using var reader = await factory.OpenAsync(CancellationToken.None);
        for (var i = 0; i < 2; i++)
        {
            await using var rows = await reader.ExecuteReaderAsync("SELECT value FROM probe");
            Assert.True(await rows.ReadAsync()); // stop after the first row
        }

        await using (var writer = await factory.OpenAsync(CancellationToken.None))
        {
            await writer.ExecuteAsync("INSERT INTO probe (value) VALUES ('later')");
        }

        Assert.Equal(2L, await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe"));
    }

    [SqliteFact]
    public async Task AStatementThatFailed_OrRanInATransaction_RunsAgainOnItsOwn()
    {
        using var factory = NewFactory();
        const string Insert = "INSERT INTO unique_probe (id) VALUES (@Id)";
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(Insert, new { Id = 1 });
            await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(Insert, new { Id = 1 }));
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(Insert, new { Id = 2 }, transaction);
            await transaction.RollbackAsync();
        }

        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(Insert, new { Id = 3 }); // no transaction this time
        }

        await using var check = await factory.OpenAsync(CancellationToken.None);
        Assert.Equal([1L, 3L], (await check.QueryAsync<long>("SELECT id FROM unique_probe ORDER BY id")).ToList());
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
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS probe (value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS unique_probe (id INTEGER PRIMARY KEY);
            INSERT INTO probe (value) SELECT 'committed' WHERE NOT EXISTS (SELECT 1 FROM probe);
            """);
        return factory;
    }

    private static SQLitePCL.sqlite3 Native(System.Data.Common.DbConnection connection) =>
        ((SqliteConnection)((CountingDbConnection)connection).Inner).Handle!;
}
