using Hirekit.Core.Scorecards;

namespace Hirekit.Web.Hosting;

/// <summary>Queues reminders for scorecards left unsubmitted a day after their interview, every five minutes.</summary>
public sealed class ScorecardReminderService(SendScorecardReminders reminders, ILogger<ScorecardReminderService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var queued = await reminders.HandleAsync(stoppingToken);
                if (queued > 0)
                {
                    logger.LogInformation("Queued {Count} scorecard reminders", queued);
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
                logger.LogWarning(e, "Scorecard reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
