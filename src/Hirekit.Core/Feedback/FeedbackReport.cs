using Hirekit.Core.Audit;
using Hirekit.Core.Mail;

namespace Hirekit.Core.Feedback;

public static class FeedbackReportStatuses
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Sent = "sent";
    public const string Revoked = "revoked";
}

public static class FeedbackKinds
{
    public const string Strength = "strength";
    public const string Growth = "growth";
}

/// <summary>
/// One competency in the candidate's report: a strength or a growth area, what came through in
/// the interviews (kit wording of positive indicators observed), and how to grow (the next
/// level's descriptor and the competency's study topics).
/// </summary>
public sealed record FeedbackSection(string CompetencyId, string Title, string Kind, string Summary, IReadOnlyList<string> Observed, string NextStep, IReadOnlyList<string> Topics);

/// <summary>
/// What the candidate reads. It is its own projection (architecture convention 15): built from
/// levels and kit text only, so it never carries interviewer names, notes, red flags or the text
/// of negative indicators.
/// </summary>
public sealed record FeedbackContent(string Intro, IReadOnlyList<FeedbackSection> Sections, string Closing);

public sealed record FeedbackReport(
    Guid Id,
    Guid OrganizationId,
    Guid ApplicationId,
    string Status,
    FeedbackContent Content,
    bool Edited,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? ViewedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>The candidate's link works: sent, not revoked, not expired.</summary>
    public bool IsLive(DateTimeOffset now) => Status == FeedbackReportStatuses.Sent && ExpiresAt is { } e && e > now;
}

/// <summary>A report as the candidate sees it, with the names it needs.</summary>
public sealed record PublishedReport(FeedbackReport Report, string CandidateName, string JobTitle, string OrganizationName);

/// <summary>One application of a job and where its feedback stands, for the bulk list.</summary>
public sealed record FeedbackListItem(Guid ApplicationId, string CandidateName, string Stage, bool Eligible, Guid? ReportId, string? Status, DateTimeOffset? SentAt, DateTimeOffset? ViewedAt);

public interface IFeedbackReportStore
{
    Task<FeedbackReport?> FindAsync(Guid organizationId, Guid reportId, CancellationToken ct);

    Task<FeedbackReport?> FindForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct);

    /// <summary>Writes a new draft with its audit entry; false when the application already has a report.</summary>
    Task<bool> CreateAsync(FeedbackReport report, AuditEntry audit, CancellationToken ct);

    /// <summary>Replaces the content of a report that is still a draft; false when it is not (nothing written).</summary>
    Task<bool> UpdateDraftAsync(FeedbackReport report, AuditEntry audit, CancellationToken ct);

    /// <summary>
    /// Writes a status change guarded by the status it was read at, storing <paramref name="tokenHash"/>
    /// as the link's hash (null clears it) and queuing <paramref name="mail"/>, in one transaction;
    /// false when the report changed meanwhile.
    /// </summary>
    Task<bool> ChangeAsync(FeedbackReport updated, string expectedStatus, string? tokenHash, OutgoingMail? mail, AuditEntry audit, CancellationToken ct);

    /// <summary>The report a candidate link points at (by the token's hash), with names; null when there is none.</summary>
    Task<PublishedReport?> FindPublishedAsync(string tokenHash, CancellationToken ct);

    /// <summary>Records the first time the candidate opened the report; later views change nothing.</summary>
    Task MarkViewedAsync(Guid reportId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// The job's applications that have a report or a submitted scorecard, with their report state,
    /// by candidate name, at most <paramref name="limit"/> (one query).
    /// </summary>
    Task<IReadOnlyList<FeedbackListItem>> ListForJobAsync(Guid organizationId, Guid jobId, int limit, CancellationToken ct);

    /// <summary>Applications of the job whose process ended after a submitted scorecard and that have no report, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Guid>> DueForJobAsync(Guid organizationId, Guid jobId, int limit, CancellationToken ct);
}
