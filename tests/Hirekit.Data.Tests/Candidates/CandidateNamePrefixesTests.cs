using Dapper;
using Hirekit.Core.Common;
using Hirekit.Data.Dialects;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Candidates;

/// <summary>
/// PostgreSQL's tier 1 search reads <c>candidate_name_prefixes</c> (ADR 32), which triggers keep
/// equal to the prefixes (up to 24 characters) of the lexemes of each candidate's
/// <c>name_search</c>. A prefix left behind would only be filtered by the recheck, but a prefix
/// missing would hide a candidate, so every write path that reaches <c>candidates</c> is checked:
/// the seed's COPY, a plain insert, an update and a delete.
/// </summary>
public sealed class CandidateNamePrefixesTests : IAsyncLifetime
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
    public async Task ThePrefixes_FollowCopyInsertUpdateAndDelete()
    {
        var org = await Seed.OrganizationAsync(_db);
        var now = _db.Clock.GetUtcNow();
        var copied = new[] { Ids.New(), Ids.New() };
        var inserted = Ids.New();
        var longName = Ids.New();
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
            VALUES (@Id, @Org, 'Ida Marsh', 'ida@marsh.test', '[]', 'manual', 'Kafka.', @Now, @Now),
                   (@Long, @Org, 'Bo Wolfeschlegelsteinhausenbergerdorff', 'bo@x.test', '[]', 'manual', 'Go.', @Now, @Now)
            """,
            new { Id = inserted, Long = longName, Org = org.Id, Now = now });
        var keys = (await connection.QueryAsync<(Guid Id, long Key)>(
            "SELECT id, search_id FROM candidates WHERE organization_id = @Org", new { Org = org.Id })).ToDictionary(r => r.Id, r => r.Key);
        Assert.Equal(PrefixesOf("c0", "copy", "test", "wen", "zhou"), await PrefixesAsync(connection, keys[copied[0]]));
        Assert.Equal(PrefixesOf("ana", "c1", "copy", "test", "zhong"), await PrefixesAsync(connection, keys[copied[1]]));
        Assert.Equal(PrefixesOf("ida", "marsh", "test"), await PrefixesAsync(connection, keys[inserted]));

        // A word longer than 24 characters is kept up to its first 24.
        Assert.Equal(PrefixesOf("bo", "wolfeschlegelsteinhausenbergerdorff", "x", "test"), await PrefixesAsync(connection, keys[longName]));
        Assert.Equal(24, (await PrefixesAsync(connection, keys[longName])).Max(p => p.Length));

        // A change of anything but the name or e-mail leaves the prefixes alone; a rename replaces them.
        await connection.ExecuteAsync("UPDATE candidates SET resume_text = 'Rust.' WHERE id = @Id", new { Id = inserted });
        Assert.Equal(PrefixesOf("ida", "marsh", "test"), await PrefixesAsync(connection, keys[inserted]));
        await connection.ExecuteAsync("UPDATE candidates SET name = 'Ida Fenn', email = 'ida@fenn.test' WHERE id = @Id", new { Id = inserted });
        Assert.Equal(PrefixesOf("fenn", "ida", "test"), await PrefixesAsync(connection, keys[inserted]));

        await connection.ExecuteAsync("DELETE FROM candidates WHERE id IN @Ids", new { Ids = copied });
        Assert.Empty(await PrefixesAsync(connection, keys[copied[0]]));
        Assert.Empty(await PrefixesAsync(connection, keys[copied[1]]));

        // Nothing is left over anywhere: the table is exactly the prefixes of the live rows' lexemes
        // (written out here rather than through the migration's own function).
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            """
            WITH expected AS (
                SELECT c.organization_id, left(w.lexeme, n) AS prefix, c.search_id
                FROM candidates c, unnest(c.name_search) w, generate_series(1, least(length(w.lexeme), 24)) n
            )
            SELECT COUNT(*) FROM (
                (SELECT organization_id, prefix, search_id FROM candidate_name_prefixes EXCEPT SELECT * FROM expected)
                UNION ALL
                (SELECT * FROM expected EXCEPT SELECT organization_id, prefix, search_id FROM candidate_name_prefixes)
            ) difference
            """));
    }

    /// <summary>Every prefix of the words, up to 24 characters, once each, in bytewise order.</summary>
    private static List<string> PrefixesOf(params string[] words) =>
        words.SelectMany(w => Enumerable.Range(1, Math.Min(w.Length, 24)).Select(n => w[..n]))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> PrefixesAsync(System.Data.Common.DbConnection connection, long searchId) =>
        (await connection.QueryAsync<string>(
            "SELECT prefix FROM candidate_name_prefixes WHERE search_id = @Key ORDER BY prefix", new { Key = searchId })).ToList();
}
