using Hirekit.Core.Accounts;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Jobs;
using Hirekit.Core.Mail;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Settings;

namespace Hirekit.Core.Interviews;

/// <summary>Everything a reschedule or cancellation needs to announce itself.</summary>
public sealed class InterviewAnnouncer(IInterviewStore interviews, ICandidateStore candidates, IJobStore jobs, IAccountStore accounts, IOrganizationSettingsStore settings)
{
    public async Task<(Person Organizer, IReadOnlyList<Person> People, Candidate Candidate, string JobTitle, string OrganizationName, OrganizationSettings Settings)> LoadAsync(
        Interview interview, IReadOnlyList<Guid> users, Guid candidateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var people = await interviews.ListPeopleAsync(interview.OrganizationId, [.. users, interview.OrganizerId], ct);
        var candidate = (await candidates.FindAsync(interview.OrganizationId, candidateId, ct))!;
        var job = (await jobs.FindAsync(interview.OrganizationId, interview.JobId, ct))!;
        var organization = (await accounts.FindOrganizationAsync(interview.OrganizationId, ct))!;
        var org = await settings.GetAsync(interview.OrganizationId, ct);
        var organizer = people.FirstOrDefault(p => p.UserId == interview.OrganizerId) ?? new Person(interview.OrganizerId, organization.Name, "no-reply@hirekit.invalid", false);
        return (organizer, people, candidate, job.Title, organization.Name, org);
    }
}

