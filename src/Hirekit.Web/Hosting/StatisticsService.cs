using Hirekit.Data.Connections;

namespace Hirekit.Web.Hosting;

/// <summary>
/// Keeps the query planner's statistics fresh on engines that do not do it themselves (SQLite;
/// ADR 21): once shortly after start, then every six hours. It runs beside the server, never
/// before /readyz, and a failure is logged and retried at the next tick.
/// </summary>
public sealed class StatisticsService(IDbConnectionFactory db, ILogger<StatisticsService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.Dialect.RefreshStatisticsSql is not { } sql)
        {
            return;
        }

        await Task.Yield(); // off the start-up path: the server is ready before the first refresh
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var connection = await db.OpenAsync(stoppingToken);
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Statistics are an optimisation; a failure must never stop the server.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Refreshing the query planner's statistics failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
