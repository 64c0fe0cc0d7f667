using Hirekit.Core.Applications;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Settings;

namespace Hirekit.Core.Scorecards;

/// <summary>The caller's own scorecard of an interview they are on, with the interview's plan and kit.</summary>
public sealed record OwnScorecard(Scorecard Card, InterviewContext Context);

/// <summary>Reads the caller's own scorecard; anyone who is not an interviewer on the interview gets "not found".</summary>
public sealed class GetOwnScorecard(InterviewAccess access, IScorecardStore scorecards)
{
    public static readonly Error NotFound = Error.NotFound("scorecard.not_found", "No such scorecard, or not yours to read.");

    public async Task<Result<OwnScorecard>> HandleAsync(Actor actor, Guid interviewId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var context = await access.VisibleAsync(actor, interviewId, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var card = context.Value.IsInterviewer ? await scorecards.FindForAsync(actor.OrganizationId, interviewId, actor.UserId, ct) : null;
        return card is null ? NotFound : new OwnScorecard(card, context.Value);
    }
}

/// <summary>
/// Saves the caller's draft (the whole content replaces the previous one). With a revision, the
/// save applies only if nobody saved since (another tab): 409 <c>scorecard.changed</c> otherwise.
/// A submitted scorecard answers 409 <c>scorecard.submitted</c>.
/// </summary>
public sealed class SaveScorecard(GetOwnScorecard own, IScorecardStore scorecards, TimeProvider time)
{
    public async Task<Result<Scorecard>> HandleAsync(Actor actor, Guid interviewId, ScorecardContent content, int? expectedRevision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var found = await own.HandleAsync(actor, interviewId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (card, context) = found.Value;
        var clean = ScorecardRules.Normalize(content);
        var problem = Check(card, context, clean, expectedRevision);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var outcome = await scorecards.SaveAsync(card, clean, expectedRevision, now, null, null, ct);
        return Outcome(outcome, card with { Content = clean, Revision = card.Revision + 1, UpdatedAt = now });
    }

    internal static Error? Check(Scorecard card, InterviewContext context, ScorecardContent clean, int? expectedRevision)
    {
        if (card.IsSubmitted)
        {
            return Error.Conflict("scorecard.submitted", "The scorecard is submitted and can no longer change.");
        }

        if (context.Interview.IsCancelled)
        {
            return Error.Conflict("interview.cancelled", "The interview was cancelled; its scorecard is closed.");
        }

        if (expectedRevision is { } revision && revision != card.Revision)
        {
            return Changed;
        }

        var fields = ScorecardRules.CheckShape(clean, context.Kit, context.Interview.Plan);
        return fields.Count > 0 ? Error.Validation("scorecard.invalid", "Some parts of the scorecard need attention.", fields) : null;
    }

    internal static readonly Error Changed = Error.Conflict("scorecard.changed", "The scorecard was saved elsewhere (another window?) since you opened it. Reload to continue.");

    internal static Result<Scorecard> Outcome(ScorecardWriteOutcome outcome, Scorecard saved) => outcome switch
    {
        ScorecardWriteOutcome.Done => saved,
        ScorecardWriteOutcome.Submitted => Error.Conflict("scorecard.submitted", "The scorecard is submitted and can no longer change."),
        _ => Changed,
    };
}

/// <summary>
/// Submits the caller's scorecard, optionally saving <c>content</c> first in the same
/// transaction. A submitted scorecard is locked; submitting it again answers 409
/// <c>scorecard.already_submitted</c>, and of two submissions racing exactly one wins.
/// A focus competency neither rated nor marked "no evidence", or no recommendation, answers 422
/// <c>scorecard.incomplete</c> naming each gap.
/// </summary>
public sealed class SubmitScorecard(GetOwnScorecard own, IScorecardStore scorecards, TimeProvider time)
{
    public static readonly Error AlreadySubmitted = Error.Conflict("scorecard.already_submitted", "The scorecard is already submitted.");

