using Hirekit.Core.Audit;
using Hirekit.Core.Mail;
using Hirekit.Core.Scorecards;

namespace Hirekit.Core.Interviews;

public static class InterviewStatuses
{
    public const string Scheduled = "scheduled";
    public const string Cancelled = "cancelled";
}

/// <summary>What the loop stage asked of the interview when it was scheduled; later loop edits leave it as it was.</summary>
public sealed record InterviewPlan(string StageKind, string StageName, IReadOnlyList<string> Focus, IReadOnlyList<string> Traits, IReadOnlyList<string> Questions);

public sealed record Interview(
    Guid Id,
    Guid OrganizationId,
    Guid ApplicationId,
    Guid JobId,
    Guid StageId,
    Guid KitId,
    int KitVersion,
    InterviewPlan Plan,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    string? Location,
    string? VideoUrl,
    string Status,
    int Sequence,
    bool NotifyCandidate,
    Guid OrganizerId,
    string? CancelReason,
    IReadOnlyList<Guid> Interviewers,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public bool IsCancelled => Status == InterviewStatuses.Cancelled;

    /// <summary>The calendar UID: the same for every version of this interview's invitation.</summary>
    public string CalendarUid => $"interview-{Id:N}@hirekit";
}

/// <summary>A member as invitations and lists show them.</summary>
public sealed record Person(Guid UserId, string Name, string Email, bool IsActive);

/// <summary>An interview with the names lists show next to it.</summary>
public sealed record InterviewSummary(Interview Interview, string CandidateName, string JobTitle);

/// <summary>Another interview an interviewer already has at an overlapping time.</summary>
public sealed record InterviewConflict(Guid UserId, Guid InterviewId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public enum InterviewWriteOutcome
{
    Done,

    /// <summary>The interview changed (or was cancelled) since it was read; nothing was written.</summary>
    Stale,
}

public interface IInterviewStore
{
    /// <summary>
    /// Writes the interview, its interviewers, an empty draft scorecard per interviewer, the
    /// interviewers' places on the job team, a use of each planned question, the invitations and
    /// the audit entry, in one transaction.
    /// </summary>
    Task ScheduleAsync(Interview interview, IReadOnlyList<Scorecard> scorecards, IReadOnlyList<OutgoingMail> mail, AuditEntry audit, CancellationToken ct);

    Task<Interview?> FindAsync(Guid organizationId, Guid interviewId, CancellationToken ct);

    /// <summary>Scheduled interviews of <paramref name="userIds"/> overlapping [start, end), other than <paramref name="exceptInterviewId"/>.</summary>
    Task<IReadOnlyList<InterviewConflict>> FindConflictsAsync(Guid organizationId, IReadOnlyList<Guid> userIds, DateTimeOffset start, DateTimeOffset end, Guid? exceptInterviewId, CancellationToken ct);

    /// <summary>
    /// Replaces the schedule when the stored interview is still at <paramref name="expectedSequence"/>
    /// and scheduled: adds draft scorecards for new interviewers and removes the drafts of those who
    /// left (submitted scorecards are never removed; the use case refuses that change).
    /// </summary>
    Task<InterviewWriteOutcome> RescheduleAsync(Interview updated, int expectedSequence, IReadOnlyList<Scorecard> added, IReadOnlyList<Guid> removed, IReadOnlyList<OutgoingMail> mail, AuditEntry audit, CancellationToken ct);

    Task<InterviewWriteOutcome> CancelAsync(Interview cancelled, int expectedSequence, IReadOnlyList<OutgoingMail> mail, AuditEntry audit, CancellationToken ct);

    /// <summary>Members by id with their e-mail, for invitations (one query).</summary>
    Task<IReadOnlyList<Person>> ListPeopleAsync(Guid organizationId, IReadOnlyList<Guid> userIds, CancellationToken ct);

    Task<IReadOnlyList<InterviewSummary>> ListForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct);

    /// <summary>
    /// A candidate's scheduled interviews ending after <paramref name="from"/>; with
    /// <paramref name="teamMember"/>, only those the member may open (they interview, or they are a
    /// hiring manager of the job).
    /// </summary>
    Task<IReadOnlyList<InterviewSummary>> ListForCandidateAsync(Guid organizationId, Guid candidateId, DateTimeOffset from, int limit, Guid? teamMember, CancellationToken ct);

    /// <summary>A member's scheduled interviews ending after <paramref name="from"/>, soonest first.</summary>
    Task<IReadOnlyList<InterviewSummary>> ListUpcomingForUserAsync(Guid organizationId, Guid userId, DateTimeOffset from, int limit, CancellationToken ct);
}
