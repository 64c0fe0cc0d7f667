using Xunit;

using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Security;

namespace Hirekit.Testing;

/// <summary>Builds rows for store tests directly through the stores, with the test clock's time.</summary>
public static class Seed
{
    private static readonly Lazy<string> CachedHash = new(() => PasswordHasher.Hash(HirekitApp.Password));

    /// <summary>The hash of <see cref="HirekitApp.Password"/>, computed once per run (PBKDF2 is slow on purpose).</summary>
    public static string PasswordHash => CachedHash.Value;

    public static async Task<Organization> OrganizationAsync(TestDatabase db, string? name = null)
    {
        var now = db.Clock.GetUtcNow();
        var org = new Organization(Ids.New(), name ?? $"Org {Guid.NewGuid():N}", $"org-{Guid.NewGuid():N}", now);
        Assert.True(await db.Get<IAccountStore>().CreateOrganizationAsync(org, AuditEntry.System(org.Id, null, "organization.created", "organization", org.Id, now), CancellationToken.None));
        return org;
    }

    public static async Task<User> UserAsync(TestDatabase db, Guid organizationId, Role role = Role.Admin, string? email = null)
    {
        var now = db.Clock.GetUtcNow();
        var user = new User(Ids.New(), email ?? $"u-{Guid.NewGuid():N}@example.test", "Test User", PasswordHash, 0, null, now);
        Assert.True(await db.Get<IAccountStore>().CreateUserAsync(user, new Membership(organizationId, user.Id, role, true, now), AuditEntry.System(organizationId, null, "user.created", "user", user.Id, now), CancellationToken.None));
        return user;
    }

    public static AuditEntry Audit(Guid organizationId, string action = "test.action") =>
        AuditEntry.System(organizationId, null, action, "test", Guid.NewGuid(), DateTimeOffset.UtcNow);
}
