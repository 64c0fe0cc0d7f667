using Hirekit.Core.Kits;
using Hirekit.Data.Connections;
using Hirekit.Data.Migrations;
using Microsoft.Extensions.Options;

namespace Hirekit.Web.Hosting;

/// <summary>Host-level setup: where the app reads its files, logging, the database at start-up, the pipeline.</summary>
public static class HirekitHost
{
    /// <summary>
    /// The content root is the application's own directory (appsettings.json, views), not the
    /// working directory: `dotnet run` keeps the caller's directory so ./data is shared with the CLI.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
    };

    public static WebApplicationBuilder AddHirekitLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole();
        return builder;
    }

    /// <summary>
    /// Logs which engine runs, applies pending migrations (unless disabled) and brings every
    /// organisation's built-in kits up to the shipped content.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Hirekit.Database");
        // Parsing the shipped kits (YAML, a few hundred ms with the JIT) does not need the
        // database, so it runs on the second core while the schema is checked.
        var parsingCatalog = Task.Run(() => app.Services.GetRequiredService<BuiltInKitCatalog>());
        var db = app.Services.GetRequiredService<IDbConnectionFactory>();
        logger.LogInformation("Database engine: {Engine}", db.Describe());
        if (app.Services.GetRequiredService<IOptions<HirekitWebOptions>>().Value.Database.MigrateOnStartup)
        {
            var applied = await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(app.Lifetime.ApplicationStopping);
            logger.LogInformation("Schema is current ({Applied} migrations applied now)", applied.Count);
        }

        var cache = app.Services.GetRequiredService<KitDocumentCache>();
        var projected = await app.Services.GetRequiredService<IKitStore>().BackfillQuestionProjectionsAsync(cache.Get, app.Lifetime.ApplicationStopping);
        if (projected > 0)
        {
            logger.LogInformation("Built the question-bank projection of {Documents} stored kit documents", projected);
        }

        var catalog = await parsingCatalog;
        var installed = await app.Services.GetRequiredService<InstallBuiltInKits>().EverywhereAsync(app.Lifetime.ApplicationStopping);
        logger.LogInformation("Built-in kits: {Kits}; {Installed} kit versions installed now", string.Join(", ", catalog.Kits.Select(k => k.Kit.Info.Slug)), installed);
    }

    public static WebApplication UseHirekitPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<HirekitWebOptions>>().Value.Security.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<RequestMiddleware>();
        app.UseExceptionHandler("/Error");
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static bool IsApi(HttpContext context) =>
        context?.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) == true;
}
