using Hirekit.Core.Accounts;
using Hirekit.Core.Common;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Accounts;

public sealed class InvitationStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Accept_FromTwoRequestsAtOnce_AcceptsExactlyOnce()
    {
        var org = await Seed.OrganizationAsync(_db);
        var admin = await Seed.UserAsync(_db, org.Id);
        var now = _db.Clock.GetUtcNow();
        var invitation = new Invitation(Ids.New(), org.Id, "new@example.test", Role.Interviewer, "inv-hash", admin.Id, now, now.AddDays(7));
        var store = _db.Get<IInvitationStore>();
        await store.CreateAsync(invitation, Seed.Audit(org.Id), CancellationToken.None);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var user = new User(Ids.New(), "new@example.test", "New Person", Seed.PasswordHash, 0, null, now);
            return store.AcceptAsync(invitation.Id, user, new Membership(org.Id, user.Id, Role.Interviewer, true, now), Seed.Audit(org.Id), now, CancellationToken.None);
        })));

        Assert.Equal(1, attempts.Count(accepted => accepted));
        Assert.Equal(2, (await _db.Get<IAccountStore>().ListMembersAsync(org.Id, CancellationToken.None)).Count);
        Assert.Null(await store.FindPendingAsync("inv-hash", now, CancellationToken.None));
    }

    [Fact]
    public async Task Create_ForAnEmailWithAPendingInvitation_ReplacesTheOldOne()
    {
        var org = await Seed.OrganizationAsync(_db);
        var admin = await Seed.UserAsync(_db, org.Id);
        var now = _db.Clock.GetUtcNow();
        var store = _db.Get<IInvitationStore>();
        await store.CreateAsync(new Invitation(Ids.New(), org.Id, "x@example.test", Role.Recruiter, "old", admin.Id, now, now.AddDays(7)), Seed.Audit(org.Id), CancellationToken.None);
        await store.CreateAsync(new Invitation(Ids.New(), org.Id, "x@example.test", Role.Admin, "new", admin.Id, now, now.AddDays(7)), Seed.Audit(org.Id), CancellationToken.None);

        Assert.Null(await store.FindPendingAsync("old", now, CancellationToken.None));
        Assert.Equal(Role.Admin, (await store.FindPendingAsync("new", now, CancellationToken.None))!.Invitation.Role);
        Assert.Single(await store.ListPendingAsync(org.Id, now, CancellationToken.None));
        Assert.Null(await store.FindPendingAsync("new", now.AddDays(8), CancellationToken.None));
    }
}
