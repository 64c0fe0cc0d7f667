using Hirekit.Core.AsyncScreens;

namespace Hirekit.Web.Hosting;

/// <summary>Queues the candidates' reminders of written screens due soon.</summary>
public sealed class AsyncScreenReminderService(SendAsyncScreenReminders reminders, ILogger<AsyncScreenReminderService> logger) : PeriodicReminderService(logger)
{
    protected override string Subject => "written screen";

    protected override Task<int> QueueDueAsync(CancellationToken ct) => reminders.HandleAsync(ct);
}
