using Dapper;
using Hirekit.Core.Common;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Candidates;

/// <summary>
/// SQLite's tier 2 search reads <c>candidates_fts</c> with prefix indexes for query words of 1 to
/// 10 characters (ADR 35). A prefix index must answer exactly what a merge of the terms would:
/// here every prefix of every word, through the index and through an index without prefix
/// indexes over the same rows, must name the same candidates, after inserts, an update and a
/// delete (the triggers of migration 0006 write to the table the migration recreated).
/// </summary>
public sealed class CandidateSearchPrefixIndexTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static readonly string[] Resumes =
    [
        "Kafka streams, Kubernetes operators and PostgreSQL replication.",
        "Kafkaesque on-call rotations; kept Postgres upgrades boring.",
        "Élan with Rust and Go; built an exactly-once deduplication pipeline.",
        "Observability: OpenTelemetry, Prometheus, Grafana; internationalization of APIs.",
        "Keeps CI fast. Knows Kotlin, Kafka Connect and Kubernetes.",
    ];

    [SqliteFact]
    public async Task EveryPrefix_FindsTheSameCandidatesAsAMergeOfItsTerms()
    {
        var org = await Seed.OrganizationAsync(_db);
        var now = _db.Clock.GetUtcNow();
        await using var connection = await _db.Connections.OpenAsync(CancellationToken.None);
        var ids = Resumes.Select(_ => Ids.New()).ToArray();
        for (var i = 0; i < Resumes.Length; i++)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO candidates (id, organization_id, name, email, links, source, resume_text, created_at, updated_at, search_id)
                VALUES (@Id, @Org, @Name, @Email, '[]', 'manual', @Resume, @Now, @Now, (SELECT COALESCE(MAX(search_id), 0) + 1 FROM candidates))
                """,
                new { Id = ids[i], Org = org.Id, Name = $"Person {i}", Email = $"p{i}@example.test", Resume = Resumes[i], Now = now });
        }

        // The declared lengths are what make the reads fast; the results below cannot show them.
        var declared = await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE name = 'candidates_fts'");
        Assert.Contains("prefix = '1 2 3 4 5 6 7 8 9 10'", declared, StringComparison.Ordinal);

        await connection.ExecuteAsync(
            """
            CREATE VIRTUAL TABLE merged_fts USING fts5(
                name, email, resume_text, content = 'candidates', content_rowid = 'search_id',
                tokenize = 'porter unicode61 remove_diacritics 2', detail = column)
            """);
        await AssertSameAsMergedAsync(connection);

        await connection.ExecuteAsync("UPDATE candidates SET resume_text = 'Kanban, Kotlin and Kubernetes at scale.' WHERE id = @Id", new { Id = ids[0] });
        await connection.ExecuteAsync("DELETE FROM candidates WHERE id = @Id", new { Id = ids[4] });
        await AssertSameAsMergedAsync(connection);
    }

    private static async Task AssertSameAsMergedAsync(System.Data.Common.DbConnection connection)
    {
        await connection.ExecuteAsync("INSERT INTO merged_fts (merged_fts) VALUES ('rebuild')");
        var words = Resumes.SelectMany(r => r.Split([' ', ',', '.', ';', ':', '-'], StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var found = 0;
        foreach (var prefix in words.SelectMany(w => Enumerable.Range(1, w.Length).Select(n => w[..n])).Distinct())
        {
            var match = $"\"{prefix}\"*";
            var indexed = await connection.QueryAsync<long>("SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH @Match ORDER BY rowid DESC", new { Match = match });
            var merged = await connection.QueryAsync<long>("SELECT rowid FROM merged_fts WHERE merged_fts MATCH @Match ORDER BY rowid DESC", new { Match = match });
            Assert.True(merged.SequenceEqual(indexed), $"{match}: [{string.Join(", ", indexed)}] against [{string.Join(", ", merged)}] merged");
            found += merged.Any() ? 1 : 0;
        }

        // Most prefixes name somebody (a stem can be shorter than the word, so not all do).
        Assert.True(found > 150, $"only {found} prefixes found anybody");
    }
}
