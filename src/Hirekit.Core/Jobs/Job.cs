using Hirekit.Core.Kits;

namespace Hirekit.Core.Jobs;

public static class JobStatuses
{
    /// <summary>Being prepared; not on the careers page.</summary>
    public const string Draft = "draft";

    /// <summary>On the careers page, accepting applications.</summary>
    public const string Open = "open";

    /// <summary>Off the careers page for now; the pipeline goes on.</summary>
    public const string Paused = "paused";

    /// <summary>Finished; off the careers page for good.</summary>
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Draft, Open, Paused, Closed];
}

/// <summary>schema.org employment types, as the JobPosting markup expects them.</summary>
public static class EmploymentTypes
{
    public static readonly IReadOnlyList<string> All = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN"];
}

/// <summary>The structured job description: the parts a precise backend job ad needs.</summary>
/// <param name="StackPrimary">The main language, framework and store, e.g. "Go 1.23, PostgreSQL 16".</param>
/// <param name="StackDetails">Everything else the team uses, with what it is for.</param>
/// <param name="Scale">Figures: requests per day, data volumes, latency targets.</param>
/// <param name="Challenge">The main problem of the next 12 months.</param>
/// <param name="SuccessCriteria">What good looks like after 6 months.</param>
public sealed record JobDescription(
    string About,
    string StackPrimary,
    string StackDetails,
    string Scale,
    string Challenge,
    string SuccessCriteria,
    string Team,
    PayRange? Pay)
{
    public static JobDescription Empty { get; } = new("", "", "", "", "", "", "", null);
}

/// <summary>Yearly base pay in whole units of <see cref="Currency"/> (ISO 4217).</summary>
public sealed record PayRange(int Min, int Max, string Currency);

public sealed record JobLocation(string Name, string? Code, bool Remote);

public sealed record Job(
    Guid Id,
    Guid OrganizationId,
    string Slug,
    string Title,
    string Status,
    Guid KitId,
    Guid KitVersionId,
    int KitVersion,
    Level TargetLevel,
    string? Specialisation,
    string? LoopTemplate,
    IReadOnlyDictionary<string, string> Intake,
    IReadOnlyDictionary<string, int> Weights,
    JobLocation Location,
    string EmploymentType,
    string? CompensationRegion,
    JobDescription Description,
    DateOnly? ValidThrough,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public static class JobTeamRoles
{
    public const string HiringManager = "hiring_manager";
    public const string Recruiter = "recruiter";
    public const string Interviewer = "interviewer";

    public static readonly IReadOnlyList<string> All = [HiringManager, Recruiter, Interviewer];
}

public sealed record JobTeamMember(Guid UserId, string DisplayName, string Email, string Role);

/// <summary>One stage of a job's interview loop. Questions are question ids of the job's kit version.</summary>
public sealed record LoopStage(
    Guid Id,
    string Kind,
    string Name,
    int DurationMinutes,
    IReadOnlyList<string> Focus,
    IReadOnlyList<string> Traits,
    IReadOnlyList<string> Questions,
    string? Exercise,
    bool WrittenScreen,
    IReadOnlyList<Guid> Interviewers);

/// <summary>A loop stage as a pipeline column shows it: the board needs no questions, focus or panel.</summary>
public sealed record LoopStageName(Guid Id, string Name);

/// <summary>A job as lists show it.</summary>
public sealed record JobSummary(Guid Id, string Slug, string Title, string Status, Level TargetLevel, string Location, int Applications, DateTimeOffset UpdatedAt);
