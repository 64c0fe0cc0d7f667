using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Setup;
using Hirekit.Testing;

namespace Hirekit.Data.Tests.Setup;

public sealed class SetupStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    private ISetupStore Store => _db.Get<ISetupStore>();

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Complete_WithTwoTokensAtOnce_CreatesExactlyOneOrganization()
    {
        var now = _db.Clock.GetUtcNow();
        await Store.CreateTokenAsync("t1", now, now.AddHours(1), CancellationToken.None);
        await Store.CreateTokenAsync("t2", now, now.AddHours(1), CancellationToken.None);

        var outcomes = await Task.WhenAll(new[] { "t1", "t2" }.Select(token => Task.Run(() => CompleteAsync(token, now))));

        Assert.Equal(1, outcomes.Count(o => o == SetupOutcome.Completed));
        Assert.Equal(1, outcomes.Count(o => o == SetupOutcome.AlreadyDone));
        Assert.True(await _db.Get<IAccountStore>().AnyUserAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Complete_WithAnExpiredOrUnknownToken_CreatesNothingAndLeavesSetupOpen()
    {
        var now = _db.Clock.GetUtcNow();
        await Store.CreateTokenAsync("old", now.AddHours(-2), now.AddHours(-1), CancellationToken.None);
        await Store.CreateTokenAsync("good", now, now.AddHours(1), CancellationToken.None);

        Assert.Equal(SetupOutcome.InvalidToken, await CompleteAsync("old", now));
        Assert.Equal(SetupOutcome.InvalidToken, await CompleteAsync("unknown", now));
        Assert.False(await _db.Get<IAccountStore>().AnyUserAsync(CancellationToken.None));
        Assert.Equal(SetupOutcome.Completed, await CompleteAsync("good", now));
        Assert.Equal(SetupOutcome.InvalidToken, await CompleteAsync("good", now)); // single use
    }

    private Task<SetupOutcome> CompleteAsync(string tokenHash, DateTimeOffset now)
    {
        var org = new Organization(Ids.New(), $"Org {Guid.NewGuid():N}", $"org-{Guid.NewGuid():N}", now);
        var user = new User(Ids.New(), $"a-{Guid.NewGuid():N}@example.test", "Admin", Seed.PasswordHash, 0, null, now);
        return Store.CompleteAsync(tokenHash, now, org, user, AuditEntry.System(org.Id, user.Id, "setup.completed", "organization", org.Id, now), CancellationToken.None);
    }
}
