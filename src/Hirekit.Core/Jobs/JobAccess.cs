using Hirekit.Core.Accounts;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Jobs;

/// <summary>A job with the kit version it was built from.</summary>
public sealed record JobContext(Job Job, Kit Kit);

/// <summary>
/// Who sees and changes jobs. Admins and recruiters see every job; hiring managers and
/// interviewers only the jobs whose team they are on, and anything else is "not found" (not
/// "forbidden", which would confirm it exists). Admins, recruiters and the job's hiring managers
/// change a job; interviewers never do.
/// </summary>
public sealed class JobAccess(IJobStore jobs, IKitStore kits, KitDocumentCache cache)
{
    public static readonly Error NotFound = Error.NotFound("job.not_found", "No such job, or it is not one of yours.");

    public static readonly Error Forbidden = Error.Forbidden("job.forbidden", "Only admins, recruiters and the job's hiring managers change a job.");

    public static bool CanCreate(Actor actor) => actor is { Role: Role.Admin or Role.Recruiter or Role.HiringManager };

    public async Task<Result<JobContext>> VisibleAsync(Actor actor, Guid jobId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var job = await jobs.FindAsync(actor.OrganizationId, jobId, ct);
        if (job is null || (!actor.SeesAllOfOrganization && !await jobs.IsOnTeamAsync(actor.OrganizationId, jobId, actor.UserId, ct)))
        {
            return NotFound;
        }

        return new JobContext(job, await KitOfAsync(job, ct));
    }

    public async Task<Result<JobContext>> EditableAsync(Actor actor, Guid jobId, CancellationToken ct)
    {
        var visible = await VisibleAsync(actor, jobId, ct);
        if (!visible.IsSuccess)
        {
            return visible;
        }

        return actor.Role is Role.Admin or Role.Recruiter or Role.HiringManager ? visible : Forbidden;
    }

    public async Task<Kit> KitOfAsync(Job job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        return await cache.VersionAsync(kits, job.OrganizationId, job.KitId, job.KitVersion, ct)
            ?? throw new InvalidOperationException($"Job {job.Id} points at a kit version that does not exist.");
    }
}
