using System.Net.Http.Headers;
using Hirekit.Core.Accounts;
using Hirekit.Core.ApiTokens;
using Hirekit.Core.Common;
using Dapper;
using Hirekit.Data.Connections;
using Hirekit.Data.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hirekit.Testing;

/// <summary>
/// The real server, in process, on a private database of this run's engine, with a manual clock.
/// Tests create the organisations and members they need through the same use cases the product uses.
/// </summary>
public sealed class HirekitApp : WebApplicationFactory<Program>
{
    public const string Password = "a long test password 1";

    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsDatabase;

    private bool _listening;

    private HirekitApp(TestDatabase database, Dictionary<string, string?> settings, bool ownsDatabase)
    {
        Database = database;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    /// <summary>Everything the server logged, for checks that logs carry no secrets or personal data.</summary>
    public LogCapture Logs { get; } = new();

    public ManualClock Clock => Database.Clock;

    public static async Task<HirekitApp> StartAsync(IDictionary<string, string?>? settings = null) =>
        Start(await TestDatabase.CreateAsync(migrate: false), settings, ownsDatabase: true);

    /// <summary>The server on a real loopback port (Kestrel), for a real browser; see <see cref="BaseUrl"/>.</summary>
    public static async Task<HirekitApp> StartListeningAsync(IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(migrate: false);
        var app = new HirekitApp(database, Settings(settings, database), ownsDatabase: true);
        // An endpoint of Kestrel's own, not UseKestrel(port): with a port the factory rewrites the
        // server's addresses after the host is built, racing Kestrel's bind, which fails now and
        // then with "Addresses cannot be modified after the server has started" (dotnet/aspnetcore
        // pull request 67714). Kestrel reports the bound port in the addresses either way.
        app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        app._listening = true;
        return app;
    }

    /// <summary>The loopback address the Kestrel server listens on (only after <see cref="StartListeningAsync"/>).</summary>
    public string BaseUrl =>
        Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

    /// <summary>Another server instance on an existing database, as behind a load balancer.</summary>
    public static HirekitApp StartOn(TestDatabase database, IDictionary<string, string?>? settings = null) =>
        Start(database, settings, ownsDatabase: false);

    private static HirekitApp Start(TestDatabase database, IDictionary<string, string?>? settings, bool ownsDatabase)
    {
        var app = new HirekitApp(database, Settings(settings, database), ownsDatabase);
        _ = app.Server; // start now, so migrations run before the first test
        return app;
    }

    private static Dictionary<string, string?> Settings(IDictionary<string, string?>? settings, TestDatabase database)
    {
        var all = new Dictionary<string, string?>
        {
            ["Hirekit:Database:Provider"] = database.Settings.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Hirekit"] = database.Settings.ConnectionString,
            ["Hirekit:DataDirectory"] = database.Directory,
            ["Hirekit:Diagnostics:QueryCountHeader"] = "true",
            ["Hirekit:Security:SignInAttemptsPerMinutePerIp"] = "1000",
            ["Hirekit:Security:ApplicationsPerHourPerIp"] = "1000",
            ["Hirekit:Security:PracticeFeedbackPerMinutePerIp"] = "1000",
            ["Hirekit:PublicUrl"] = "http://hirekit.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>Where the server drops e-mail when no SMTP server is configured (the default).</summary>
    public string MailDirectory => Path.Combine(Database.Directory, "mail");

    /// <summary>
    /// Sends every due outbox message (racing the server's own dispatcher, as a second instance
    /// would) and waits until none is left in flight; returns every message dropped so far.
    /// </summary>
    public async Task<IReadOnlyList<DroppedMail>> DeliverMailAsync()
    {
        var dispatcher = Get<OutboxDispatcher>();
        var db = Get<IDbConnectionFactory>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            await using var connection = await db.OpenAsync(CancellationToken.None);
            var inFlight = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL AND failed_at IS NULL AND available_at <= @Now",
                new { Now = Clock.GetUtcNow() });
            if (inFlight == 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        return MailDrop.Read(MailDirectory);
    }

    /// <summary>Dropped messages to <paramref name="email"/>, oldest first by file name (ids are time-ordered).</summary>
    public async Task<IReadOnlyList<DroppedMail>> MailToAsync(string email) =>
        (await DeliverMailAsync()).Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>A client that keeps cookies and does not follow redirects, like a careful browser.</summary>
    public HttpClient Browser() => CreateClient(Options(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A client for /api/v1 with a bearer token.</summary>
    public HttpClient Api(string token)
    {
        var client = CreateClient(Options(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Clients of a listening server talk to its real port.</summary>
    private WebApplicationFactoryClientOptions Options(WebApplicationFactoryClientOptions options)
    {
        if (_listening)
        {
            options.BaseAddress = new Uri(BaseUrl);
        }

        return options;
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
    public async Task<HttpClient> SignedInBrowserAsync(TestMember member) => (await SignInAsync(member)).Browser;

    /// <summary>Signs in through the form; also returns the raw session token the server set.</summary>
    public async Task<(HttpClient Browser, string SessionToken)> SignInAsync(TestMember member)
    {
        var browser = Browser();
        var response = await Forms.PostAsync(browser, "/signin", new() { ["Form.Email"] = member.Email, ["Form.Password"] = Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed with {(int)response.StatusCode}.");
        }

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hirekit_session=", StringComparison.Ordinal));
        return (browser, cookie["hirekit_session=".Length..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Database.Clock);
            services.AddSingleton<ILoggerProvider>(Logs); // after Program.cs cleared the default providers
            services.AddSingleton<IStartupFilter, ServerErrorReason>(); // a 5xx names the server's exception
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

public sealed record TestMember(Guid UserId, Guid OrganizationId, string Email, Role Role, string DisplayName)
{
    public Actor Actor => new(UserId, OrganizationId, Role, DisplayName);
}
