using System.Reflection;
using Hirekit.Core.Accounts;
using Hirekit.Core.ApiTokens;
using Hirekit.Core.Audit;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Core.Sessions;
using Hirekit.Core.Candidates;
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
using Hirekit.Data.Kits;
using Hirekit.Data.Migrations;
using Hirekit.Data.Sessions;
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
    /// <c>Hirekit:Database:Provider</c> and <c>ConnectionStrings:Hirekit</c>.
    /// </summary>
    public static DatabaseSettings ReadDatabaseSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return DatabaseSettings.Resolve(configuration["Hirekit:Database:Provider"], configuration.GetConnectionString("Hirekit"), DataDirectory(configuration));
    }

    /// <summary>Where the product keeps files: the SQLite database, outgoing mail, uploads.</summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Hirekit:DataDirectory"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
    }

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
            _ => new SqliteConnectionFactory(settings.ConnectionString),
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
        services.AddSingleton<IApplicationStore, ApplicationStore>();
        services.AddSingleton<CandidateAccess>();
        services.AddSingleton<Core.Applications.ApplicationAccess>();
        services.AddSingleton<KitDocumentCache>();
        services.AddSingleton<KitDraftEditor>();
        services.TryAddSingleton(_ => new BuiltInKitCatalog(BuiltInKitCatalog.DefaultDirectory));

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
