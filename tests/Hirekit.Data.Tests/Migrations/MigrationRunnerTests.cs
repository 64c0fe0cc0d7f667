using Dapper;
using Hirekit.Data.Migrations;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Migrations;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task Apply_OnAnEmptyDatabase_AppliesEveryMigrationOnceAndJournalsIt()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var runner = db.Get<MigrationRunner>();

        var first = await runner.ApplyAsync(CancellationToken.None);
        var second = await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(runner.Available.Select(m => m.Version), first.Select(m => m.Version));
        Assert.Empty(second);
        Assert.Empty(await runner.PendingAsync(CancellationToken.None));
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(runner.Available.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Apply_FromSeveralRunnersAtOnce_AppliesEachMigrationExactlyOnce()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var runners = Enumerable.Range(0, 4).Select(_ => new MigrationRunner(db.Connections, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance)).ToList();

        var applied = await Task.WhenAll(runners.Select(r => Task.Run(() => r.ApplyAsync(CancellationToken.None))));

        Assert.Equal(runners[0].Available.Count, applied.Sum(a => a.Count));
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(runners[0].Available.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Apply_WhenAnAppliedScriptWasEdited_RefusesToRun()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using (var connection = await db.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Get<MigrationRunner>().ApplyAsync(CancellationToken.None));
        Assert.Contains("never be edited", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Apply_OnAPostgresDatabaseThatIsNotUtf8_StopsAtTheNameWordsMigrationWithAClearMessage()
    {
        // Migration 0014 refuses any encoding but UTF8 (ADR 31). Its ranges are gone (ADR 32), but
        // an applied migration is never edited, so every database still meets the check.
        await using var db = await TestDatabase.CreateAsync(migrate: false, postgresEncoding: "SQL_ASCII");
        var runner = db.Get<MigrationRunner>();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => runner.ApplyAsync(CancellationToken.None));

        Assert.Contains("needs a UTF8 database (this one is SQL_ASCII)", error.Message, StringComparison.Ordinal);
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(13, await connection.ExecuteScalarAsync<long>("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'candidate_name_words'"));
    }

    [Fact]
    public async Task Pending_BeforeMigrating_ListsEveryMigration()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var runner = db.Get<MigrationRunner>();
        await using (var connection = await db.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }

        Assert.Equal(runner.Available.Count, (await runner.PendingAsync(CancellationToken.None)).Count);
    }
}
