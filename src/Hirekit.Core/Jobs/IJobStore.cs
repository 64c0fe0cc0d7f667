using Hirekit.Core.Audit;

namespace Hirekit.Core.Jobs;

public sealed record TeamAssignment(Guid UserId, string Role);

public enum LoopSaveOutcome
{
    Saved,

    /// <summary>A stage that applications currently sit in would be removed.</summary>
    StageInUse,
}

public interface IJobStore
{
    /// <summary>Creates the job with its loop and team; false when the slug is taken in the organisation.</summary>
    Task<bool> CreateAsync(Job job, IReadOnlyList<LoopStage> loop, IReadOnlyList<TeamAssignment> team, AuditEntry audit, CancellationToken ct);

    Task<Job?> FindAsync(Guid organizationId, Guid jobId, CancellationToken ct);

    Task<bool> SlugExistsAsync(Guid organizationId, string slug, CancellationToken ct);

    /// <summary>
    /// A page of jobs, newest first (keyset on id), with application counts for the page's rows only.
    /// <paramref name="memberId"/> restricts to jobs whose team includes that user (hiring managers
    /// and interviewers); null lists all (admins and recruiters).
    /// </summary>
    Task<IReadOnlyList<JobSummary>> ListAsync(Guid organizationId, Guid? memberId, string? status, Guid? before, int limit, CancellationToken ct);

    Task<bool> IsOnTeamAsync(Guid organizationId, Guid jobId, Guid userId, CancellationToken ct);

    Task UpdateAsync(Job job, AuditEntry audit, CancellationToken ct);

    Task<IReadOnlyList<LoopStage>> GetLoopAsync(Guid organizationId, Guid jobId, CancellationToken ct);

    /// <summary>Replaces the loop (stages keep their ids) and adds stage interviewers to the team, in one transaction.</summary>
    Task<LoopSaveOutcome> SaveLoopAsync(Guid organizationId, Guid jobId, IReadOnlyList<LoopStage> loop, AuditEntry audit, CancellationToken ct);

    Task<IReadOnlyList<JobTeamMember>> GetTeamAsync(Guid organizationId, Guid jobId, CancellationToken ct);

    /// <summary>Replaces the team; stage interviewers stay on it as interviewers.</summary>
    Task SaveTeamAsync(Guid organizationId, Guid jobId, IReadOnlyList<TeamAssignment> team, AuditEntry audit, CancellationToken ct);
}
