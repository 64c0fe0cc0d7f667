using System.Text;
using Hirekit.Core.Common;
using Hirekit.Core.Mail;

namespace Hirekit.Core.Scorecards;

/// <summary>
/// Reminds each interviewer once about a scorecard still unsubmitted a day after its interview
/// ended. Run periodically by the server; safe to run on several instances at once (a draft is
/// marked reminded in the same transaction that queues the e-mail, and only once).
/// </summary>
public sealed class SendScorecardReminders(IScorecardStore scorecards, PublicLinks links, IOutboxSignal signal, TimeProvider time)
{
    public static readonly TimeSpan After = TimeSpan.FromHours(24);
    private const int Batch = 100;

    /// <summary>Queues the reminders that are due; returns how many.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await scorecards.ListDueRemindersAsync(now - After, Batch, ct);
            foreach (var reminder in due)
            {
                if (await scorecards.RecordReminderAsync(reminder, Compose(reminder, now), now, ct))
                {
                    sent++;
                }
            }

            if (due.Count < Batch)
            {
                break;
            }
        }

        if (sent > 0)
        {
            signal.Notify();
        }

        return sent;
    }

    private OutgoingMail Compose(DueReminder r, DateTimeOffset now)
    {
        var body = new StringBuilder()
            .AppendLine($"Hello {r.InterviewerName},")
            .AppendLine()
            .AppendLine($"Your scorecard for the {r.StageName} interview with {r.CandidateName} is still a draft, a day after the interview ended.")
            .AppendLine("Evidence fades quickly; please complete and submit it while you remember the details.")
            .AppendLine()
            .AppendLine($"Open the scorecard: {links.To($"/interviews/{r.InterviewId}/kit")}")
            .ToString();
        return new OutgoingMail(Ids.New(), r.OrganizationId, MailKinds.ScorecardReminder, r.InterviewerEmail, r.InterviewerName, $"Scorecard due: {r.CandidateName}, {r.StageName}", body, null, null, now);
    }
}
