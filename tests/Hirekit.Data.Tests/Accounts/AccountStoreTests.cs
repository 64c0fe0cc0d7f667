using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Sessions;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Accounts;

public sealed class AccountStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    private IAccountStore Store => _db.Get<IAccountStore>();

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task CreateOrganization_WithANameTakenInAnotherCase_ReportsTheConflict()
    {
        var org = await Seed.OrganizationAsync(_db, "Acme Hiring");
        var clash = org with { Id = Ids.New(), Name = "ACME hiring", Slug = "acme-other" };

        Assert.False(await Store.CreateOrganizationAsync(clash, Seed.Audit(clash.Id), CancellationToken.None));
        Assert.Equal(org.Id, (await Store.FindOrganizationByNameAsync("acme HIRING", CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task CreateUser_WithAnEmailTaken_ReportsTheConflictAndWritesNothing()
    {
        var org = await Seed.OrganizationAsync(_db);
        var user = await Seed.UserAsync(_db, org.Id);
        var twin = user with { Id = Ids.New() };

        var created = await Store.CreateUserAsync(twin, new Membership(org.Id, twin.Id, Role.Recruiter, true, _db.Clock.GetUtcNow()), Seed.Audit(org.Id), CancellationToken.None);

        Assert.False(created);
        Assert.Null(await Store.FindUserAsync(twin.Id, CancellationToken.None));
        Assert.Single(await Store.ListMembersAsync(org.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ListMembers_ReturnsOnlyTheOrganizationsOwnMembers()
    {
        var a = await Seed.OrganizationAsync(_db);
        var b = await Seed.OrganizationAsync(_db);
        var alice = await Seed.UserAsync(_db, a.Id);
        await Seed.UserAsync(_db, b.Id);

        var members = await Store.ListMembersAsync(a.Id, CancellationToken.None);

        Assert.Equal([alice.Id], members.Select(m => m.UserId));
        Assert.Null(await Store.FindMemberAsync(b.Id, alice.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RecordSignInFailure_LocksOnTheFifthConsecutiveFailureAndResetsTheCount()
    {
        var org = await Seed.OrganizationAsync(_db);
        var user = await Seed.UserAsync(_db, org.Id);
        var until = _db.Clock.GetUtcNow().AddMinutes(15);

        for (var i = 1; i <= 4; i++)
        {
            Assert.Null(await Store.RecordSignInFailureAsync(user.Id, 5, until, CancellationToken.None));
        }

        Assert.Equal(until, await Store.RecordSignInFailureAsync(user.Id, 5, until, CancellationToken.None));
        var locked = await Store.FindUserAsync(user.Id, CancellationToken.None);
        Assert.Equal(until, locked!.LockedUntil);
        Assert.Equal(0, locked.FailedSignIns);
    }

    [Fact]
    public async Task RecordSignInFailure_FromManyRequestsAtOnce_CountsEveryFailure()
    {
        var org = await Seed.OrganizationAsync(_db);
        var user = await Seed.UserAsync(_db, org.Id);
        var until = _db.Clock.GetUtcNow().AddMinutes(15);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Store.RecordSignInFailureAsync(user.Id, 5, until, CancellationToken.None))));

        Assert.Equal(2, results.Count(r => r is not null)); // the 5th and the 10th failure each lock
    }

    [Fact]
    public async Task ChangeRole_AndCountActiveAdmins_SeeTheNewRole()
    {
        var org = await Seed.OrganizationAsync(_db);
        var admin = await Seed.UserAsync(_db, org.Id, Role.Admin);
        var other = await Seed.UserAsync(_db, org.Id, Role.Interviewer);

        Assert.True(await Store.ChangeRoleAsync(org.Id, other.Id, Role.Admin, Seed.Audit(org.Id), CancellationToken.None));

        Assert.Equal(2, await Store.CountActiveAdminsAsync(org.Id, CancellationToken.None));
        Assert.Equal(Role.Admin, (await Store.FindMemberAsync(org.Id, other.Id, CancellationToken.None))!.Role);
        Assert.False(await Store.ChangeRoleAsync(Ids.New(), admin.Id, Role.Recruiter, Seed.Audit(org.Id), CancellationToken.None));
    }

    [Fact]
    public async Task SetMemberActive_False_EndsTheMembersSessionsInTheSameTransaction()
    {
        var org = await Seed.OrganizationAsync(_db);
        var user = await Seed.UserAsync(_db, org.Id, Role.Recruiter);
        var now = _db.Clock.GetUtcNow();
        var sessions = _db.Get<ISessionStore>();
        await sessions.CreateAsync(new Session(Ids.New(), "hash-a", user.Id, org.Id, now, now, now.AddHours(12)), Seed.Audit(org.Id), CancellationToken.None);

        Assert.True(await Store.SetMemberActiveAsync(org.Id, user.Id, false, Seed.Audit(org.Id), CancellationToken.None));

        Assert.Null(await sessions.FindByTokenHashAsync("hash-a", CancellationToken.None));
        Assert.Empty(await Store.ListActiveMembershipsAsync(user.Id, CancellationToken.None));
        Assert.False((await Store.FindMemberAsync(org.Id, user.Id, CancellationToken.None))!.IsActive);
    }

    [Fact]
    public async Task ChangePassword_EndsEveryOtherSessionOfTheUser()
    {
        var org = await Seed.OrganizationAsync(_db);
        var user = await Seed.UserAsync(_db, org.Id);
        var now = _db.Clock.GetUtcNow();
        var sessions = _db.Get<ISessionStore>();
        var keep = Ids.New();
        await sessions.CreateAsync(new Session(keep, "hash-keep", user.Id, org.Id, now, now, now.AddHours(12)), Seed.Audit(org.Id), CancellationToken.None);
        await sessions.CreateAsync(new Session(Ids.New(), "hash-other", user.Id, org.Id, now, now, now.AddHours(12)), Seed.Audit(org.Id), CancellationToken.None);

        await Store.ChangePasswordAsync(user.Id, "new-hash", keep, AuditEntry.System(org.Id, user.Id, "user.password_changed", "user", user.Id, now), CancellationToken.None);

        Assert.NotNull(await sessions.FindByTokenHashAsync("hash-keep", CancellationToken.None));
        Assert.Null(await sessions.FindByTokenHashAsync("hash-other", CancellationToken.None));
        Assert.Equal("new-hash", (await Store.FindUserAsync(user.Id, CancellationToken.None))!.PasswordHash);
    }
}
