using Hirekit.Core.AsyncScreens;

namespace Hirekit.Web.Hosting;

/// <summary>Queues the candidates' reminders of written screens due soon, every five minutes.</summary>
public sealed class AsyncScreenReminderService(SendAsyncScreenReminders reminders, ILogger<AsyncScreenReminderService> logger) : BackgroundService
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
                    logger.LogInformation("Queued {Count} written screen reminders", queued);
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
                logger.LogWarning(e, "Written screen reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
