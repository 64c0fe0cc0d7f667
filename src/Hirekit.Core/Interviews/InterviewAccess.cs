using Hirekit.Core.Common;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Interviews;

/// <summary>An interview with its kit version and what the actor may do with it.</summary>
public sealed record InterviewContext(Interview Interview, Kit Kit, bool IsInterviewer, bool CanManage);

/// <summary>
/// Who reaches an interview: its interviewers, and whoever manages the job (admins, recruiters and
/// the job's hiring managers). Everyone else, including interviewers of other interviews of the
/// same job, gets "not found".
/// </summary>
public sealed class InterviewAccess(IInterviewStore interviews, JobAccess jobs, IKitStore kits, KitDocumentCache cache)
{
    public static readonly Error NotFound = Error.NotFound("interview.not_found", "No such interview, or you are not on it.");

    public static readonly Error Changed = Error.Conflict("interview.changed", "Someone changed the interview meanwhile. Reload it and try again.");

    public static readonly Error Cancelled = Error.Conflict("interview.cancelled", "The interview is cancelled; schedule a new one instead.");

    public async Task<Result<InterviewContext>> VisibleAsync(Actor actor, Guid interviewId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var interview = await interviews.FindAsync(actor.OrganizationId, interviewId, ct);
        if (interview is null)
        {
            return NotFound;
        }

        var isInterviewer = interview.Interviewers.Contains(actor.UserId);
        var managed = await jobs.EditableAsync(actor, interview.JobId, ct);
        if (!isInterviewer && !managed.IsSuccess)
        {
            return NotFound;
        }

        var kit = managed.IsSuccess && managed.Value.Job.KitId == interview.KitId && managed.Value.Job.KitVersion == interview.KitVersion
            ? managed.Value.Kit
            : await KitAsync(interview, ct);
        return new InterviewContext(interview, kit, isInterviewer, managed.IsSuccess);
    }

    public async Task<Result<InterviewContext>> ManageableAsync(Actor actor, Guid interviewId, CancellationToken ct)
    {
        var context = await VisibleAsync(actor, interviewId, ct);
        if (!context.IsSuccess)
        {
            return context;
        }

        return context.Value.CanManage ? context : JobAccess.Forbidden;
    }

    /// <summary>
    /// The interview for a reschedule or cancellation: the actor manages the job, it is still
    /// scheduled, and (when the caller says which) still at <paramref name="expectedSequence"/>.
    /// </summary>
    public async Task<Result<Interview>> ChangeableAsync(Actor actor, Guid interviewId, int? expectedSequence, CancellationToken ct)
    {
        var context = await ManageableAsync(actor, interviewId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var interview = context.Value.Interview;
        if (interview.IsCancelled)
        {
            return Cancelled;
        }

        return expectedSequence is { } expected && expected != interview.Sequence ? Changed : interview;
    }

    private async Task<Kit> KitAsync(Interview interview, CancellationToken ct)
    {
        return await cache.VersionAsync(kits, interview.OrganizationId, interview.KitId, interview.KitVersion, ct)
            ?? throw new InvalidOperationException($"Interview {interview.Id} points at a kit version that does not exist.");
    }
}
