using System.Net.Http.Headers;
using Hirekit.Core.Accounts;
using Hirekit.Core.ApiTokens;
using Hirekit.Core.Common;
using Hirekit.Data.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Hirekit.Testing;

/// <summary>
/// The real server, in process, on a private database of this run's engine, with a manual clock.
/// Tests create the organisations and members they need through the same use cases the product uses.
/// </summary>
public sealed class HirekitApp : WebApplicationFactory<Program>
{
    public const string Password = "a long test password 1";

    private readonly Dictionary<string, string?> _settings;

    private HirekitApp(TestDatabase database, Dictionary<string, string?> settings)
    {
        Database = database;
        _settings = settings;
    }

    public TestDatabase Database { get; }

    public ManualClock Clock => Database.Clock;

    public static async Task<HirekitApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(migrate: false);
        var all = new Dictionary<string, string?>
        {
            ["Hirekit:Database:Provider"] = database.Settings.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Hirekit"] = database.Settings.ConnectionString,
            ["Hirekit:DataDirectory"] = database.Directory,
            ["Hirekit:Diagnostics:QueryCountHeader"] = "true",
            ["Hirekit:Security:SignInAttemptsPerMinutePerIp"] = "1000",
            ["Hirekit:PublicUrl"] = "http://hirekit.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new HirekitApp(database, all);
        _ = app.Server; // start now, so migrations run before the first test
        return app;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, like a careful browser.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client for /api/v1 with a bearer token.</summary>
    public HttpClient Api(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A new organisation with one member of <paramref name="role"/>.</summary>
    public async Task<TestMember> NewOrganizationAsync(Role role = Role.Admin, string? name = null)
    {
        var org = await Get<CreateOrganization>().HandleAsync(new CreateOrganization.Request(name ?? $"Org {Guid.NewGuid():N}"), CancellationToken.None);
        return await AddMemberAsync(org.Value.Id, role);
    }

    public async Task<TestMember> AddMemberAsync(Guid organizationId, Role role, string? displayName = null)
    {
        var email = $"{role.Code()}-{Guid.NewGuid():N}@example.test";
        var created = await Get<CreateUser>().HandleAsync(null, new CreateUser.Request(organizationId, email, displayName ?? $"Test {role.Label()}", role, Password), CancellationToken.None);
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException(created.Error!.Message);
        }

        return new TestMember(created.Value.UserId, organizationId, email, role, displayName ?? $"Test {role.Label()}");
    }

    public async Task<string> TokenForAsync(TestMember member, int? expiresInDays = null)
    {
        var result = await Get<CreateApiToken>().HandleAsync(member.Actor, new CreateApiToken.Request("test", expiresInDays), CancellationToken.None);
        return result.Value.Token;
    }

    /// <summary>A browser signed in as <paramref name="member"/> through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInBrowserAsync(TestMember member)
    {
        var browser = Browser();
        var response = await Forms.PostAsync(browser, "/signin", new() { ["Form.Email"] = member.Email, ["Form.Password"] = Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed with {(int)response.StatusCode}.");
        }

        return browser;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Database.Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed record TestMember(Guid UserId, Guid OrganizationId, string Email, Role Role, string DisplayName)
{
    public Actor Actor => new(UserId, OrganizationId, Role, DisplayName);
}
