using Hirekit.Core.Applications;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;
using Hirekit.Core.Mail;
using Hirekit.Core.Security;
using Hirekit.Core.Settings;

namespace Hirekit.Core.AsyncScreens;

/// <summary>A screen as staff see it: the answers only once submitted (drafts stay the candidate's).</summary>
public sealed record AsyncScreenDetails(AsyncScreen Screen, string Status, IReadOnlyList<Question> Questions, IReadOnlyList<AsyncScreenAnswer>? Answers);

/// <summary>A written screen, for whoever sees its application.</summary>
public sealed class GetAsyncScreen(IAsyncScreenStore screens, ApplicationAccess applications, AsyncScreenLinks links, TimeProvider time)
{
    public static readonly Error NotFound = Error.NotFound("async_screen.not_found", "No such written screen, or not one of your jobs'.");

    public async Task<Result<AsyncScreenDetails>> HandleAsync(Actor actor, Guid screenId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var screen = await screens.FindAsync(actor.OrganizationId, screenId, ct);
        if (screen is null || !(await applications.VisibleAsync(actor, screen.ApplicationId, ct)).IsSuccess)
        {
            return NotFound;
        }

        return await DetailsAsync(screen, ct);
    }

    /// <summary>The application's live screen, if any.</summary>
    public async Task<Result<AsyncScreenDetails?>> ForApplicationAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        var visible = await applications.VisibleAsync(actor, applicationId, ct);
        if (!visible.IsSuccess)
        {
            return visible.Error!;
        }

        var screen = await screens.FindLiveForApplicationAsync(actor.OrganizationId, applicationId, ct);
        return screen is null ? Result<AsyncScreenDetails?>.Success(null) : await DetailsAsync(screen, ct);
    }

    private async Task<AsyncScreenDetails> DetailsAsync(AsyncScreen screen, CancellationToken ct)
    {
        var kit = await links.KitAsync(screen, ct);
        var answers = screen.SubmittedAt is null ? null : await screens.ListAnswersAsync(screen.OrganizationId, screen.Id, ct);
        return new AsyncScreenDetails(screen, screen.StatusAt(time.GetUtcNow()), screen.Questions.Select(kit.FindQuestion).OfType<Question>().ToList(), answers);
    }
}

/// <summary>The candidate's submitted answers next to the reviewers' scorecard: for whoever may open the interview.</summary>
public sealed class GetAsyncScreenAnswers(IAsyncScreenStore screens, InterviewAccess access)
{
    public async Task<Result<IReadOnlyDictionary<string, string>>> HandleAsync(Actor actor, Guid interviewId, CancellationToken ct)
    {
        var context = await access.VisibleAsync(actor, interviewId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var screen = await screens.FindForInterviewAsync(actor.OrganizationId, interviewId, ct);
        if (screen?.SubmittedAt is null)
        {
            return Result<IReadOnlyDictionary<string, string>>.Success(new Dictionary<string, string>());
        }

        var answers = await screens.ListAnswersAsync(actor.OrganizationId, screen.Id, ct);
        return Result<IReadOnlyDictionary<string, string>>.Success(answers.ToDictionary(a => a.QuestionId, a => a.Text, StringComparer.Ordinal));
    }
}

/// <summary>Withdraws a screen that was not submitted: its links stop working (404) and another may be sent.</summary>
public sealed class CancelAsyncScreen(IAsyncScreenStore screens, ApplicationAccess applications, TimeProvider time)
{
    public async Task<Result<AsyncScreen>> HandleAsync(Actor actor, Guid screenId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var screen = await screens.FindAsync(actor.OrganizationId, screenId, ct);
        if (screen is null || !(await applications.VisibleAsync(actor, screen.ApplicationId, ct)).IsSuccess)
        {
            return GetAsyncScreen.NotFound;
        }

        if (!actor.SeesAllOfOrganization)
        {
            return Error.Forbidden("async_screen.forbidden", "Only recruiters and admins cancel written screens.");
        }

        if (screen.CancelledAt is not null)
        {
            return Error.Conflict("async_screen.cancelled", "The written screen is already cancelled.");
        }

        if (screen.SubmittedAt is not null)
        {
            return Error.Conflict("async_screen.submitted", "The candidate already submitted; a submitted screen stays on record.");
        }

        var now = time.GetUtcNow();
        return await screens.CancelAsync(screen, now, AuditEntry.For(actor, "async_screen.cancelled", "async_screen", screen.Id, now), ct) == AsyncScreenWriteOutcome.Done
            ? screen with { CancelledAt = now }
            : Error.Conflict("async_screen.submitted", "The candidate submitted meanwhile; a submitted screen stays on record.");
    }
}

/// <summary>
/// Reminds each candidate once, a day before the deadline (or halfway for short deadlines), when
/// the screen is not yet submitted. The reminder carries a fresh secret link, since the first one
/// exists only as a hash. Run periodically by the server; safe on several instances at once.
/// </summary>
public sealed class SendAsyncScreenReminders(IAsyncScreenStore screens, IOrganizationSettingsStore settings, AsyncScreenMail mail, IOutboxSignal signal, TimeProvider time)
{
    private const int Batch = 100;

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await screens.ListDueRemindersAsync(now, Batch, ct);
            foreach (var reminder in due)
            {
                var zone = (await settings.GetAsync(reminder.Screen.OrganizationId, ct)).Zone;
                var token = SecretToken.Create("s_");
                if (await screens.RecordReminderAsync(reminder.Screen, SecretToken.Hash(token), mail.Reminder(reminder, token, zone, now), now, ct))
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
}
