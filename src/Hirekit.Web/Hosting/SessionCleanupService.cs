using Hirekit.Core.Security;
using Hirekit.Core.Sessions;

namespace Hirekit.Web.Hosting;

/// <summary>Deletes expired and idle sessions hourly; expiry itself is enforced on every request regardless.</summary>
public sealed class SessionCleanupService(ISessionStore sessions, TimeProvider time, ILogger<SessionCleanupService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var now = time.GetUtcNow();
                var removed = await sessions.DeleteExpiredAsync(now, now - SecurityPolicy.SessionIdleTimeout, stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} expired sessions", removed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Housekeeping retries next hour; it must never stop the server.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Session cleanup failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
