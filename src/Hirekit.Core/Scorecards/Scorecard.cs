using Hirekit.Core.Audit;
using Hirekit.Core.Kits;
using Hirekit.Core.Mail;

namespace Hirekit.Core.Scorecards;

/// <summary>The interviewer's overall call, as an ordered scale (architecture convention 13).</summary>
public enum Recommendation
{
    StrongNo = 1,
    No = 2,
    Yes = 3,
    StrongYes = 4,
}

public static class ScorecardStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
}

/// <summary>A focus competency's level, or an explicit statement that the interview gave no evidence for it.</summary>
public sealed record CompetencyRating(string CompetencyId, Level? Level, bool NoEvidence, string Evidence);

/// <summary>What the interviewer observed for one question: positions in the question's positive and negative indicator lists, and notes.</summary>
public sealed record QuestionNotes(string QuestionId, IReadOnlyList<int> Positive, IReadOnlyList<int> Negative, string Notes);

public sealed record ScorecardContent(
    IReadOnlyList<QuestionNotes> Questions,
    IReadOnlyList<CompetencyRating> Ratings,
    IReadOnlyList<string> RedFlags,
    string RedFlagNote,
    Recommendation? Recommendation,
    string Summary)
{
    public static readonly ScorecardContent Empty = new([], [], [], "", null, "");
}

public sealed record Scorecard(
    Guid Id,
    Guid OrganizationId,
    Guid InterviewId,
    Guid ApplicationId,
    Guid InterviewerId,
    string Status,
    ScorecardContent Content,
    int Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt)
{
    public bool IsSubmitted => Status == ScorecardStatuses.Submitted;

    public static Scorecard NewDraft(Guid organizationId, Guid interviewId, Guid applicationId, Guid interviewerId, DateTimeOffset now) =>
        new(Common.Ids.New(), organizationId, interviewId, applicationId, interviewerId, ScorecardStatuses.Draft, ScorecardContent.Empty, 0, now, now, null);
}

/// <summary>A scorecard with what lists show next to it.</summary>
public sealed record ScorecardEntry(Scorecard Card, string InterviewerName, string StageName, string InterviewStatus, DateTimeOffset InterviewStartsAt, DateTimeOffset InterviewEndsAt);

/// <summary>A draft to remind its interviewer about.</summary>
public sealed record DueReminder(Guid ScorecardId, Guid OrganizationId, Guid InterviewId, string InterviewerEmail, string InterviewerName, string CandidateName, string StageName, DateTimeOffset InterviewEndsAt);

public enum ScorecardWriteOutcome
{
    Done,

    /// <summary>The scorecard is already submitted; nothing was written.</summary>
    Submitted,

    /// <summary>The scorecard changed since the revision the caller read; nothing was written.</summary>
    Stale,
}

public interface IScorecardStore
{
    Task<Scorecard?> FindAsync(Guid organizationId, Guid scorecardId, CancellationToken ct);

    Task<Scorecard?> FindForAsync(Guid organizationId, Guid interviewId, Guid interviewerId, CancellationToken ct);

    /// <summary>
    /// Replaces a draft's content and bumps its revision, if it is still a draft and (when given)
    /// still at <paramref name="expectedRevision"/>; with <paramref name="submitAt"/> it is also
    /// submitted in the same transaction.
    /// </summary>
    Task<ScorecardWriteOutcome> SaveAsync(Scorecard card, ScorecardContent content, int? expectedRevision, DateTimeOffset now, DateTimeOffset? submitAt, AuditEntry? audit, CancellationToken ct);

    /// <summary>Every scorecard of the application with its interview and interviewer, content included (a fixed number of queries).</summary>
    Task<IReadOnlyList<ScorecardEntry>> ListForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct);

    /// <summary>The member's drafts of scheduled interviews that started before <paramref name="startedBefore"/>.</summary>
    Task<IReadOnlyList<PendingScorecard>> ListPendingAsync(Guid organizationId, Guid interviewerId, DateTimeOffset startedBefore, int limit, CancellationToken ct);

    /// <summary>Drafts, in any organisation, of scheduled interviews that ended before <paramref name="endedBefore"/> and were not reminded yet.</summary>
    Task<IReadOnlyList<DueReminder>> ListDueRemindersAsync(DateTimeOffset endedBefore, int limit, CancellationToken ct);

    /// <summary>Marks the draft reminded and queues <paramref name="mail"/>, unless it was reminded or submitted meanwhile; true when it did.</summary>
    Task<bool> RecordReminderAsync(DueReminder reminder, OutgoingMail mail, DateTimeOffset now, CancellationToken ct);
}

/// <summary>A scorecard its interviewer still owes.</summary>
public sealed record PendingScorecard(Guid ScorecardId, Guid InterviewId, Guid ApplicationId, string CandidateName, string JobTitle, string StageName, DateTimeOffset InterviewStartsAt, DateTimeOffset InterviewEndsAt);
