using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Hirekit.Core.Mail;
using Hirekit.Data;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hirekit.Web.Hosting;

/// <summary>The web host's service registrations, one method per concern, called from Program.cs.</summary>
public static class HirekitWebServices
{
    public const string SignInRateLimit = "signin";
    public const string ApplyRateLimit = "apply";
    public const string PracticeRateLimit = "practice";
    public const string HirekitScheme = "Hirekit";

    /// <summary>Pages a visitor without an account must reach: signing in, first-run setup, invitations, errors.</summary>
    private static readonly string[] AnonymousPages = ["/SignIn", "/Setup", "/Invitation", "/Error", "/Status"];

    /// <summary>Folders of pages for people without an account: careers, practice, the written screen, and the pages behind candidates' and new hires' secret links.</summary>
    private static readonly string[] AnonymousFolders = ["/Careers", "/Practice", "/Public", "/Screens"];

    public static WebApplicationBuilder AddHirekitStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<HirekitWebOptions>(builder.Configuration.GetSection(HirekitWebOptions.Section));
        builder.Services.AddHirekitData(HirekitDataServices.ReadDatabaseSettings(builder.Configuration), HirekitDataServices.DataDirectory(builder.Configuration));
        builder.Services.AddHirekitMail(builder.Configuration);
        builder.Services.AddSingleton<OutboxService>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IOutboxSignal>(services => services.GetRequiredService<OutboxService>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxService>());
        builder.Services.AddHostedService<ScorecardReminderService>();
        builder.Services.AddHostedService<AsyncScreenReminderService>();
        builder.Services.AddDataProtection().SetApplicationName("hirekit");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(services.GetRequiredService<Data.DataProtection.DataProtectionKeyStore>())));
        return builder;
    }

    public static WebApplicationBuilder AddHirekitSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddAuthentication(HirekitScheme)
            .AddPolicyScheme(HirekitScheme, "Session or API token", o =>
                o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "hirekit_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var permits = Math.Max(1, builder.Configuration.GetValue($"{HirekitWebOptions.Section}:Security:SignInAttemptsPerMinutePerIp", 10));
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
            var applications = Math.Max(1, builder.Configuration.GetValue($"{HirekitWebOptions.Section}:Security:ApplicationsPerHourPerIp", 20));
            o.AddPolicy(ApplyRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = applications, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
            var feedback = Math.Max(1, builder.Configuration.GetValue($"{HirekitWebOptions.Section}:Security:PracticeFeedbackPerMinutePerIp", 30));
            o.AddPolicy(PracticeRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = feedback, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
            o.OnRejected = OnRateLimited;
        });

        if (builder.Configuration.GetValue<bool>($"{HirekitWebOptions.Section}:Security:TrustForwardedHeaders"))
        {
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            });
        }

        return builder;
    }

    public static WebApplicationBuilder AddHirekitApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        builder.Services.AddExceptionHandler<HirekitExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        return builder;
    }

    public static WebApplicationBuilder AddHirekitPages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", Policies.Member);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            foreach (var page in AnonymousPages)
            {
                o.Conventions.AllowAnonymousToPage(page);
            }

            foreach (var folder in AnonymousFolders)
            {
                o.Conventions.AllowAnonymousToFolder(folder);
            }
        });
        builder.Services.AddHostedService(services => services.GetRequiredService<SetupLinkService>());
        builder.Services.AddSingleton<SetupLinkService>();
        builder.Services.AddSingleton<Pages.Careers.FormStamp>();
        builder.Services.AddHostedService<SessionCleanupService>();
        builder.Services.AddHostedService<StatisticsService>();
        return builder;
    }

    private static async ValueTask OnRateLimited(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests", $"Too many attempts from your address. Try again in {seconds} seconds.");
    }
}
