using Hirekit.Core.Scorecards;

namespace Hirekit.Web.Hosting;

/// <summary>Queues reminders for scorecards left unsubmitted a day after their interview.</summary>
public sealed class ScorecardReminderService(SendScorecardReminders reminders, ILogger<ScorecardReminderService> logger) : PeriodicReminderService(logger)
{
    protected override string Subject => "scorecard";

    protected override Task<int> QueueDueAsync(CancellationToken ct) => reminders.HandleAsync(ct);
}