    public async Task<Result<Scorecard>> HandleAsync(Actor actor, Guid interviewId, ScorecardContent? content, int? expectedRevision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await own.HandleAsync(actor, interviewId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (card, context) = found.Value;
        if (card.IsSubmitted)
        {
            return AlreadySubmitted;
        }

        var clean = ScorecardRules.Normalize(content ?? card.Content);
        var problem = SaveScorecard.Check(card, context, clean, expectedRevision);
        if (problem is not null)
        {
            return problem;
        }

        var missing = ScorecardRules.CheckComplete(clean, context.Kit, context.Interview.Plan);
        if (missing.Count > 0)
        {
            return Error.Unprocessable("scorecard.incomplete", $"Before submitting: {string.Join(" ", missing.Values.SelectMany(v => v))}", missing);
        }

        var now = time.GetUtcNow();
        var outcome = await scorecards.SaveAsync(card, clean, expectedRevision, now, now, AuditEntry.For(actor, "scorecard.submitted", "scorecard", card.Id, now), ct);
        return outcome == ScorecardWriteOutcome.Submitted
            ? AlreadySubmitted
            : SaveScorecard.Outcome(outcome, card with { Content = clean, Revision = card.Revision + 1, UpdatedAt = now, Status = ScorecardStatuses.Submitted, SubmittedAt = now });
    }
}

/// <summary>The scorecards of an application the caller may read, and how many stay hidden from them.</summary>
public sealed record ApplicationScorecards(IReadOnlyList<ScorecardEntry> Visible, int Hidden, bool WaitingForOwn, OrganizationSettings Settings);

/// <summary>What the caller may read of an application's scorecards (see <see cref="ScorecardVisibility"/>).</summary>
public sealed class ListApplicationScorecards(ApplicationAccess applications, IScorecardStore scorecards, IOrganizationSettingsStore settings)
{
    public async Task<Result<ApplicationScorecards>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var editable = await applications.EditableAsync(actor, applicationId, ct);
        if (!editable.IsSuccess && editable.Error!.Kind != ErrorKind.Forbidden)
        {
            return editable.Error!;
        }

        var org = await settings.GetAsync(actor.OrganizationId, ct);
        var all = await scorecards.ListForApplicationAsync(actor.OrganizationId, applicationId, ct);
        var own = all.Where(e => e.Card.InterviewerId == actor.UserId).ToList();
        var others = all.Where(e => e.Card.InterviewerId != actor.UserId && e.Card.IsSubmitted).ToList();
        var seesOthers = ScorecardVisibility.SeesOthers(org.ScorecardVisibility, editable.IsSuccess, own);
        var visible = seesOthers ? own.Concat(others).OrderBy(e => e.InterviewStartsAt).ThenBy(e => e.InterviewerName, StringComparer.Ordinal).ToList() : own;
        var waiting = own.Any(e => !e.Card.IsSubmitted && e.InterviewStatus != InterviewStatuses.Cancelled);
        return new ApplicationScorecards(visible, seesOthers ? 0 : others.Count, waiting && !seesOthers, org);
    }
}

/// <summary>One scorecard by id, under the same rules; anything the caller may not read is "not found".</summary>
public sealed class GetScorecard(IScorecardStore scorecards, ListApplicationScorecards list)
{
    public async Task<Result<ScorecardEntry>> HandleAsync(Actor actor, Guid scorecardId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var card = await scorecards.FindAsync(actor.OrganizationId, scorecardId, ct);
        if (card is null)
        {
            return GetOwnScorecard.NotFound;
        }

        var visible = await list.HandleAsync(actor, card.ApplicationId, ct);
        var entry = visible.IsSuccess ? visible.Value.Visible.FirstOrDefault(e => e.Card.Id == scorecardId) : null;
        return entry is null ? GetOwnScorecard.NotFound : entry;
    }
}
