using Hirekit.Core.ApiTokens;
using Hirekit.Core.Common;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.ApiTokens;

public sealed class ApiTokenStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    private IApiTokenStore Store => _db.Get<IApiTokenStore>();

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Revoke_OnlyAffectsTheOwnersToken()
    {
        var org = await Seed.OrganizationAsync(_db);
        var owner = await Seed.UserAsync(_db, org.Id);
        var other = await Seed.UserAsync(_db, org.Id);
        var token = await CreateAsync(org.Id, owner.Id, "t1");

        Assert.False(await Store.RevokeAsync(org.Id, other.Id, token.Id, _db.Clock.GetUtcNow(), Seed.Audit(org.Id), CancellationToken.None));
        Assert.False(await Store.RevokeAsync(Ids.New(), owner.Id, token.Id, _db.Clock.GetUtcNow(), Seed.Audit(org.Id), CancellationToken.None));
        Assert.True(await Store.RevokeAsync(org.Id, owner.Id, token.Id, _db.Clock.GetUtcNow(), Seed.Audit(org.Id), CancellationToken.None));
        Assert.False(await Store.RevokeAsync(org.Id, owner.Id, token.Id, _db.Clock.GetUtcNow(), Seed.Audit(org.Id), CancellationToken.None));
        Assert.NotNull((await Store.FindByHashAsync("t1", CancellationToken.None))!.RevokedAt);
    }

    [Fact]
    public async Task List_ShowsTheUsersTokensNewestFirst_AndTouchRecordsUse()
    {
        var org = await Seed.OrganizationAsync(_db);
        var owner = await Seed.UserAsync(_db, org.Id);
        var first = await CreateAsync(org.Id, owner.Id, "a");
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await CreateAsync(org.Id, owner.Id, "b");
        await Store.TouchAsync(first.Id, _db.Clock.GetUtcNow(), CancellationToken.None);

        var tokens = await Store.ListAsync(org.Id, owner.Id, CancellationToken.None);

        Assert.Equal([second.Id, first.Id], tokens.Select(t => t.Id));
        Assert.Equal(_db.Clock.GetUtcNow(), tokens[1].LastUsedAt);
        Assert.Null(tokens[0].LastUsedAt);
    }

    private async Task<ApiToken> CreateAsync(Guid org, Guid user, string hash)
    {
        var token = new ApiToken(Ids.New(), org, user, "name", hash, "hk_abc", _db.Clock.GetUtcNow(), null, null, null);
        await Store.CreateAsync(token, Seed.Audit(org), CancellationToken.None);
        return token;
    }
}