/// <summary>
/// Moves an interview, changes its length, place, link or interviewers. The calendar event keeps
/// its UID and its SEQUENCE grows: current interviewers (and the candidate, if they were told)
/// get an update, interviewers taken off get a cancellation. An interviewer who already submitted
/// a scorecard stays on the interview.
/// </summary>
public sealed class RescheduleInterview(
    IInterviewStore interviews,
    IScorecardStore scorecards,
    IApplicationStore applications,
    InterviewAccess access,
    InterviewAnnouncer announcer,
    InterviewMail mail,
    IOutboxSignal signal,
    TimeProvider time)
{
    /// <param name="Location">Null keeps the place; empty clears it. The same for <paramref name="VideoUrl"/>.</param>
    /// <param name="ExpectedSequence">When given, the change applies only to the interview as it was at that sequence.</param>
    public sealed record Request(
        DateTimeOffset StartsAt,
        int? DurationMinutes,
        IReadOnlyList<Guid>? Interviewers,
        string? Location,
        string? VideoUrl,
        bool? NotifyCandidate,
        bool AllowDoubleBooking,
        int? ExpectedSequence);

    public async Task<Result<ScheduledInterview>> HandleAsync(Actor actor, Guid interviewId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var open = await access.ChangeableAsync(actor, interviewId, request.ExpectedSequence, ct);
        if (!open.IsSuccess)
        {
            return open.Error!;
        }

        var before = open.Value;
        if (before.Plan.StageKind == "async_screen")
        {
            // A written screen's review is no meeting: it has no time to move (ADR 0020).
            return Error.Unprocessable("interview.written_screen", "This is the review of a written screen; it has no meeting time to change.");
        }

        var now = time.GetUtcNow();
        var wanted = (request.Interviewers ?? before.Interviewers).Distinct().ToList();
        var location = request.Location is null ? before.Location : InterviewRules.Blank(request.Location);
        var video = request.VideoUrl is null ? before.VideoUrl : InterviewRules.Blank(request.VideoUrl);
        var duration = request.DurationMinutes ?? before.DurationMinutes;
        var fields = new Dictionary<string, string[]>();
        InterviewRules.CheckSchedule(fields, request.StartsAt, duration, location, video, now);
        var removed = before.Interviewers.Except(wanted).ToList();
        var added = wanted.Except(before.Interviewers).ToList();
        var application = await applications.FindAsync(actor.OrganizationId, before.ApplicationId, ct);
        var (organizer, people, candidate, jobTitle, organizationName, settings) = await announcer.LoadAsync(before, [.. wanted, .. removed], application!.CandidateId, ct);
        var interviewers = InterviewRules.CheckInterviewers(fields, wanted, people.Where(p => p.IsActive || before.Interviewers.Contains(p.UserId)).Select(p => p with { IsActive = true }).ToList());
        if (removed.Count > 0)
        {
            var submitted = (await scorecards.ListForApplicationAsync(actor.OrganizationId, before.ApplicationId, ct))
                .Where(e => e.Card.InterviewId == before.Id && e.Card.IsSubmitted && removed.Contains(e.Card.InterviewerId))
                .Select(e => e.InterviewerName)
                .ToList();
            if (submitted.Count > 0)
            {
                fields["interviewers"] = [.. submitted.Select(n => $"{n} already submitted a scorecard for this interview and stays on it.")];
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation("interview.invalid", "Some details of the interview need attention.", fields);
        }

        var startsAt = request.StartsAt.ToUniversalTime();
        var conflicts = await interviews.FindConflictsAsync(actor.OrganizationId, wanted, startsAt, startsAt.AddMinutes(duration), before.Id, ct);
        if (conflicts.Count > 0 && !request.AllowDoubleBooking)
        {
            return InterviewRules.DoubleBooked(conflicts, people, settings);
        }

        var updated = before with
        {
            StartsAt = startsAt,
            DurationMinutes = duration,
            Location = location,
            VideoUrl = video,
            Interviewers = wanted,
            NotifyCandidate = request.NotifyCandidate ?? before.NotifyCandidate,
            Sequence = before.Sequence + 1,
            UpdatedAt = now,
        };
        var update = new InterviewAnnouncement(updated, ICalendar.Request, MailKinds.InterviewUpdate, organizer, interviewers, candidate.Name, candidate.Email, jobTitle, organizationName, settings.Zone, now);
        var messages = mail.ForInterviewers(update, interviewers).ToList();
        if (updated.NotifyCandidate)
        {
            messages.Add(InterviewMail.ForCandidate(update));
        }

        if (removed.Count > 0)
        {
            var dropped = updated with { Status = InterviewStatuses.Cancelled };
            var cancel = update with { Interview = dropped, Method = ICalendar.Cancel, Kind = MailKinds.InterviewCancel, Interviewers = people.Where(p => removed.Contains(p.UserId)).ToList() };
            messages.AddRange(mail.ForInterviewers(cancel, cancel.Interviewers));
        }

        var cards = added.Select(u => Scorecard.NewDraft(actor.OrganizationId, before.Id, before.ApplicationId, u, now)).ToList();
        var outcome = await interviews.RescheduleAsync(updated, before.Sequence, cards, removed, messages, AuditEntry.For(actor, "interview.rescheduled", "interview", before.Id, now, $"sequence {updated.Sequence}"), ct);
        if (outcome == InterviewWriteOutcome.Stale)
        {
            return InterviewAccess.Changed;
        }

        signal.Notify();
        return new ScheduledInterview(updated, conflicts);
    }
}

/// <summary>Cancels an interview: every invitation it sent is withdrawn (METHOD:CANCEL, SEQUENCE grown). The reason is internal.</summary>
public sealed class CancelInterview(
    IInterviewStore interviews,
    IApplicationStore applications,
    InterviewAccess access,
    InterviewAnnouncer announcer,
    InterviewMail mail,
    IOutboxSignal signal,
    TimeProvider time)
{
    public sealed record Request(string? Reason, int? ExpectedSequence);

    public async Task<Result<Interview>> HandleAsync(Actor actor, Guid interviewId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var open = await access.ChangeableAsync(actor, interviewId, request.ExpectedSequence, ct);
        if (!open.IsSuccess)
        {
            return open.Error!;
        }

        var before = open.Value;

        var reason = InterviewRules.Blank(request.Reason);
        if (reason is { Length: > InterviewRules.MaxCancelReason })
        {
            return Error.Validation("reason", $"A reason has at most {InterviewRules.MaxCancelReason} characters.");
        }

        var now = time.GetUtcNow();
        var cancelled = before with { Status = InterviewStatuses.Cancelled, CancelReason = reason, Sequence = before.Sequence + 1, UpdatedAt = now };
        var application = await applications.FindAsync(actor.OrganizationId, before.ApplicationId, ct);
        var (organizer, people, candidate, jobTitle, organizationName, settings) = await announcer.LoadAsync(before, before.Interviewers, application!.CandidateId, ct);
        var interviewers = people.Where(p => before.Interviewers.Contains(p.UserId)).ToList();
        var announcement = new InterviewAnnouncement(cancelled, ICalendar.Cancel, MailKinds.InterviewCancel, organizer, interviewers, candidate.Name, candidate.Email, jobTitle, organizationName, settings.Zone, now);
        var messages = mail.ForInterviewers(announcement, interviewers).ToList();
        if (before.NotifyCandidate)
        {
            messages.Add(InterviewMail.ForCandidate(announcement));
        }

        var outcome = await interviews.CancelAsync(cancelled, before.Sequence, messages, AuditEntry.For(actor, "interview.cancelled", "interview", before.Id, now), ct);
        if (outcome == InterviewWriteOutcome.Stale)
        {
            return InterviewAccess.Changed;
        }

        signal.Notify();
        return cancelled;
    }
}
