using Hirekit.Core.Accounts;
using Hirekit.Core.Common;
using Hirekit.Core.Security;
using Hirekit.Core.Sessions;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Sessions;

public sealed class SessionStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    private ISessionStore Store => _db.Get<ISessionStore>();

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task FindByTokenHash_JoinsTheMembersRoleAndName()
    {
        var org = await Seed.OrganizationAsync(_db);
        var user = await Seed.UserAsync(_db, org.Id, Role.HiringManager);
        var now = _db.Clock.GetUtcNow();
        var session = new Session(Ids.New(), "h1", user.Id, org.Id, now, now, now.AddHours(12));
        await Store.CreateAsync(session, Seed.Audit(org.Id), CancellationToken.None);

        var found = await Store.FindByTokenHashAsync("h1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal((session.Id, user.Id, org.Id, Role.HiringManager, true), (found.Id, found.UserId, found.OrganizationId, found.Role, found.MemberActive));
        Assert.Equal(session.ExpiresAt, found.ExpiresAt);
        Assert.Null(await Store.FindByTokenHashAsync("h2", CancellationToken.None));
    }

    [Fact]
    public async Task Touch_MovesLastSeen_AndDeleteExpired_RemovesIdleAndOldSessions()
    {
        var org = await Seed.OrganizationAsync(_db);
        var user = await Seed.UserAsync(_db, org.Id);
        var now = _db.Clock.GetUtcNow();
        await Store.CreateAsync(new Session(Ids.New(), "fresh", user.Id, org.Id, now, now, now.AddHours(12)), Seed.Audit(org.Id), CancellationToken.None);
        await Store.CreateAsync(new Session(Ids.New(), "idle", user.Id, org.Id, now.AddHours(-1), now.AddHours(-1), now.AddHours(11)), Seed.Audit(org.Id), CancellationToken.None);
        var old = new Session(Ids.New(), "old", user.Id, org.Id, now.AddHours(-13), now.AddHours(-13), now.AddHours(-1));
        await Store.CreateAsync(old, Seed.Audit(org.Id), CancellationToken.None);
        Assert.True(await Store.TouchAsync(old.Id, now, now - SecurityPolicy.SessionTouchInterval, CancellationToken.None));

        var removed = await Store.DeleteExpiredAsync(now, now.AddMinutes(-30), CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.NotNull(await Store.FindByTokenHashAsync("fresh", CancellationToken.None));
        Assert.Null(await Store.FindByTokenHashAsync("idle", CancellationToken.None));
        Assert.Null(await Store.FindByTokenHashAsync("old", CancellationToken.None));
    }

    [Fact]
    public async Task Touch_WritesOnce_WhenConcurrentRequestsSawTheSameStaleTime()
    {
        var org = await Seed.OrganizationAsync(_db);
        var user = await Seed.UserAsync(_db, org.Id);
        var now = _db.Clock.GetUtcNow();
        var session = new Session(Ids.New(), "busy", user.Id, org.Id, now.AddMinutes(-5), now.AddMinutes(-5), now.AddHours(6));
        await Store.CreateAsync(session, Seed.Audit(org.Id), CancellationToken.None);
        var staleBefore = now - SecurityPolicy.SessionTouchInterval;

        // Eight requests of one session, each having read the five-minute-old time.
        var touched = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => Store.TouchAsync(session.Id, now.AddMilliseconds(i), staleBefore, CancellationToken.None)));

        Assert.Single(touched, t => t);
        var writer = Array.IndexOf(touched, true);
        Assert.Equal(now.AddMilliseconds(writer), (await Store.FindByTokenHashAsync("busy", CancellationToken.None))!.LastSeenAt);

        // A touch interval later the time is stale again, and the next touch writes.
        var later = now.AddMinutes(2);
        Assert.True(await Store.TouchAsync(session.Id, later, later - SecurityPolicy.SessionTouchInterval, CancellationToken.None));
        Assert.Equal(later, (await Store.FindByTokenHashAsync("busy", CancellationToken.None))!.LastSeenAt);
    }
}
