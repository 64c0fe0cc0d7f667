namespace Hirekit.Web.Hosting;

/// <summary>
/// Runs a reminder job at start and then every five minutes. A failed round is logged and tried
/// again at the next tick: reminders must never stop the server.
/// </summary>
public abstract class PeriodicReminderService(ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>What the reminders are about, for the log ("scorecard", "written screen").</summary>
    protected abstract string Subject { get; }

    /// <summary>Queues the reminders that are due; returns how many.</summary>
    protected abstract Task<int> QueueDueAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var queued = await QueueDueAsync(stoppingToken);
                if (queued > 0)
                {
                    logger.LogInformation("Queued {Count} {Subject} reminders", queued, Subject);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Reminders are retried at the next tick; they must never stop the server.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "{Subject} reminders failed", Subject);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
