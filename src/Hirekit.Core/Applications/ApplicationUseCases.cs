using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Jobs;

namespace Hirekit.Core.Applications;

/// <summary>An application with what a page or the API shows about it.</summary>
public sealed record ApplicationDetails(ApplicationSummary Summary, Candidate Candidate, JobContext Job, IReadOnlyList<LoopStage> Loop, IReadOnlyList<ApplicationEvent> History, ScreenDecision? Screen);

/// <summary>Visibility follows the job: whoever sees the job sees its applications; whoever may change the job moves them.</summary>
public sealed class ApplicationAccess(IApplicationStore applications, JobAccess jobs)
{
    public static readonly Error NotFound = Error.NotFound("application.not_found", "No such application, or not one of your jobs'.");

    public async Task<Result<(Application Application, JobContext Job)>> VisibleAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var application = await applications.FindAsync(actor.OrganizationId, applicationId, ct);
        if (application is null)
        {
            return NotFound;
        }

        var job = await jobs.VisibleAsync(actor, application.JobId, ct);
        return job.IsSuccess ? (application, job.Value) : NotFound;
    }

    public async Task<Result<(Application Application, JobContext Job)>> EditableAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        var visible = await VisibleAsync(actor, applicationId, ct);
        if (!visible.IsSuccess)
        {
            return visible;
        }

        var editable = await jobs.EditableAsync(actor, visible.Value.Application.JobId, ct);
        return editable.IsSuccess ? visible : editable.Error!;
    }
}

/// <summary>Puts a candidate into a job's pipeline at Applied.</summary>
public sealed class CreateApplication(IApplicationStore applications, ICandidateStore candidates, JobAccess jobs, TimeProvider time)
{
    public sealed record Request(Guid CandidateId, Guid JobId, string? Source);

    public async Task<Result<Application>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var job = await jobs.EditableAsync(actor, request.JobId, ct);
        if (!job.IsSuccess)
        {
            return job.Error!;
        }

        if (job.Value.Job.Status == JobStatuses.Closed)
        {
            return Error.Conflict("job.closed", "The job is closed; reopen it to add candidates.");
        }

        var candidate = await candidates.FindAsync(actor.OrganizationId, request.CandidateId, ct);
        if (candidate is null || candidate.MergedIntoId is not null)
        {
            return CandidateAccess.NotFound;
        }

        var now = time.GetUtcNow();
        var application = new Application(Ids.New(), actor.OrganizationId, request.JobId, candidate.Id, PipelineStages.Applied, null, string.IsNullOrWhiteSpace(request.Source) ? "manual" : request.Source.Trim().ToLowerInvariant(), null, null, now, now);
        if (!await applications.CreateAsync(application, actor.UserId, "Added to the pipeline", AuditEntry.For(actor, "application.created", "application", application.Id, now), ct))
        {
            var existing = await applications.FindForAsync(actor.OrganizationId, request.JobId, candidate.Id, ct);
            return new Error(ErrorKind.Conflict, "application.exists", $"The candidate already applied to this job: {existing?.Id}.", new Dictionary<string, string[]> { ["existingApplicationId"] = [existing?.Id.ToString() ?? ""] });
        }

        return application;
    }
}

public sealed class GetApplication(ApplicationAccess access, IApplicationStore applications, ICandidateStore candidates, IJobStore jobs)
{
    public async Task<Result<ApplicationDetails>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(actor, applicationId, ct);
        if (!visible.IsSuccess)
        {
            return visible.Error!;
        }

        var (application, job) = visible.Value;
        var candidate = (await candidates.FindAsync(actor.OrganizationId, application.CandidateId, ct))!;
        var loop = await jobs.GetLoopAsync(actor.OrganizationId, application.JobId, ct);
        var history = await applications.HistoryAsync(actor.OrganizationId, applicationId, ct);
        var screen = await applications.FindScreenAsync(actor.OrganizationId, applicationId, ct);
        var stageName = application.StageId is { } sid ? loop.FirstOrDefault(s => s.Id == sid)?.Name : null;
        return new ApplicationDetails(new ApplicationSummary(application, candidate.Name, job.Job.Title, stageName), candidate, job, loop, history, screen);
    }
}

/// <summary>
/// Moves an application along its job's pipeline: Applied, any of the job's loop stages, Offer,
/// Hired. Rejection and withdrawal have their own use cases (they need a reason). An ended
/// application (hired, rejected, withdrawn) moves no further; a stage of another job is refused.
/// Every move is recorded with who and when.
/// </summary>
public sealed class MoveApplication(IApplicationStore applications, ApplicationAccess access, IJobStore jobs, TimeProvider time)
{
    public const int MaxNote = 2000;

