using Hirekit.Core.Accounts;
using Hirekit.Core.Applications;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Jobs;
using Hirekit.Core.Mail;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Settings;

namespace Hirekit.Core.Interviews;

/// <summary>What a schedule change produced, with any double bookings it knowingly kept.</summary>
public sealed record ScheduledInterview(Interview Interview, IReadOnlyList<InterviewConflict> DoubleBookings);

/// <summary>
/// Schedules an interview for one of the job's loop stages. The stage's focus, traits and
/// questions are copied into the interview; each interviewer gets an empty draft scorecard and an
/// invitation, and the candidate one too unless told otherwise. An interviewer who already has an
/// interview at that time makes this answer 409 <c>interview.double_booked</c>, unless the caller
/// chose to keep the double booking (then it is reported in the answer).
/// </summary>
public sealed class ScheduleInterview(
    IInterviewStore interviews,
    ApplicationAccess applications,
    IJobStore jobs,
    ICandidateStore candidates,
    IAccountStore accounts,
    IOrganizationSettingsStore settings,
    InterviewMail mail,
    IOutboxSignal signal,
    TimeProvider time)
{
    /// <param name="Interviewers">Null: the stage's default interviewers.</param>
    /// <param name="DurationMinutes">Null: the stage's duration.</param>
    public sealed record Request(
        Guid ApplicationId,
        Guid StageId,
        DateTimeOffset StartsAt,
        int? DurationMinutes,
        IReadOnlyList<Guid>? Interviewers,
        string? Location,
        string? VideoUrl,
        bool NotifyCandidate,
        bool AllowDoubleBooking);

    public async Task<Result<ScheduledInterview>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var editable = await applications.EditableAsync(actor, request.ApplicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!;
        }

        var (application, job) = editable.Value;
        if (PipelineStages.IsFinal(application.Stage))
        {
            return Error.Conflict("application.ended", "The application has ended; interviews are scheduled for active applications only.");
        }

        var stage = (await jobs.GetLoopAsync(actor.OrganizationId, application.JobId, ct)).FirstOrDefault(s => s.Id == request.StageId);
        if (stage is null)
        {
            return Error.Unprocessable("interview.stage_not_in_job", "That stage is not part of this job's loop.", new Dictionary<string, string[]> { ["stageId"] = ["Choose one of the job's loop stages."] });
        }

        var now = time.GetUtcNow();
        var wanted = (request.Interviewers ?? stage.Interviewers).Distinct().ToList();
        var people = await interviews.ListPeopleAsync(actor.OrganizationId, [.. wanted, actor.UserId], ct);
        var fields = new Dictionary<string, string[]>();
        var location = InterviewRules.Blank(request.Location);
        var video = InterviewRules.Blank(request.VideoUrl);
        var duration = request.DurationMinutes ?? stage.DurationMinutes;
        InterviewRules.CheckSchedule(fields, request.StartsAt, duration, location, video, now);
        var interviewers = InterviewRules.CheckInterviewers(fields, wanted, people);
        if (fields.Count > 0)
        {
            return Error.Validation("interview.invalid", "Some details of the interview need attention.", fields);
        }

        var org = await settings.GetAsync(actor.OrganizationId, ct);
        var startsAt = request.StartsAt.ToUniversalTime();
        var conflicts = await interviews.FindConflictsAsync(actor.OrganizationId, wanted, startsAt, startsAt.AddMinutes(duration), null, ct);
        if (conflicts.Count > 0 && !request.AllowDoubleBooking)
        {
            return InterviewRules.DoubleBooked(conflicts, people, org);
        }

        var candidate = (await candidates.FindAsync(actor.OrganizationId, application.CandidateId, ct))!;
        var organization = (await accounts.FindOrganizationAsync(actor.OrganizationId, ct))!;
        var interview = new Interview(
            Ids.New(), actor.OrganizationId, application.Id, application.JobId, stage.Id, job.Job.KitId, job.Job.KitVersion,
            new InterviewPlan(stage.Kind, stage.Name, stage.Focus, stage.Traits, stage.Questions),
            startsAt, duration, location, video, InterviewStatuses.Scheduled, 0, request.NotifyCandidate, actor.UserId, null, wanted, now, now);
        var announcement = new InterviewAnnouncement(
            interview, ICalendar.Request, MailKinds.InterviewInvite, people.First(p => p.UserId == actor.UserId), interviewers,
            candidate.Name, candidate.Email, job.Job.Title, organization.Name, org.Zone, now);
        var messages = mail.ForInterviewers(announcement, interviewers).ToList();
        if (request.NotifyCandidate)
        {
            messages.Add(InterviewMail.ForCandidate(announcement));
        }

        var scorecards = wanted.Select(u => Scorecard.NewDraft(actor.OrganizationId, interview.Id, application.Id, u, now)).ToList();
        await interviews.ScheduleAsync(interview, scorecards, messages, AuditEntry.For(actor, "interview.scheduled", "interview", interview.Id, now, $"{stage.Kind}, {wanted.Count} interviewers"), ct);
        signal.Notify();
        return new ScheduledInterview(interview, conflicts);
    }
}
