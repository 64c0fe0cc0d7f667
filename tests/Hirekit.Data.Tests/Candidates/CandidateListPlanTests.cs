using Dapper;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Data.Candidates;
using Hirekit.Data.Connections;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Candidates;

/// <summary>
/// PostgreSQL plans a prepared statement afresh on every call while a plan made for the bound
/// values looks cheaper than the generic one. For the candidate list it always did: knowing the
/// page size, a custom plan expects to read 25 rows where the generic one guesses a tenth of the
/// organisation, and planning cost more than running the statement (ADR 36). The plain
/// newest-first list writes its values as InitPlans so the plan cache keeps one generic plan.
/// </summary>
public sealed class CandidateListPlanTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [PostgresFact]
    public async Task ThePlainList_IsPlannedOnce_NotOnEveryCall()
    {
        var org = await Seed.OrganizationAsync(_db);
        // One physical connection, so the statements the store prepared are the ones inspected.
        await using var factory = new PostgresConnectionFactory(_db.Settings.ConnectionString + ";Maximum Pool Size=1");
        var store = new CandidateStore(factory);
        var now = _db.Clock.GetUtcNow();
        var candidates = Enumerable.Range(0, 6_000)
            .Select(i => new Candidate(Ids.New(), org.Id, $"Person {i}", $"p{i}@example.test", null, [], "manual", null, "", null, null, now, now))
            .ToList();
        Assert.True(await store.ImportAsync(candidates, Seed.Audit(org.Id, "candidate.imported"), CancellationToken.None));
        await using (var analyse = await factory.OpenAsync(CancellationToken.None))
        {
            await analyse.ExecuteAsync("ANALYZE candidates; ANALYZE applications");
        }

        // Enough calls for Npgsql to prepare the statement (5 uses) and for PostgreSQL to weigh
        // the generic plan against five custom ones; the pages differ between calls.
        string? after = null;
        for (var i = 0; i < 16; i++)
        {
            var page = await store.SearchAsync(org.Id, new CandidateQuery(null, null, null, null, CandidateSorts.Newest, i % 4 == 0 ? null : after, 25), [], null, CancellationToken.None);
            Assert.Equal(25, page.Count);
            after = CandidateCursor.ById(page[^1].Id);
        }

        await using var connection = await factory.OpenAsync(CancellationToken.None);
        var plans = (await connection.QueryAsync<(string Statement, long Generic, long Custom)>(
            "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%FROM candidates c%ORDER BY c.id DESC%'")).ToList();
        Assert.NotEmpty(plans);
        Assert.All(plans, p => Assert.True(p.Generic > 0 && p.Custom <= 5, $"{p.Generic} generic and {p.Custom} custom plans for {p.Statement}"));
    }
}
