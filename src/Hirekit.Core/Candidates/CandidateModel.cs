namespace Hirekit.Core.Candidates;

public sealed record Candidate(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Email,
    string? Phone,
    IReadOnlyList<string> Links,
    string Source,
    Guid? ResumeFileId,
    string ResumeText,
    DateTimeOffset? ConsentAt,
    Guid? MergedIntoId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// A candidate in a list, with the number of applications (counted for the page's rows only).
/// <see cref="Hit"/> is where a text search placed the row (its next-page position); null in
/// an unsearched list.
/// </summary>
public sealed record CandidateSummary(Guid Id, string Name, string Email, string Source, int Applications, DateTimeOffset CreatedAt, CandidateSearchHit? Hit = null);

/// <summary>
/// A search result's place in the order of ADR 25: tier 1 (every word in the name or e-mail)
/// before tier 2 (elsewhere), newest first within a tier by the full-text key.
/// </summary>
public sealed record CandidateSearchHit(int Tier, long Key);

public static class CandidateSorts
{
    public const string Newest = "newest";
    public const string Name = "name";

    public static readonly IReadOnlyList<string> All = [Newest, Name];
}

/// <summary>A candidate-list query. <see cref="After"/> is the opaque keyset cursor of the previous page.</summary>
public sealed record CandidateQuery(string? Text, Guid? JobId, string? Stage, string? Source, string Sort, string? After, int PageSize);

public sealed record Application(
    Guid Id,
    Guid OrganizationId,
    Guid JobId,
    Guid CandidateId,
    string Stage,
    Guid? StageId,
    string Source,
    Guid? ResumeFileId,
    string? RejectReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An application with the names a person needs to read it.</summary>
public sealed record ApplicationSummary(Application Application, string CandidateName, string JobTitle, string? StageName);

/// <summary>One entry of an application's history: a move, a rejection, a withdrawal, with who and when.</summary>
public sealed record ApplicationEvent(
    Guid Id,
    Guid ApplicationId,
    string Kind,
    string? FromStage,
    Guid? FromStageId,
    string? ToStage,
    Guid? ToStageId,
    string? ReasonCode,
    string? Note,
    Guid? ActorUserId,
    string? ActorName,
    DateTimeOffset OccurredAt);

/// <summary>A card on the pipeline board, with the application's live written screen if one was sent.</summary>
public sealed record PipelineCard(Guid ApplicationId, Guid CandidateId, string CandidateName, DateTimeOffset AppliedAt, DateTimeOffset UpdatedAt, AsyncScreens.AsyncScreenBadge? WrittenScreen = null);

/// <summary>A column of the board: Applied, a loop stage, Offer, Hired, Rejected or Withdrawn.</summary>
/// <param name="StageId">The loop stage for <see cref="PipelineStages.Loop"/> columns.</param>
public sealed record PipelineColumn(string Stage, Guid? StageId, string Name, int Count, IReadOnlyList<PipelineCard> Cards, bool HasMore);

/// <summary>A job with its board's columns, read together (ADR 37).</summary>
public sealed record JobBoard(Jobs.Job Job, IReadOnlyList<PipelineColumn> Columns);

public sealed record ScreenDecision(IReadOnlyDictionary<string, bool> Flags, string Note, Guid DecidedBy, string? DecidedByName, DateTimeOffset DecidedAt);

/// <summary>Why a candidate was rejected, as a stable code (the note explains).</summary>
public static class RejectReasons
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("skills_gap", "Skills do not match the role"),
        ("level_mismatch", "Experience level does not match"),
        ("interview_evidence", "Interview evidence below the bar"),
        ("position_filled", "Position filled"),
        ("candidate_declined", "Candidate declined"),
        ("unresponsive", "Candidate did not respond"),
        ("other", "Other"),
    ];

    public static bool IsValid(string? code) => All.Any(r => r.Code == code);
}
