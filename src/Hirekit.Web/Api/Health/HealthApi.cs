using Hirekit.Data.Connections;
using Hirekit.Data.Migrations;

namespace Hirekit.Web.Api.Health;

/// <summary>Probes for load balancers and orchestrators; anonymous and cheap.</summary>
public static class HealthApi
{
    public sealed record Readiness(string Status, string Database, int PendingMigrations);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithName("Healthz").WithTags("Health").AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", Ready).WithName("Readyz").WithTags("Health").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Ready when the database answers and every migration is applied.</summary>
    public static async Task<IResult> Ready(MigrationRunner migrations, IDbConnectionFactory db, ILoggerFactory loggers, CancellationToken ct)
    {
        try
        {
            var pending = await migrations.PendingAsync(ct);
            var readiness = new Readiness(pending.Count == 0 ? "ready" : "migrations_pending", db.Dialect.Provider.ToString().ToLowerInvariant(), pending.Count);
            return pending.Count == 0 ? TypedResults.Ok(readiness) : TypedResults.Json(readiness, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
#pragma warning disable CA1031 // Any failure to reach the database means "not ready", whatever its type.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            loggers.CreateLogger("Hirekit.Readiness").LogWarning(e, "Readiness check failed");
            return TypedResults.Json(new Readiness("database_unreachable", db.Dialect.Provider.ToString().ToLowerInvariant(), -1), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