    /// <param name="OnJob">
    /// When set, the application must be one of this job's: a job's board moves only its own
    /// cards, and another job's application answers as not found.
    /// </param>
    public sealed record Request(string Stage, Guid? StageId, string? Note, Guid? OnJob = null);

    public async Task<Result<Application>> HandleAsync(Actor actor, Guid applicationId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var editable = await access.EditableAsync(actor, applicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!;
        }

        var application = editable.Value.Application;
        if (request.OnJob is { } onJob && application.JobId != onJob)
        {
            return ApplicationAccess.NotFound;
        }

        if (request.Stage is PipelineStages.Rejected or PipelineStages.Withdrawn)
        {
            return Error.Unprocessable("pipeline.use_reject_or_withdraw", "Reject or withdraw the application with a reason instead of moving it there.");
        }

        if (!PipelineStages.All.Contains(request.Stage))
        {
            return Error.Validation("stage", $"Stage must be one of {string.Join(", ", PipelineStages.All)}.");
        }

        if (request.Note is { Length: > MaxNote })
        {
            return Error.Validation("note", $"A note has at most {MaxNote} characters.");
        }

        if (request.Stage == PipelineStages.Loop)
        {
            var loop = await jobs.GetLoopAsync(actor!.OrganizationId, application.JobId, ct);
            if (request.StageId is not { } stageId || loop.All(s => s.Id != stageId))
            {
                return Error.Unprocessable("pipeline.stage_not_in_job", "That stage is not part of this job's loop.", new Dictionary<string, string[]> { ["stageId"] = ["Choose one of the job's loop stages."] });
            }
        }
        else if (request.StageId is not null)
        {
            return Error.Validation("stageId", "Only loop stages take a stage id.");
        }

        return await Moves.ApplyAsync(applications, actor!, application, request.Stage, request.StageId, null, "moved", request.Note, time, ct);
    }
}

/// <summary>Rejects an application with a reason code and a note (the note is internal, never sent to the candidate).</summary>
public sealed class RejectApplication(IApplicationStore applications, ApplicationAccess access, TimeProvider time)
{
    public sealed record Request(string ReasonCode, string? Note);

    public async Task<Result<Application>> HandleAsync(Actor actor, Guid applicationId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var editable = await access.EditableAsync(actor, applicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!;
        }

        if (!RejectReasons.IsValid(request.ReasonCode))
        {
            return Error.Validation("reasonCode", $"Choose a reason: {string.Join(", ", RejectReasons.All.Select(r => r.Code))}.");
        }

        if (request.Note is { Length: > MoveApplication.MaxNote })
        {
            return Error.Validation("note", $"A note has at most {MoveApplication.MaxNote} characters.");
        }

        return await Moves.ApplyAsync(applications, actor, editable.Value.Application, PipelineStages.Rejected, null, request.ReasonCode, "rejected", request.Note, time, ct);
    }
}

/// <summary>Records that the candidate withdrew.</summary>
public sealed class WithdrawApplication(IApplicationStore applications, ApplicationAccess access, TimeProvider time)
{
    public async Task<Result<Application>> HandleAsync(Actor actor, Guid applicationId, string? note, CancellationToken ct)
    {
        var editable = await access.EditableAsync(actor, applicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!;
        }

        if (note is { Length: > MoveApplication.MaxNote })
        {
            return Error.Validation("note", $"A note has at most {MoveApplication.MaxNote} characters.");
        }

        return await Moves.ApplyAsync(applications, actor, editable.Value.Application, PipelineStages.Withdrawn, null, null, "withdrawn", note, time, ct);
    }
}

internal static class Moves
{
    public static async Task<Result<Application>> ApplyAsync(IApplicationStore applications, Actor actor, Application application, string stage, Guid? stageId, string? reason, string kind, string? note, TimeProvider time, CancellationToken ct)
    {
        if (PipelineStages.IsFinal(application.Stage))
        {
            return Error.Conflict("application.closed", $"The application is {application.Stage}; it cannot move any more.");
        }

        if (application.Stage == stage && application.StageId == stageId)
        {
            return application;
        }

        var now = time.GetUtcNow();
        var @event = new ApplicationEvent(Ids.New(), application.Id, kind, application.Stage, application.StageId, stage, stageId, reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), actor.UserId, null, now);
        var audit = AuditEntry.For(actor, $"application.{kind}", "application", application.Id, now, stageId is { } s ? $"{application.Stage} -> {stage} {s}" : $"{application.Stage} -> {stage}");
        var outcome = await applications.MoveAsync(application, stage, stageId, reason, @event, audit, ct);
        return outcome == MoveOutcome.Moved
            ? application with { Stage = stage, StageId = stageId, RejectReason = reason, UpdatedAt = now }
            : Error.Conflict("application.moved_meanwhile", "Someone moved this application meanwhile. Reload and try again.");
    }
}
