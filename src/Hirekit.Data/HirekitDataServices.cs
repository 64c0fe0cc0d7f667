using System.Reflection;
using Hirekit.Core.Accounts;
using Hirekit.Core.ApiTokens;
using Hirekit.Core.Audit;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Core.Sessions;
using Hirekit.Core.Candidates;
using Hirekit.Core.Interviews;
using Hirekit.Core.Mail;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Settings;
using Hirekit.Core.Careers;
using Hirekit.Core.Common;
using Hirekit.Core.Setup;
using Hirekit.Data.Accounts;
using Hirekit.Data.ApiTokens;
using Hirekit.Data.Audit;
using Hirekit.Data.Applications;
using Hirekit.Data.Candidates;
using Hirekit.Data.Connections;
using Hirekit.Data.Files;
using Hirekit.Data.DataProtection;
using Hirekit.Data.Jobs;
using Hirekit.Data.Interviews;
using Hirekit.Data.Kits;
using Hirekit.Data.Mail;
using Hirekit.Data.Migrations;
using Hirekit.Data.Scorecards;
using Hirekit.Data.Sessions;
using Hirekit.Data.Settings;
using Hirekit.Data.Setup;
using Hirekit.Data.TypeHandlers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hirekit.Data;

/// <summary>The composition shared by the server and the CLI: storage, stores and every use case.</summary>
public static class HirekitDataServices
{
    /// <summary>
    /// Reads <c>Hirekit:DataDirectory</c> (default <c>data</c>, relative to the working directory),
    /// <c>Hirekit:Database:Provider</c>, <c>ConnectionStrings:Hirekit</c> and
    /// <c>Hirekit:Database:SqliteSynchronous</c>.
    /// </summary>
    public static DatabaseSettings ReadDatabaseSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return DatabaseSettings.Resolve(configuration["Hirekit:Database:Provider"], configuration.GetConnectionString("Hirekit"), DataDirectory(configuration)) with
        {
            SqliteSynchronous = DatabaseSettings.ParseSqliteSynchronous(configuration["Hirekit:Database:SqliteSynchronous"]),
        };
    }

    /// <summary>Where the product keeps files: the SQLite database, outgoing mail, uploads.</summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Hirekit:DataDirectory"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
    }

    /// <summary>
    /// Mail and links from configuration: <c>Hirekit:PublicUrl</c> and <c>Hirekit:Mail:*</c> (From,
    /// FromName, Smtp:Host, Smtp:Port, Smtp:Username, Smtp:Password, Smtp:UseTls). Without an SMTP
    /// host, messages are written as .eml files under <c>&lt;DataDirectory&gt;/mail</c>.
    /// </summary>
    public static IServiceCollection AddHirekitMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = DefaultMail(DataDirectory(configuration));
        var section = configuration.GetSection("Hirekit:Mail");
        var mail = defaults with
        {
            FromAddress = section["From"] is { Length: > 0 } from ? from : defaults.FromAddress,
            FromName = section["FromName"] is { Length: > 0 } name ? name : defaults.FromName,
            SmtpHost = section["Smtp:Host"] is { Length: > 0 } host ? host : null,
            SmtpPort = int.TryParse(section["Smtp:Port"], System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : defaults.SmtpPort,
            SmtpUsername = section["Smtp:Username"],
            SmtpPassword = section["Smtp:Password"],
            SmtpUseTls = !bool.TryParse(section["Smtp:UseTls"], out var tls) || tls,
        };
        services.Replace(ServiceDescriptor.Singleton(mail));
        var publicUrl = configuration["Hirekit:PublicUrl"];
        services.Replace(ServiceDescriptor.Singleton(new PublicLinks(string.IsNullOrWhiteSpace(publicUrl) ? PublicLinks.Fallback : publicUrl.TrimEnd('/'))));
        return services;
    }

    private static MailSettings DefaultMail(string dataDirectory) =>
        new("hirekit@localhost", "Hirekit", null, 587, null, null, true, Path.Combine(dataDirectory, "mail"));

    /// <param name="dataDirectory">Where the installation keeps files (resumes under <c>files/</c>).</param>
    public static IServiceCollection AddHirekitData(this IServiceCollection services, DatabaseSettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        DapperSetup.Register();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton<IDbConnectionFactory>(_ => settings.Provider switch
        {
            DatabaseProvider.Postgres => new PostgresConnectionFactory(settings.ConnectionString),
            _ => new SqliteConnectionFactory(settings.ConnectionString, settings.SqliteSynchronous),
        });
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddSingleton<IFileStorage>(new FileSystemStorage(Path.Combine(dataDirectory, "files")));

        services.AddSingleton<IAccountStore, AccountStore>();
        services.AddSingleton<IInvitationStore, InvitationStore>();
        services.AddSingleton<ISessionStore, SessionStore>();
        services.AddSingleton<IApiTokenStore, ApiTokenStore>();
        services.AddSingleton<IAuditStore, AuditStore>();
        services.AddSingleton<ISetupStore, SetupStore>();
        services.AddSingleton<IKitStore, KitStore>();
        services.AddSingleton<IQuestionBankStore, QuestionBankStore>();
        services.AddSingleton<IJobStore, JobStore>();
        services.AddSingleton<JobAccess>();
        services.AddSingleton<ICareersStore, CareersStore>();
        services.AddSingleton<ICandidateStore, CandidateStore>();
        services.AddSingleton<PipelineCardCache>();
        services.AddSingleton<IApplicationStore, ApplicationStore>();
        services.AddSingleton<CandidateAccess>();
        services.AddSingleton<Core.Applications.ApplicationAccess>();
        services.AddSingleton<IOrganizationSettingsStore, OrganizationSettingsStore>();
        services.AddSingleton<IInterviewStore, InterviewStore>();
        services.AddSingleton<IScorecardStore, ScorecardStore>();
        services.AddSingleton<InterviewAccess>();
        services.AddSingleton<InterviewAnnouncer>();
        services.AddSingleton<InterviewMail>();
        services.AddSingleton<Core.AsyncScreens.IAsyncScreenStore, AsyncScreens.AsyncScreenStore>();
        services.AddSingleton<Core.AsyncScreens.AsyncScreenLinks>();
        services.AddSingleton<Core.AsyncScreens.AsyncScreenMail>();
        services.AddSingleton<IOutboxStore, OutboxStore>();
        services.AddSingleton<Core.Debriefs.IDecisionStore, Debriefs.DecisionStore>();
        services.AddSingleton<Core.Offers.IOfferStore, Offers.OfferStore>();
        services.AddSingleton<Core.Feedback.IFeedbackReportStore, Feedback.FeedbackReportStore>();
        services.AddSingleton<Core.Onboarding.IOnboardingStore, Onboarding.OnboardingStore>();
        services.AddSingleton<Core.Onboarding.OnboardingPlanner>();
        services.AddSingleton<Core.Feedback.FeedbackAccess>();
        services.AddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<IOutboxSignal, NoOutboxSignal>();
        services.TryAddSingleton(new PublicLinks(PublicLinks.Fallback));
        services.TryAddSingleton(DefaultMail(dataDirectory));
        services.TryAddSingleton<IMailTransport>(s => s.GetRequiredService<MailSettings>() is { SmtpHost: { Length: > 0 } } mail ? new SmtpTransport(mail) : new FileDropTransport(s.GetRequiredService<MailSettings>()));
        services.AddSingleton<KitDocumentCache>();
        services.AddSingleton<KitDraftEditor>();
        services.TryAddSingleton(_ => new BuiltInKitCatalog(BuiltInKitCatalog.DefaultDirectory));
        services.AddSingleton<Core.Practice.PracticeCatalog>();

        AddUseCases(services, typeof(Actor).Assembly);
        return services;
    }

    /// <summary>
    /// Registers every use case of Core: a public sealed class with a public <c>HandleAsync</c>.
    /// They are stateless, so one instance serves all requests.
    /// </summary>
    private static void AddUseCases(IServiceCollection services, Assembly core)
    {
        foreach (var type in core.GetExportedTypes())
        {
            if (type is { IsClass: true, IsSealed: true, IsAbstract: false } && type.GetMethod("HandleAsync", BindingFlags.Public | BindingFlags.Instance) is not null)
            {
                services.TryAddSingleton(type);
            }
        }
    }
}
