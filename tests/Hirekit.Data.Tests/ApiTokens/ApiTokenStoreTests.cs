using Hirekit.Core.ApiTokens;
using Hirekit.Core.Common;
using Hirekit.Core.Security;
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
        Assert.True(await Store.TouchAsync(first.Id, _db.Clock.GetUtcNow(), _db.Clock.GetUtcNow() - SecurityPolicy.TokenTouchInterval, CancellationToken.None));

        var tokens = await Store.ListAsync(org.Id, owner.Id, CancellationToken.None);

        Assert.Equal([second.Id, first.Id], tokens.Select(t => t.Id));
        Assert.Equal(_db.Clock.GetUtcNow(), tokens[1].LastUsedAt);
        Assert.Null(tokens[0].LastUsedAt);
    }

    [Fact]
    public async Task Touch_RecordsAUseOncePerInterval_WhateverTheNumberOfConcurrentRequests()
    {
        var org = await Seed.OrganizationAsync(_db);
        var owner = await Seed.UserAsync(_db, org.Id);
        var token = await CreateAsync(org.Id, owner.Id, "busy");
        var now = _db.Clock.GetUtcNow();
        var staleBefore = now - SecurityPolicy.TokenTouchInterval;

        // Never used: one of the concurrent first uses records it.
        var first = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => Store.TouchAsync(token.Id, now.AddMilliseconds(i), staleBefore, CancellationToken.None)));
        Assert.Single(first, t => t);

        // Used just now: a request that read the old time does not write again.
        Assert.False(await Store.TouchAsync(token.Id, now.AddSeconds(30), staleBefore, CancellationToken.None));
        var recorded = now.AddMilliseconds(Array.IndexOf(first, true));
        Assert.Equal(recorded, (await Store.FindByHashAsync("busy", CancellationToken.None))!.LastUsedAt);

        var later = now.AddMinutes(2);
        Assert.True(await Store.TouchAsync(token.Id, later, later - SecurityPolicy.TokenTouchInterval, CancellationToken.None));
        Assert.Equal(later, (await Store.FindByHashAsync("busy", CancellationToken.None))!.LastUsedAt);
    }

    private async Task<ApiToken> CreateAsync(Guid org, Guid user, string hash)
    {
        var token = new ApiToken(Ids.New(), org, user, "name", hash, "hk_abc", _db.Clock.GetUtcNow(), null, null, null);
        await Store.CreateAsync(token, Seed.Audit(org), CancellationToken.None);
        return token;
    }
}
