using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.Kits;
using Hirekit.Core.Kits.Format;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Kits;

public sealed class BuiltInKitInstallTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    private IKitStore Kits => _db.Get<IKitStore>();

    private KitDocument Shipped => _db.Get<BuiltInKitCatalog>().Kits.Single(k => k.Kit.Info.Slug == "backend-developer");

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ANewOrganization_HasTheBackendKitAsAReadOnlyPublishedTemplate()
    {
        var org = await _db.Get<CreateOrganization>().HandleAsync(new CreateOrganization.Request("Kitted Co"), CancellationToken.None);

        var kit = Assert.Single(await Kits.ListAsync(org.Value.Id, CancellationToken.None));
        var version = await Kits.FindVersionAsync(org.Value.Id, kit.Id, 1, CancellationToken.None);

        Assert.Equal(("backend-developer", "Backend Developer", KitOrigins.BuiltIn, true, (int?)1), (kit.Slug, kit.Name, kit.Origin, kit.ReadOnly, kit.LatestVersion));
        Assert.NotNull(version);
        Assert.Equal("published", version.Status);
        Assert.Equal(Shipped.ContentHash, version.ContentHash);
        Assert.Equal(Shipped.Kit, KitLoader.Parse(version.Document).Kit);
    }

    [Fact]
    public async Task Installing_TheSameContentAgain_ChangesNothing()
    {
        var org = await Seed.OrganizationAsync(_db);

        var first = await Kits.InstallBuiltInAsync(org.Id, Shipped, _db.Clock.GetUtcNow(), CancellationToken.None);
        var second = await Kits.InstallBuiltInAsync(org.Id, Shipped, _db.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Null(second);
        Assert.Equal(1, Assert.Single(await Kits.ListAsync(org.Id, CancellationToken.None)).LatestVersion);
    }

    [Fact]
    public async Task ShippingChangedContent_AddsANewVersionAndKeepsTheOldOneIntact()
    {
        var org = await Seed.OrganizationAsync(_db);
        await Kits.InstallBuiltInAsync(org.Id, Shipped, _db.Clock.GetUtcNow(), CancellationToken.None);
        var changedKit = Shipped.Kit with { Info = Shipped.Kit.Info with { Summary = "A revised summary for the next release." } };
        var changedDocument = KitWriter.ToYaml(changedKit);
        var changed = new KitDocument(changedKit, changedDocument, KitDocument.Hash(changedDocument));

        var number = await Kits.InstallBuiltInAsync(org.Id, changed, _db.Clock.GetUtcNow(), CancellationToken.None);

        var kit = Assert.Single(await Kits.ListAsync(org.Id, CancellationToken.None));
        Assert.Equal((2, 2), (number, kit.LatestVersion));
        Assert.Equal(Shipped.ContentHash, (await Kits.FindVersionAsync(org.Id, kit.Id, 1, CancellationToken.None))!.ContentHash);
        Assert.Equal("A revised summary for the next release.", KitLoader.Parse((await Kits.FindVersionAsync(org.Id, kit.Id, 2, CancellationToken.None))!.Document).Kit!.Info.Summary);
    }

    [Fact]
    public async Task PublishedVersionsAndDocuments_CannotBeChangedEvenWithDirectSql()
    {
        var org = await Seed.OrganizationAsync(_db);
        await Kits.InstallBuiltInAsync(org.Id, Shipped, _db.Clock.GetUtcNow(), CancellationToken.None);
        await using var connection = await _db.Connections.OpenAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("UPDATE kit_versions SET status = 'draft' WHERE organization_id = @Org", new { Org = org.Id }));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("DELETE FROM kit_versions WHERE organization_id = @Org", new { Org = org.Id }));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync("UPDATE kit_documents SET document = 'tampered'"));
    }

    [Fact]
    public async Task EveryOrganizationsCopy_SharesOneStoredDocument()
    {
        var first = await Seed.OrganizationAsync(_db);
        var second = await Seed.OrganizationAsync(_db);

        await Kits.InstallBuiltInAsync(first.Id, Shipped, _db.Clock.GetUtcNow(), CancellationToken.None);
        await Kits.InstallBuiltInAsync(second.Id, Shipped, _db.Clock.GetUtcNow(), CancellationToken.None);

        await using var connection = await _db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kit_documents"));
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kit_versions"));
    }

    [Fact]
    public async Task ConcurrentInstalls_InOneOrganization_CreateOneKitAndOneVersion()
    {
        var org = await Seed.OrganizationAsync(_db);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Kits.InstallBuiltInAsync(org.Id, Shipped, _db.Clock.GetUtcNow(), CancellationToken.None))));

        Assert.Single(results, r => r == 1);
        Assert.Equal(1, Assert.Single(await Kits.ListAsync(org.Id, CancellationToken.None)).LatestVersion);
    }

    [Fact]
    public async Task TheStartupSweep_InstallsIntoOrganizationsThatLackTheKit()
    {
        var a = await Seed.OrganizationAsync(_db);
        var b = await Seed.OrganizationAsync(_db);
        var sweep = _db.Get<InstallBuiltInKits>();

        var first = await sweep.EverywhereAsync(CancellationToken.None);
        var again = await sweep.EverywhereAsync(CancellationToken.None);

        Assert.Equal((2, 0), (first, again));
        Assert.Single(await Kits.ListAsync(a.Id, CancellationToken.None));
        Assert.Single(await Kits.ListAsync(b.Id, CancellationToken.None));
    }

    [Fact]
    public async Task KitsOfAnotherOrganization_AreNotFound()
    {
        var a = await Seed.OrganizationAsync(_db);
        var b = await Seed.OrganizationAsync(_db);
        await Kits.InstallBuiltInAsync(a.Id, Shipped, _db.Clock.GetUtcNow(), CancellationToken.None);
        var kitOfA = Assert.Single(await Kits.ListAsync(a.Id, CancellationToken.None));

        Assert.Null(await Kits.FindAsync(b.Id, kitOfA.Id, CancellationToken.None));
        Assert.Null(await Kits.FindVersionAsync(b.Id, kitOfA.Id, 1, CancellationToken.None));
    }
}
