using Dapper;
using Hirekit.Core.Common;
using Hirekit.Data.Dialects;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Candidates;

/// <summary>
/// PostgreSQL's tier 1 search reads <c>candidate_name_words</c> (ADR 31), which triggers keep
/// equal to the lexemes of each candidate's <c>name_search</c>. A word left behind would only be
/// filtered by the recheck, but a word missing would hide a candidate, so every write path that
/// reaches <c>candidates</c> is checked: the seed's COPY, a plain insert, an update and a delete.
/// </summary>
public sealed class CandidateNameWordsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static readonly BulkColumn[] Columns =
    [
        new("id", BulkType.Id), new("organization_id", BulkType.Id), new("name", BulkType.Text), new("email", BulkType.Text),
        new("links", BulkType.Text), new("source", BulkType.Text), new("resume_text", BulkType.Text),
        new("created_at", BulkType.Instant), new("updated_at", BulkType.Instant), new("search_id", BulkType.SearchKey),
    ];

    [PostgresFact]
    public async Task TheWords_FollowCopyInsertUpdateAndDelete()
    {
        var org = await Seed.OrganizationAsync(_db);
        var now = _db.Clock.GetUtcNow();
        var copied = new[] { Ids.New(), Ids.New() };
        var inserted = Ids.New();
        await using var connection = await _db.Connections.OpenAsync(CancellationToken.None);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var loader = _db.Connections.Dialect.BulkLoader(connection, transaction);
            string[] names = ["Wen Zhou", "Ana Zhong"];
            await loader.WriteAsync("candidates", Columns, 2, (i, row) =>
            {
                row.Id(copied[i]);
                row.Id(org.Id);
                row.Text(names[i]);
                row.Text($"c{i}@copy.test");
                row.Text("[]");
                row.Text("bulk");
                row.Text("Go.");
                row.Instant(now);
                row.Instant(now);
                row.SearchKey(0);
            }, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await connection.ExecuteAsync(
            """
            INSERT INTO candidates (id, organization_id, name, email, links, source, resume_text, created_at, updated_at)
            VALUES (@Id, @Org, 'Ida Marsh', 'ida@marsh.test', '[]', 'manual', 'Kafka.', @Now, @Now)
            """,
            new { Id = inserted, Org = org.Id, Now = now });
        var keys = (await connection.QueryAsync<(Guid Id, long Key)>(
            "SELECT id, search_id FROM candidates WHERE organization_id = @Org", new { Org = org.Id })).ToDictionary(r => r.Id, r => r.Key);
        Assert.Equal(["c0", "copy", "test", "wen", "zhou"], await WordsAsync(connection, keys[copied[0]]));
        Assert.Equal(["ana", "c1", "copy", "test", "zhong"], await WordsAsync(connection, keys[copied[1]]));
        Assert.Equal(["ida", "marsh", "test"], await WordsAsync(connection, keys[inserted]));

        // A change of anything but the name or e-mail leaves the words alone; a rename replaces them.
        await connection.ExecuteAsync("UPDATE candidates SET resume_text = 'Rust.' WHERE id = @Id", new { Id = inserted });
        Assert.Equal(["ida", "marsh", "test"], await WordsAsync(connection, keys[inserted]));
        await connection.ExecuteAsync("UPDATE candidates SET name = 'Ida Fenn', email = 'ida@fenn.test' WHERE id = @Id", new { Id = inserted });
        Assert.Equal(["fenn", "ida", "test"], await WordsAsync(connection, keys[inserted]));

        await connection.ExecuteAsync("DELETE FROM candidates WHERE id IN @Ids", new { Ids = copied });
        Assert.Empty(await WordsAsync(connection, keys[copied[0]]));
        Assert.Empty(await WordsAsync(connection, keys[copied[1]]));

        // Nothing is left over anywhere: the table is exactly the lexemes of the live rows.
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM (
                (SELECT organization_id, word, search_id FROM candidate_name_words
                 EXCEPT SELECT c.organization_id, w.lexeme, c.search_id FROM candidates c, unnest(c.name_search) w)
                UNION ALL
                (SELECT c.organization_id, w.lexeme, c.search_id FROM candidates c, unnest(c.name_search) w
                 EXCEPT SELECT organization_id, word, search_id FROM candidate_name_words)
            ) difference
            """));
    }

    private static async Task<List<string>> WordsAsync(System.Data.Common.DbConnection connection, long searchId) =>
        (await connection.QueryAsync<string>(
            "SELECT word FROM candidate_name_words WHERE search_id = @Key ORDER BY word", new { Key = searchId })).ToList();
}
