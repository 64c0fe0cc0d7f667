using Dapper;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Connections;

public sealed class IdListTests
{
    /// <summary>Regression: Dapper expands IN lists without type handlers; ids must go through the dialect.</summary>
    [Fact]
    public async Task IdLists_MatchStoredIdsOnEveryEngine()
    {
        await using var db = await TestDatabase.CreateAsync();
        var org = await Seed.OrganizationAsync(db);
        var other = await Seed.OrganizationAsync(db);
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);

        var count = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organizations WHERE id IN @Ids", new { Ids = db.Connections.Dialect.IdList([org.Id, other.Id, Guid.NewGuid()]) });

        Assert.Equal(2L, count);
    }
}
