using Hirekit.Core.Accounts;
using Hirekit.Core.Applications;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Jobs;
using Hirekit.Core.Mail;
using Hirekit.Core.Security;
using Hirekit.Core.Settings;

namespace Hirekit.Core.AsyncScreens;

/// <summary>
/// Sends the written screen of the job's async-screen stage to an application's candidate: the
/// kit's written questions (or a chosen set), a deadline (the kit's, five days by default), and
/// the reviewers who will score the answers (the job's hiring managers by default). The e-mail
/// carries a secret link; only its hash is stored. One live screen per application.
/// </summary>
public sealed class SendAsyncScreen(
    IAsyncScreenStore screens,
    ApplicationAccess applications,
    IJobStore jobs,
    ICandidateStore candidates,
    IInterviewStore interviews,
    IAccountStore accounts,
    IOrganizationSettingsStore settings,
    AsyncScreenMail mail,
    IOutboxSignal signal,
    TimeProvider time)
{
    public const string StageKind = "async_screen";
    public const int DefaultDeadlineDays = 5;
    public const int MaxQuestions = 10;
    public static readonly TimeSpan MinNotice = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxNotice = TimeSpan.FromDays(30);
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromHours(24);

    public static readonly Error Exists = Error.Conflict("async_screen.exists", "A written screen was already sent for this application. Cancel it before sending another.");

    /// <param name="Questions">Null: the kit's written screen.</param>
    /// <param name="Deadline">Null: now plus the kit's deadline days.</param>
    /// <param name="Reviewers">Null: the job's hiring managers.</param>
    public sealed record Request(Guid ApplicationId, IReadOnlyList<string>? Questions, DateTimeOffset? Deadline, IReadOnlyList<Guid>? Reviewers);

    /// <summary>Sends the screen. The secret token goes only into the candidate's e-mail: staff never see it, so nobody can answer in the candidate's place.</summary>
    public async Task<Result<AsyncScreen>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.SeesAllOfOrganization)
        {
            return Error.Forbidden("async_screen.forbidden", "Only recruiters and admins send written screens.");
        }

        var editable = await applications.EditableAsync(actor, request.ApplicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!;
        }

        var (application, job) = editable.Value;
        if (PipelineStages.IsFinal(application.Stage))
        {
            return Error.Conflict("application.ended", "The application has ended; written screens are sent for active applications only.");
        }

        var loop = await jobs.GetLoopAsync(actor.OrganizationId, application.JobId, ct);
        var stage = loop.FirstOrDefault(s => s.Kind == StageKind);
        if (stage is null)
        {
            return Error.Unprocessable("async_screen.no_stage", "This job's loop has no written async screen stage. Add one to the loop before sending a screen.");
        }

        var kit = job.Kit;
        var allowed = ((IEnumerable<string>?)kit.WrittenScreen?.Questions ?? []).Concat(loop.SelectMany(s => s.Questions)).Where(q => kit.FindQuestion(q) is not null).ToHashSet(StringComparer.Ordinal);
        var fields = new Dictionary<string, string[]>();
        var questions = (request.Questions ?? (IReadOnlyList<string>?)kit.WrittenScreen?.Questions ?? stage.Questions).ToList();
        if (questions.Count is 0 or > MaxQuestions || questions.Distinct(StringComparer.Ordinal).Count() != questions.Count)
        {
            fields["questions"] = [$"Choose 1 to {MaxQuestions} different questions."];
        }
        else if (questions.Where(q => !allowed.Contains(q)).ToList() is { Count: > 0 } unknown)
        {
            fields["questions"] = unknown.Select(q => $"{q} is not a written-screen question of this job's kit or loop.").ToArray();
        }

        var now = time.GetUtcNow();
        var deadline = (request.Deadline ?? now.AddDays(kit.WrittenScreen?.DeadlineDays is > 0 and var days ? days : DefaultDeadlineDays)).ToUniversalTime();
        if (deadline < now + MinNotice || deadline > now + MaxNotice)
        {
            fields["deadline"] = ["Choose a deadline at least an hour from now and at most 30 days ahead."];
        }

        var reviewers = (request.Reviewers ?? await DefaultReviewersAsync(actor, application.JobId, stage, ct)).Distinct().ToList();
        var people = await interviews.ListPeopleAsync(actor.OrganizationId, reviewers, ct);
        if (reviewers.Count == 0)
        {
            fields["reviewers"] = ["The job has no hiring manager to review the answers; choose the reviewers."];
        }
        else
        {
            InterviewRules.CheckInterviewers(fields, reviewers, people);
        }

        if (fields.Count > 0)
        {
            return Error.Validation("async_screen.invalid", "Some details of the written screen need attention.", fields);
        }

        if (await screens.FindLiveForApplicationAsync(actor.OrganizationId, application.Id, ct) is not null)
        {
            return Exists;
        }

        var candidate = (await candidates.FindAsync(actor.OrganizationId, application.CandidateId, ct))!;
        if (string.IsNullOrWhiteSpace(candidate.Email))
        {
            return Error.Unprocessable("async_screen.no_email", "The candidate has no e-mail address to send the screen to.");
        }

        var organization = (await accounts.FindOrganizationAsync(actor.OrganizationId, ct))!;
        var zone = (await settings.GetAsync(actor.OrganizationId, ct)).Zone;
        var halfway = now + ((deadline - now) / 2);
        var remindAt = deadline - ReminderBefore > halfway ? deadline - ReminderBefore : halfway;
        var screen = new AsyncScreen(
            Ids.New(), actor.OrganizationId, application.Id, application.JobId, stage.Id, stage.Name, job.Job.KitId, job.Job.KitVersion,
            kit.WrittenScreen?.Title ?? stage.Name, kit.WrittenScreen?.Instructions ?? "", questions, stage.Focus, stage.Traits, reviewers,
            actor.UserId, now, deadline, remindAt, null, null, null, null, null, 0);
        var token = SecretToken.Create("s_");
        var invitation = mail.Invitation(screen, token, candidate.Name, candidate.Email, job.Job.Title, organization.Name, zone, now);
        if (!await screens.CreateAsync(screen, SecretToken.Hash(token), invitation, AuditEntry.For(actor, "async_screen.sent", "async_screen", screen.Id, now, $"{questions.Count} questions, {reviewers.Count} reviewers"), ct))
        {
            return Exists;
        }

        signal.Notify();
        return screen;
    }

    private async Task<IReadOnlyList<Guid>> DefaultReviewersAsync(Actor actor, Guid jobId, LoopStage stage, CancellationToken ct)
    {
        var managers = (await jobs.GetTeamAsync(actor.OrganizationId, jobId, ct)).Where(m => m.Role == JobTeamRoles.HiringManager).Select(m => m.UserId).ToList();
        return managers.Count > 0 ? managers : stage.Interviewers;
    }
}
