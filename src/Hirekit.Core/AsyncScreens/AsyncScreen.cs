using Hirekit.Core.Audit;
using Hirekit.Core.Interviews;
using Hirekit.Core.Mail;
using Hirekit.Core.Scorecards;

namespace Hirekit.Core.AsyncScreens;

/// <summary>Where a written screen stands. Derived from its times and the clock, never stored.</summary>
public static class AsyncScreenStatuses
{
    /// <summary>Sent; the candidate has not saved anything yet and the deadline is ahead.</summary>
    public const string Sent = "sent";

    /// <summary>The candidate saved a draft; the deadline is ahead.</summary>
    public const string InProgress = "in_progress";

    public const string Submitted = "submitted";

    /// <summary>The deadline passed with a draft started but not submitted.</summary>
    public const string Late = "late";

    /// <summary>The deadline passed and the candidate never wrote anything.</summary>
    public const string Expired = "expired";

    public const string Cancelled = "cancelled";

    public static string Of(DateTimeOffset deadline, DateTimeOffset? startedAt, DateTimeOffset? submittedAt, DateTimeOffset? cancelledAt, DateTimeOffset now) =>
        (cancelledAt, submittedAt) switch
        {
            (not null, _) => Cancelled,
            (_, not null) => Submitted,
            _ when now >= deadline => startedAt is null ? Expired : Late,
            _ => startedAt is null ? Sent : InProgress,
        };
}

/// <summary>
/// A written screen sent to the candidate of one application. The questions (ids of the kit
/// version's questions), the instructions and the stage's focus are copied when it is sent.
/// </summary>
public sealed record AsyncScreen(
    Guid Id,
    Guid OrganizationId,
    Guid ApplicationId,
    Guid JobId,
    Guid StageId,
    string StageName,
    Guid KitId,
    int KitVersion,
    string Title,
    string Instructions,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Focus,
    IReadOnlyList<string> Traits,
    IReadOnlyList<Guid> Reviewers,
    Guid SentBy,
    DateTimeOffset SentAt,
    DateTimeOffset Deadline,
    DateTimeOffset RemindAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? RemindedAt,
    Guid? InterviewId,
    int Revision)
{
    public string StatusAt(DateTimeOffset now) => AsyncScreenStatuses.Of(Deadline, StartedAt, SubmittedAt, CancelledAt, now);

    /// <summary>Open for drafts and the submission: sent, not cancelled, not submitted, before the deadline.</summary>
    public bool IsOpenAt(DateTimeOffset now) => CancelledAt is null && SubmittedAt is null && now < Deadline;
}

/// <summary>The candidate's text for one question.</summary>
public sealed record AsyncScreenAnswer(string QuestionId, string Text);

/// <summary>What a pipeline card or an application page shows of the live screen.</summary>
public sealed record AsyncScreenBadge(Guid ScreenId, DateTimeOffset Deadline, DateTimeOffset? StartedAt, DateTimeOffset? SubmittedAt)
{
    public string StatusAt(DateTimeOffset now) => AsyncScreenStatuses.Of(Deadline, StartedAt, SubmittedAt, null, now);
}

/// <summary>A screen found by its secret link, with what the candidate page shows around it.</summary>
public sealed record AsyncScreenByToken(AsyncScreen Screen, string CandidateName, string JobTitle, string OrganizationName);

/// <summary>A screen that takes the candidate's writing now: the link's screen, the organisation's time zone and the checked answers.</summary>
public sealed record OpenScreen(AsyncScreenByToken Found, TimeZoneInfo Zone, IReadOnlyList<AsyncScreenAnswer> Answers);

/// <summary>A screen whose reminder is due, with the candidate's address.</summary>
public sealed record DueScreenReminder(AsyncScreen Screen, string CandidateName, string CandidateEmail, string JobTitle, string OrganizationName);

public enum AsyncScreenWriteOutcome
{
    Done,

    /// <summary>The screen was submitted, cancelled or passed its deadline meanwhile; nothing was written.</summary>
    Closed,
}

/// <summary>What a submission writes besides the answers: the reviewers' interview, their draft scorecards, their e-mail.</summary>
public sealed record AsyncScreenReview(Interview Interview, IReadOnlyList<Scorecard> Scorecards, IReadOnlyList<OutgoingMail> Mail, AuditEntry Audit);

public interface IAsyncScreenStore
{
    /// <summary>Writes the screen, its first token, the candidate's e-mail and the audit entry; false when the application already has a live screen.</summary>
    Task<bool> CreateAsync(AsyncScreen screen, string tokenHash, OutgoingMail mail, AuditEntry audit, CancellationToken ct);

    Task<AsyncScreen?> FindAsync(Guid organizationId, Guid screenId, CancellationToken ct);

    /// <summary>The application's screen that is not cancelled, if any.</summary>
    Task<AsyncScreen?> FindLiveForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct);

    /// <summary>The screen a secret link opens (looked up by the token's hash), with names for the page.</summary>
    Task<AsyncScreenByToken?> FindByTokenAsync(string tokenHash, CancellationToken ct);

    /// <summary>The screen that became the interview <paramref name="interviewId"/> on submission, if any.</summary>
    Task<AsyncScreen?> FindForInterviewAsync(Guid organizationId, Guid interviewId, CancellationToken ct);

    Task<IReadOnlyList<AsyncScreenAnswer>> ListAnswersAsync(Guid organizationId, Guid screenId, CancellationToken ct);

    /// <summary>Replaces the given answers while the screen is open at <paramref name="now"/>.</summary>
    Task<AsyncScreenWriteOutcome> SaveDraftAsync(AsyncScreen screen, IReadOnlyList<AsyncScreenAnswer> answers, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Writes the answers and marks the screen submitted while it is open at <paramref name="now"/>,
    /// then creates the reviewers' interview and draft scorecards and queues their e-mail, in one
    /// transaction: of two racing submissions exactly one succeeds.
    /// </summary>
    Task<AsyncScreenWriteOutcome> SubmitAsync(AsyncScreen screen, IReadOnlyList<AsyncScreenAnswer> answers, DateTimeOffset now, AsyncScreenReview review, CancellationToken ct);

    Task<AsyncScreenWriteOutcome> CancelAsync(AsyncScreen screen, DateTimeOffset now, AuditEntry audit, CancellationToken ct);

    /// <summary>Open screens whose reminder time has come and that were not reminded yet.</summary>
    Task<IReadOnlyList<DueScreenReminder>> ListDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken ct);

    /// <summary>Marks the screen reminded, stores the reminder's new token and queues the e-mail, unless it was reminded, submitted or cancelled meanwhile; true when it did.</summary>
    Task<bool> RecordReminderAsync(AsyncScreen screen, string tokenHash, OutgoingMail mail, DateTimeOffset now, CancellationToken ct);
}
