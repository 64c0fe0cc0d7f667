using Hirekit.Core.Applications;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Settings;

namespace Hirekit.Core.Interviews;

/// <summary>An interview with the people and names its pages and API show.</summary>
public sealed record InterviewDetails(
    Interview Interview,
    Person Organizer,
    IReadOnlyList<Person> Interviewers,
    Guid CandidateId,
    string CandidateName,
    string JobTitle,
    bool IsInterviewer,
    bool CanManage,
    OrganizationSettings Settings);

public sealed class GetInterview(InterviewAccess access, InterviewAnnouncer announcer, IApplicationStore applications)
{
    public async Task<Result<InterviewDetails>> HandleAsync(Actor actor, Guid interviewId, CancellationToken ct)
    {
        var context = await access.VisibleAsync(actor, interviewId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        return await DetailsAsync(context.Value, applications, announcer, ct);
    }

    internal static async Task<InterviewDetails> DetailsAsync(InterviewContext context, IApplicationStore applications, InterviewAnnouncer announcer, CancellationToken ct)
    {
        var i = context.Interview;
        var application = (await applications.FindAsync(i.OrganizationId, i.ApplicationId, ct))!;
        var (organizer, people, candidate, jobTitle, _, settings) = await announcer.LoadAsync(i, i.Interviewers, application.CandidateId, ct);
        var interviewers = i.Interviewers.Select(u => people.FirstOrDefault(p => p.UserId == u)).OfType<Person>().ToList();
        return new InterviewDetails(i, organizer, interviewers, candidate.Id, candidate.Name, jobTitle, context.IsInterviewer, context.CanManage, settings);
    }
}

/// <summary>The interview as an .ics file: the interviewers' event, METHOD:CANCEL once cancelled.</summary>
public sealed class GetInterviewInvite(InterviewAccess access, InterviewAnnouncer announcer, IApplicationStore applications, InterviewMail mail)
{
    public async Task<Result<string>> HandleAsync(Actor actor, Guid interviewId, CancellationToken ct)
    {
        var context = await access.VisibleAsync(actor, interviewId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var d = await GetInterview.DetailsAsync(context.Value, applications, announcer, ct);
        var method = d.Interview.IsCancelled ? ICalendar.Cancel : ICalendar.Request;
        var announcement = new InterviewAnnouncement(d.Interview, method, Mail.MailKinds.InterviewInvite, d.Organizer, d.Interviewers, d.CandidateName, "", d.JobTitle, "", d.Settings.Zone, d.Interview.UpdatedAt);
        return ICalendar.Write(mail.InternalEvent(announcement), method);
    }
}

/// <summary>
/// What an interviewer needs in the room: the stage's questions with indicators, follow-ups and
/// model-answer notes, the focus competencies with their level descriptors, the traits, the kit's
/// red flags, the candidate's resume, and (for an interviewer) their own scorecard.
/// </summary>
public sealed record InterviewKit(
    InterviewDetails Details,
    Kit Kit,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<Competency> Focus,
    IReadOnlyList<Trait> Traits,
    bool HasResume,
    string ResumeText,
    Scorecard? Own);

public sealed class GetInterviewKit(InterviewAccess access, InterviewAnnouncer announcer, IApplicationStore applications, ICandidateStore candidates, IScorecardStore scorecards)
{
    public async Task<Result<InterviewKit>> HandleAsync(Actor actor, Guid interviewId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var context = await access.VisibleAsync(actor, interviewId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var details = await GetInterview.DetailsAsync(context.Value, applications, announcer, ct);
        var kit = context.Value.Kit;
        var plan = details.Interview.Plan;
        var candidate = (await candidates.FindAsync(actor.OrganizationId, details.CandidateId, ct))!;
        var own = context.Value.IsInterviewer ? await scorecards.FindForAsync(actor.OrganizationId, interviewId, actor.UserId, ct) : null;
        return new InterviewKit(
            details,
            kit,
            plan.Questions.Select(kit.FindQuestion).OfType<Question>().ToList(),
            plan.Focus.Select(kit.FindCompetency).OfType<Competency>().ToList(),
            plan.Traits.Select(kit.FindTrait).OfType<Trait>().ToList(),
            candidate.ResumeFileId is not null,
            candidate.ResumeText,
            own);
    }
}

/// <summary>The interviews of an application, for whoever sees the application.</summary>
public sealed class ListApplicationInterviews(ApplicationAccess access, IInterviewStore interviews)
{
    public async Task<Result<IReadOnlyList<InterviewSummary>>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(actor, applicationId, ct);
        return visible.IsSuccess
            ? Result<IReadOnlyList<InterviewSummary>>.Success(await interviews.ListForApplicationAsync(actor.OrganizationId, applicationId, ct))
            : visible.Error!;
    }
}

/// <summary>A candidate's upcoming interviews, for whoever sees the candidate; members who see only their jobs see only the interviews they may open.</summary>
public sealed class ListCandidateInterviews(CandidateAccess access, IInterviewStore interviews, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<InterviewSummary>>> HandleAsync(Actor actor, Guid candidateId, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(actor, candidateId, ct);
        return visible.IsSuccess
            ? Result<IReadOnlyList<InterviewSummary>>.Success(await interviews.ListForCandidateAsync(actor.OrganizationId, candidateId, time.GetUtcNow(), 20, actor.TeamScope, ct))
            : visible.Error!;
    }
}

/// <summary>A member's own work: interviews coming up and scorecards they still owe.</summary>
public sealed record MyWork(IReadOnlyList<InterviewSummary> Upcoming, IReadOnlyList<PendingScorecard> PendingScorecards, OrganizationSettings Settings);

public sealed class GetMyWork(IInterviewStore interviews, IScorecardStore scorecards, IOrganizationSettingsStore settings, TimeProvider time)
{
    public const int Limit = 20;

    public async Task<MyWork> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        var upcoming = await interviews.ListUpcomingForUserAsync(actor.OrganizationId, actor.UserId, now, Limit, ct);
        var pending = await scorecards.ListPendingAsync(actor.OrganizationId, actor.UserId, now, Limit, ct);
        return new MyWork(upcoming, pending, await settings.GetAsync(actor.OrganizationId, ct));
    }
}
