using Hirekit.Core.Accounts;
using Hirekit.Core.ApiTokens;
using Hirekit.Core.Sessions;
using Hirekit.Data.Migrations;
using Hirekit.Testing;

namespace Hirekit.Cli.Tests;

public sealed class AccountCommandsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task DbMigrate_AppliesThenReportsTheSchemaCurrent()
    {
        var first = await CliRun.RunAsync(_db, null, "db", "migrate");
        var second = await CliRun.RunAsync(_db, null, "db", "migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("Applied", first.Line, StringComparison.Ordinal);
        Assert.StartsWith("Schema is current", second.Line, StringComparison.Ordinal);
        Assert.Empty(await _db.Get<MigrationRunner>().PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ScriptedInstall_OrgThenUserWithPipedPasswordThenToken()
    {
        var org = await CliRun.RunAsync(_db, null, "orgs", "create", "--name", "Scripted Inc");
        var user = await CliRun.RunAsync(_db, "piped password here\n", "users", "create", "--org", "scripted inc", "--email", "Ops@Scripted.test", "--role", "admin", "--name", "Ops Person");
        var token = await CliRun.RunAsync(_db, null, "tokens", "create", "--email", "ops@scripted.test");

        Assert.Equal((0, 0, 0), (org.ExitCode, user.ExitCode, token.ExitCode));
        Assert.Empty(user.Out); // a piped password is never echoed
        var signIn = await _db.Get<SignIn>().HandleAsync(new SignIn.Request("ops@scripted.test", "piped password here"), CancellationToken.None);
        Assert.True(signIn.IsSuccess);
        Assert.Matches("^hk_[A-Za-z0-9_-]{43}$", token.Line); // only the token on stdout
        Assert.NotNull(await _db.Get<AuthenticateApiToken>().HandleAsync(token.Line, CancellationToken.None));
    }

    [Fact]
    public async Task UsersCreate_WithoutPipedInput_GeneratesAndPrintsAWorkingPassword()
    {
        await CliRun.RunAsync(_db, null, "orgs", "create", "--name", "Generated Ltd");

        var user = await CliRun.RunAsync(_db, null, "users", "create", "--org", "Generated Ltd", "--email", "gen@example.test", "--role", "interviewer");

        Assert.Equal(0, user.ExitCode);
        var signIn = await _db.Get<SignIn>().HandleAsync(new SignIn.Request("gen@example.test", user.Line), CancellationToken.None);
        Assert.True(signIn.IsSuccess);
        var member = (await _db.Get<IAccountStore>().FindUserByEmailAsync("gen@example.test", CancellationToken.None))!;
        Assert.Equal(Role.Interviewer, (await _db.Get<IAccountStore>().ListActiveMembershipsAsync(member.Id, CancellationToken.None)).Single().Role);
    }

    [Theory]
    [InlineData("boss", "Nowhere", "x@example.test", "--role must be")]
    [InlineData("admin", "Nowhere", "x@example.test", "no organisation named")]
    public async Task UsersCreate_WithBadInput_ExitsWith2AndSaysWhy(string role, string org, string email, string message)
    {
        var outcome = await CliRun.RunAsync(_db, "a long enough password\n", "users", "create", "--org", org, "--email", email, "--role", role);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersCreate_WithAWeakPipedPassword_IsRefused()
    {
        await CliRun.RunAsync(_db, null, "orgs", "create", "--name", "Weak Co");

        var outcome = await CliRun.RunAsync(_db, "short\n", "users", "create", "--org", "Weak Co", "--email", "w@example.test", "--role", "admin");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("12 characters", outcome.Error, StringComparison.Ordinal);
        Assert.Null(await _db.Get<IAccountStore>().FindUserByEmailAsync("w@example.test", CancellationToken.None));
    }

    [Fact]
    public async Task OrgsCreate_WithATakenName_ExitsWith2()
    {
        await CliRun.RunAsync(_db, null, "orgs", "create", "--name", "Twice");

        var again = await CliRun.RunAsync(_db, null, "orgs", "create", "--name", "TWICE");

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("organization.name_taken", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredOptions_ExitNonZeroWithUsage()
    {
        var outcome = await CliRun.RunAsync(_db, null, "orgs", "create");

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("--name", outcome.Error + outcome.Out, StringComparison.Ordinal);
    }
}
