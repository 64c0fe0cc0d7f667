using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using Hirekit.Core.Interviews;
using Hirekit.Core.Scorecards;
using Hirekit.Web.Api.Scorecards;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Interviews;

/// <summary>
/// Interviews: scheduling, the calendar invitation and the interviewer kit. Admins, recruiters
/// and the job's hiring managers schedule; an interview is readable by its interviewers and by
/// whoever manages the job (others get 404).
/// </summary>
public static class InterviewsApi
{
    public sealed record PersonView(Guid UserId, string Name);

    public sealed record InterviewView(
        Guid Id, Guid ApplicationId, Guid JobId, string JobTitle, Guid CandidateId, string CandidateName, Guid StageId, string StageName, string StageKind,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes, string? Location, string? VideoUrl, string Status, int Sequence,
        bool NotifyCandidate, string? CancelReason, PersonView Organizer, IReadOnlyList<PersonView> Interviewers,
        IReadOnlyList<string> Focus, IReadOnlyList<string> Traits, IReadOnlyList<string> Questions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record ConflictView(Guid UserId, Guid InterviewId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    public sealed record ScheduledView(InterviewView Interview, IReadOnlyList<ConflictView> DoubleBookings);

    public sealed record ScheduleRequest(
        [property: Required] Guid? ApplicationId,
        [property: Required] Guid? StageId,
        [property: Required] DateTimeOffset? StartsAt,
        int? DurationMinutes,
        List<Guid>? Interviewers,
        [property: StringLength(InterviewRules.MaxLocation)] string? Location,
        [property: StringLength(InterviewRules.MaxVideoUrl)] string? VideoUrl,
        bool? NotifyCandidate,
        bool? AllowDoubleBooking);

    public sealed record RescheduleRequest(
        [property: Required] DateTimeOffset? StartsAt,
        int? DurationMinutes,
        List<Guid>? Interviewers,
        [property: StringLength(InterviewRules.MaxLocation)] string? Location,
        [property: StringLength(InterviewRules.MaxVideoUrl)] string? VideoUrl,
        bool? NotifyCandidate,
        bool? AllowDoubleBooking,
        int? ExpectedSequence);

    public sealed record CancelRequest([property: StringLength(InterviewRules.MaxCancelReason)] string? Reason, int? ExpectedSequence);

    public sealed record IndicatorView(int Position, string Text);

    public sealed record QuestionView(string Id, string Kind, string Title, string Prompt, string? Competency, string? Trait, IReadOnlyList<IndicatorView> Positive, IReadOnlyList<IndicatorView> Negative, IReadOnlyList<string> FollowUps, string? ModelAnswer);

    public sealed record CompetencyView(string Id, string Name, string Definition, string Junior, string Mid, string Senior, string Principal);

    public sealed record TraitView(string Id, string Name, string Definition);

    public sealed record RedFlagView(string Id, string Text);

    public sealed record KitView(InterviewView Interview, IReadOnlyList<QuestionView> Questions, IReadOnlyList<CompetencyView> Focus, IReadOnlyList<TraitView> Traits, IReadOnlyList<RedFlagView> RedFlags, bool HasResume, string? ResumeUrl, ScorecardsApi.ScorecardView? Scorecard);

    public static IEndpointRouteBuilder MapInterviews(this IEndpointRouteBuilder app)
    {
        var read = app.MapApiGroup("/interviews", "Interviews");
        read.MapGet("/{interviewId:guid}", Get).WithName("GetInterview");
        read.MapGet("/{interviewId:guid}/invite.ics", Invite).WithName("GetInterviewInvite").Produces<string>(200, ICalendar.MediaType);
        read.MapGet("/{interviewId:guid}/kit", Kit).WithName("GetInterviewKit");

        var write = app.MapApiGroup("/interviews", "Interviews", Policies.Hiring);
        write.MapPost("", Schedule).WithName("ScheduleInterview").WithSummary("409 interview.double_booked unless allowDoubleBooking; then the double bookings are listed.");
        write.MapPost("/{interviewId:guid}/reschedule", Reschedule).WithName("RescheduleInterview");
        write.MapPost("/{interviewId:guid}/cancel", Cancel).WithName("CancelInterview");

        var lists = app.MapApiGroup("/applications", "Interviews");
        lists.MapGet("/{applicationId:guid}/interviews", ForApplication).WithName("ListApplicationInterviews");
        var mine = app.MapApiGroup("/me", "Interviews");
        mine.MapGet("/work", MyWork).WithName("GetMyWork").WithSummary("Your upcoming interviews and the scorecards you still owe.");
        return app;
    }

    public static async Task<Results<Created<ScheduledView>, ProblemHttpResult>> Schedule(ScheduleRequest request, ClaimsPrincipal principal, ScheduleInterview useCase, GetInterview get, CancellationToken ct)
    {
        var actor = principal.ToActor();
        var result = await useCase.HandleAsync(actor, new ScheduleInterview.Request(
            request.ApplicationId!.Value, request.StageId!.Value, request.StartsAt!.Value, request.DurationMinutes, request.Interviewers,
            request.Location, request.VideoUrl, request.NotifyCandidate ?? true, request.AllowDoubleBooking ?? false), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var details = await get.HandleAsync(actor, result.Value.Interview.Id, ct);
        return TypedResults.Created($"{ApiRoutes.Prefix}/interviews/{result.Value.Interview.Id}", new ScheduledView(View(details.Value), Conflicts(result.Value)));
    }

    public static async Task<Results<Ok<InterviewView>, ProblemHttpResult>> Get(Guid interviewId, ClaimsPrincipal principal, GetInterview useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), interviewId, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<ScheduledView>, ProblemHttpResult>> Reschedule(Guid interviewId, RescheduleRequest request, ClaimsPrincipal principal, RescheduleInterview useCase, GetInterview get, CancellationToken ct)
    {
        var actor = principal.ToActor();
        var result = await useCase.HandleAsync(actor, interviewId, new RescheduleInterview.Request(
            request.StartsAt!.Value, request.DurationMinutes, request.Interviewers, request.Location, request.VideoUrl, request.NotifyCandidate,
            request.AllowDoubleBooking ?? false, request.ExpectedSequence), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var details = await get.HandleAsync(actor, interviewId, ct);
        return TypedResults.Ok(new ScheduledView(View(details.Value), Conflicts(result.Value)));
    }

    public static async Task<Results<Ok<InterviewView>, ProblemHttpResult>> Cancel(Guid interviewId, CancelRequest request, ClaimsPrincipal principal, CancelInterview useCase, GetInterview get, CancellationToken ct)
    {
        var actor = principal.ToActor();
        var result = await useCase.HandleAsync(actor, interviewId, new CancelInterview.Request(request.Reason, request.ExpectedSequence), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var details = await get.HandleAsync(actor, interviewId, ct);
        return TypedResults.Ok(View(details.Value));
    }

    /// <summary>The interviewers' calendar event; METHOD:CANCEL once the interview is cancelled.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Invite(Guid interviewId, ClaimsPrincipal principal, GetInterviewInvite useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), interviewId, ct);
        return result.IsSuccess
            ? TypedResults.File(Encoding.UTF8.GetBytes(result.Value), $"{ICalendar.MediaType}; charset=utf-8", $"interview-{interviewId}.ics")
            : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<KitView>, ProblemHttpResult>> Kit(Guid interviewId, ClaimsPrincipal principal, GetInterviewKit useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), interviewId, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var k = result.Value;
        return TypedResults.Ok(new KitView(
            View(k.Details),
            k.Questions.Select(q => new QuestionView(
                q.Id, q.Kind, q.Title, q.Prompt, q.Competency, q.Trait,
                q.Positive.Select((p, i) => new IndicatorView(i, p.Text)).ToList(),
                q.Negative.Select((n, i) => new IndicatorView(i, n.Text)).ToList(),
                q.FollowUps, q.ModelAnswer)).ToList(),
            k.Focus.Select(c => new CompetencyView(c.Id, c.Name, c.Definition, c.Descriptors.Junior, c.Descriptors.Mid, c.Descriptors.Senior, c.Descriptors.Principal)).ToList(),
            k.Traits.Select(t => new TraitView(t.Id, t.Name, t.Definition)).ToList(),
            ScorecardRules.KitRedFlags(k.Kit).Select(f => new RedFlagView(f.Id, f.Text)).ToList(),
            k.HasResume,
            k.HasResume ? $"{ApiRoutes.Prefix}/candidates/{k.Details.CandidateId}/resume" : null,
            k.Own is null ? null : ScorecardsApi.View(k.Own)));
    }

    public static async Task<Results<Ok<IReadOnlyList<InterviewSummaryView>>, ProblemHttpResult>> ForApplication(Guid applicationId, ClaimsPrincipal principal, ListApplicationInterviews useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, ct);
        return result.IsSuccess ? TypedResults.Ok<IReadOnlyList<InterviewSummaryView>>(result.Value.Select(Summary).ToList()) : result.Error!.ToProblem();
    }

    public sealed record InterviewSummaryView(Guid Id, Guid ApplicationId, string CandidateName, string JobTitle, string StageName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, IReadOnlyList<Guid> Interviewers);

    public sealed record PendingView(Guid ScorecardId, Guid InterviewId, Guid ApplicationId, string CandidateName, string JobTitle, string StageName, DateTimeOffset InterviewEndsAt);

    public sealed record WorkView(IReadOnlyList<InterviewSummaryView> Upcoming, IReadOnlyList<PendingView> PendingScorecards);

    public static async Task<Ok<WorkView>> MyWork(ClaimsPrincipal principal, GetMyWork useCase, CancellationToken ct)
    {
        var work = await useCase.HandleAsync(principal.ToActor(), ct);
        return TypedResults.Ok(new WorkView(
            work.Upcoming.Select(Summary).ToList(),
            work.PendingScorecards.Select(p => new PendingView(p.ScorecardId, p.InterviewId, p.ApplicationId, p.CandidateName, p.JobTitle, p.StageName, p.InterviewEndsAt)).ToList()));
    }

    private static InterviewSummaryView Summary(InterviewSummary s) =>
        new(s.Interview.Id, s.Interview.ApplicationId, s.CandidateName, s.JobTitle, s.Interview.Plan.StageName, s.Interview.StartsAt, s.Interview.EndsAt, s.Interview.Status, s.Interview.Interviewers);

    private static IReadOnlyList<ConflictView> Conflicts(ScheduledInterview s) =>
        s.DoubleBookings.Select(c => new ConflictView(c.UserId, c.InterviewId, c.StartsAt, c.EndsAt)).ToList();

    private static InterviewView View(InterviewDetails d)
    {
        var i = d.Interview;
        return new InterviewView(
            i.Id, i.ApplicationId, i.JobId, d.JobTitle, d.CandidateId, d.CandidateName, i.StageId, i.Plan.StageName, i.Plan.StageKind,
            i.StartsAt, i.EndsAt, i.DurationMinutes, i.Location, i.VideoUrl, i.Status, i.Sequence, i.NotifyCandidate, i.CancelReason,
            new PersonView(d.Organizer.UserId, d.Organizer.Name), d.Interviewers.Select(p => new PersonView(p.UserId, p.Name)).ToList(),
            i.Plan.Focus, i.Plan.Traits, i.Plan.Questions, i.CreatedAt, i.UpdatedAt);
    }
}
