using Dapper;
using Hirekit.Data.Connections;
using Hirekit.Data.TypeHandlers;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Connections;

public sealed class ConnectionTests
{
    [SqliteFact]
    public async Task Sqlite_ConnectionsUseWalForeignKeysNormalSyncAndABusyTimeout()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // 1 = NORMAL, the default (ADR 23)
        Assert.Equal(5000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
    }

    [SqliteFact]
    public async Task Sqlite_FullSync_IsOneSettingAway_AndAnUnknownValueIsRefusedByName()
    {
        await using var db = await TestDatabase.CreateAsync();
        var synchronous = DatabaseSettings.ParseSqliteSynchronous(" FULL "); // as Hirekit:Database:SqliteSynchronous is read
        await using var connection = await new SqliteConnectionFactory(db.Settings.ConnectionString, synchronous).OpenAsync(CancellationToken.None);

        Assert.Equal(SqliteSynchronous.Full, synchronous);
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // 2 = FULL
        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.ParseSqliteSynchronous("off"));
        Assert.Contains("Hirekit:Database:SqliteSynchronous", refused.Message, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Sqlite_APooledConnectionKeepsItsSettings_AndAFactoryWithOtherSettingsAppliesItsOwn()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var full = new SqliteConnectionFactory(db.Settings.ConnectionString, SqliteSynchronous.Full);
        for (var round = 0; round < 3; round++)
        {
            // Each factory's pool hands back the same physical connection each time; the settings
            // survive although they are set only when the connection is new (ADR 30).
            await using (var connection = await db.Connections.OpenAsync(CancellationToken.None))
            {
                Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
                Assert.Equal(5000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
                Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"));
            }

            await using (var connection = await full.OpenAsync(CancellationToken.None))
            {
                Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"));
                Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
            }
        }

        Assert.Equal(1L, full.PhysicalConnectionsOpened);
    }

    [SqliteFact]
    public async Task Sqlite_PrefersTheSystemLibraryWhenTheOperatingSystemHasOne()
    {
        await using var db = await TestDatabase.CreateAsync();
        var description = db.Connections.Describe();

        var systemLibraryPresent = File.Exists("/usr/lib/x86_64-linux-gnu/libsqlite3.so.0") || File.Exists("/usr/lib/aarch64-linux-gnu/libsqlite3.so.0");
        Assert.Equal(systemLibraryPresent ? "system" : "bundled", SqliteNative.Source);
        Assert.Contains(SqliteNative.Source, description, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Sqlite_KeepsNoProcessWideMemoryStatistics()
    {
        // With statistics on, every allocation takes one global mutex and concurrent readers
        // queue behind each other (ADR 21); with them off the library reports zero bytes used.
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organizations");

        Assert.Equal(0L, SQLitePCL.raw.sqlite3_memory_used());
        Assert.Equal(1, SQLitePCL.raw.sqlite3_threadsafe()); // compiled thread-safe, so multi-thread mode is available
    }

    [PostgresFact]
    public async Task Postgres_PreparesRepeatedStatementsAndSkipsThePoolReset_UnlessTheConnectionStringChooses()
    {
        // Max Auto Prepare (ADR 24) and No Reset On Close (ADR 26 addendum) are Hirekit's own
        // defaults; a connection string that sets either keeps its value.
        await using var db = await TestDatabase.CreateAsync();
        Assert.DoesNotContain("Auto Prepare", db.Settings.ConnectionString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Reset On Close", db.Settings.ConnectionString, StringComparison.OrdinalIgnoreCase);
        await using var byDefault = new PostgresConnectionFactory(db.Settings.ConnectionString);
        await using var byChoice = new PostgresConnectionFactory(db.Settings.ConnectionString + ";Max Auto Prepare=0;No Reset On Close=false");
        await using var a = await byDefault.OpenAsync(CancellationToken.None);
        await using var b = await byChoice.OpenAsync(CancellationToken.None);
        var chosenByDefault = new Npgsql.NpgsqlConnectionStringBuilder(a.ConnectionString);
        var chosenByString = new Npgsql.NpgsqlConnectionStringBuilder(b.ConnectionString);

        Assert.Equal((PostgresConnectionFactory.DefaultMaxAutoPrepare, true), (chosenByDefault.MaxAutoPrepare, chosenByDefault.NoResetOnClose));
        Assert.Equal((0, false), (chosenByString.MaxAutoPrepare, chosenByString.NoResetOnClose));
    }

    [PostgresFact]
    public async Task Postgres_BoundsThePoolToTwiceTheCores_UnlessTheConnectionStringChooses()
    {
        await using var db = await TestDatabase.CreateAsync();
        var unbounded = new Npgsql.NpgsqlConnectionStringBuilder(db.Settings.ConnectionString) { Timeout = 1 };
        unbounded.Remove("Maximum Pool Size");
        await using var byDefault = new PostgresConnectionFactory(unbounded.ConnectionString);
        await using var byChoice = new PostgresConnectionFactory(unbounded.ConnectionString + ";Maximum Pool Size=" + (PostgresConnectionFactory.DefaultMaxPoolSize + 1));
        Assert.Equal(Math.Max(4, 2 * Environment.ProcessorCount), PostgresConnectionFactory.DefaultMaxPoolSize);

        // The bound's worth of connections opens; one more waits for a free one and gives up
        // after the connection string's timeout (1 s) instead of starting another server process.
        var open = new List<System.Data.Common.DbConnection>();
        for (var i = 0; i < PostgresConnectionFactory.DefaultMaxPoolSize; i++)
        {
            open.Add(await byDefault.OpenAsync(CancellationToken.None));
        }

        await Assert.ThrowsAnyAsync<Exception>(() => byDefault.OpenAsync(CancellationToken.None));

        // A connection string that sets its own bound is obeyed: one more than the default opens.
        var chosen = new List<System.Data.Common.DbConnection>();
        for (var i = 0; i <= PostgresConnectionFactory.DefaultMaxPoolSize; i++)
        {
            chosen.Add(await byChoice.OpenAsync(CancellationToken.None));
        }

        foreach (var connection in chosen)
        {
            await connection.DisposeAsync();
        }

        await open[0].DisposeAsync();
        await using (await byDefault.OpenAsync(CancellationToken.None))
        {
            // A returned connection serves the next waiter.
        }

        foreach (var connection in open.Skip(1))
        {
            await connection.DisposeAsync();
        }

        // A minimum above the default bound raises the bound with it instead of failing to start.
        await using var withMinimum = new PostgresConnectionFactory(unbounded.ConnectionString + ";Minimum Pool Size=" + (PostgresConnectionFactory.DefaultMaxPoolSize + 2));
        await using var first = await withMinimum.OpenAsync(CancellationToken.None);
        Assert.Equal(PostgresConnectionFactory.DefaultMaxPoolSize + 2, new Npgsql.NpgsqlConnectionStringBuilder(first.ConnectionString).MaxPoolSize);
    }

    [Fact]
    public async Task ForeignKeys_AreEnforced()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(
            "INSERT INTO memberships (organization_id, user_id, role, is_active, created_at) VALUES (@Org, @User, 'admin', TRUE, @Now)",
            new { Org = Guid.NewGuid(), User = Guid.NewGuid(), Now = DateTimeOffset.UtcNow }));
    }

    [Fact]
    public async Task Instants_RoundTripToTheMicrosecondAndCompareInTimeOrder()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        var early = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1230);
        var late = early.AddMilliseconds(900);
        await connection.ExecuteAsync("INSERT INTO setup_tokens (token_hash, created_at, expires_at, used_at) VALUES ('a', @Early, @Late, NULL)", new { Early = early, Late = late });

        var row = await connection.QuerySingleAsync<TokenTimes>("SELECT created_at, expires_at FROM setup_tokens WHERE token_hash = 'a'");
        var between = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM setup_tokens WHERE expires_at > @Mid AND created_at < @Mid", new { Mid = early.AddMilliseconds(450) });

        Assert.Equal(early, row.CreatedAt);
        Assert.Equal(late, row.ExpiresAt);
        Assert.Equal(1L, between);
    }

    [Fact]
    public async Task QueryCounter_CountsEveryCommandInItsScopeOnly()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);

        using (var scope = QueryCounter.Begin())
        {
            await connection.ExecuteScalarAsync<long>("SELECT 1");
            await connection.QueryAsync<long>("SELECT 2");
            await connection.ExecuteAsync("DELETE FROM setup_tokens WHERE token_hash = 'none'");
            Assert.Equal(3, scope.Counter.Count);
        }

        Assert.Null(QueryCounter.Current);
    }

    [Fact]
    public void SqliteTime_IsFixedWidthUtc() =>
        Assert.Equal("2026-01-02T01:04:05.0000000Z", SqliteTime.Format(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))));

    private sealed class TokenTimes
    {
        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
