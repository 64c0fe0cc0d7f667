using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Audit;

public sealed class AuditLogTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Events_CannotBeUpdatedOrDeletedEvenWithDirectSql()
    {
        var org = await Seed.OrganizationAsync(_db);
        await using var connection = await _db.Connections.OpenAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("UPDATE audit_events SET action = 'forged' WHERE organization_id = @Org", new { Org = org.Id }));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("DELETE FROM audit_events WHERE organization_id = @Org", new { Org = org.Id }));
        Assert.Equal("organization.created", (await _db.Get<IAuditStore>().ListAsync(org.Id, null, 10, CancellationToken.None)).Single().Action);
    }

    [Fact]
    public async Task List_PagesNewestFirstWithinTheOrganizationOnly()
    {
        var org = await Seed.OrganizationAsync(_db);
        var otherOrg = await Seed.OrganizationAsync(_db);
        for (var i = 0; i < 4; i++)
        {
            await Seed.UserAsync(_db, org.Id);
        }

        var store = _db.Get<IAuditStore>();
        var firstPage = await store.ListAsync(org.Id, null, 3, CancellationToken.None);
        var secondPage = await store.ListAsync(org.Id, firstPage[^1].Id, 3, CancellationToken.None);

        Assert.Equal(3, firstPage.Count);
        Assert.Equal(2, secondPage.Count);
        var all = firstPage.Concat(secondPage).ToList();
        Assert.Equal(all.Select(e => e.Id).OrderDescending(), all.Select(e => e.Id));
        Assert.Equal("organization.created", all[^1].Action);
        Assert.DoesNotContain(all, e => e.EntityId == otherOrg.Id.ToString());
    }
}
