using Hirekit.Core.Accounts;
using Hirekit.Core.Applications;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Core.Scorecards;

namespace Hirekit.Core.Debriefs;

/// <summary>
/// Records hire (at a level) or no hire, with a rationale. Only the job's hiring managers and
/// admins decide. While interviews that were not cancelled still lack submitted scorecards, the
/// decision is refused (409 <c>decision.scorecards_missing</c>, naming them) unless an override
/// reason is given, which is kept with the decision. The application moves with it: hire to
/// Offer, no hire to Rejected ("interview evidence below the bar"), and the audit log records it.
/// </summary>
public sealed class RecordDecision(ApplicationAccess access, GetApplication getApplication, IScorecardStore scorecards, IDecisionStore decisions, TimeProvider time)
{
    public const int MinRationale = 10;
    public const int MaxText = 5000;

    public sealed record Request(string? Outcome, Level? Level, string? Rationale, string? OverrideReason);

    public static readonly Error Forbidden = Error.Forbidden("decision.forbidden", "Only the job's hiring managers and admins record decisions.");

    /// <summary>Admins, and hiring managers on the job (the application being editable proves that for them).</summary>
    public static bool MayDecide(Actor actor, ApplicationDetails application)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Role.Admin or Role.HiringManager && application is not null;
    }

    public async Task<Result<Decision>> HandleAsync(Actor actor, Guid applicationId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var editable = await access.EditableAsync(actor, applicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!.Kind == ErrorKind.Forbidden ? Forbidden : editable.Error!;
        }

        if (actor.Role is not (Role.Admin or Role.HiringManager))
        {
            return Forbidden;
        }

        var application = editable.Value.Application;
        if (PipelineStages.IsFinal(application.Stage))
        {
            return Error.Conflict("application.closed", $"The application is {application.Stage}; a decision on it is already final.");
        }

        var fields = new Dictionary<string, string[]>();
        var rationale = request.Rationale?.Trim() ?? "";
        var overrideReason = string.IsNullOrWhiteSpace(request.OverrideReason) ? null : request.OverrideReason.Trim();
        if (!DecisionOutcomes.All.Contains(request.Outcome))
        {
            fields["outcome"] = ["Choose hire or no_hire."];
        }
        else if (request.Outcome == DecisionOutcomes.Hire && (request.Level is not { } level || !Enum.IsDefined(level)))
        {
            fields["level"] = ["A hire needs the level to hire at: junior, mid, senior or principal."];
        }
        else if (request.Outcome == DecisionOutcomes.NoHire && request.Level is not null)
        {
            fields["level"] = ["A no-hire decision takes no level."];
        }

        if (rationale.Length is < MinRationale or > MaxText)
        {
            fields["rationale"] = [$"Explain the decision in {MinRationale} to {MaxText} characters: the evidence it rests on."];
        }

        if (overrideReason is { Length: > MaxText })
        {
            fields["overrideReason"] = [$"An override reason has at most {MaxText} characters."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation("decision.invalid", "Some parts of the decision need attention.", fields);
        }

        var details = (await getApplication.HandleAsync(actor, applicationId, ct)).Value;
        var all = await scorecards.ListForApplicationAsync(actor.OrganizationId, applicationId, ct);
        var missing = GetDebrief.MissingOf(all);
        if (missing.Count > 0 && overrideReason is not { Length: >= MinRationale })
        {
            return new Error(
                ErrorKind.Conflict,
                "decision.scorecards_missing",
                $"{missing.Count} scorecard(s) are not submitted yet. Wait for them, or decide anyway with an override reason.",
                new Dictionary<string, string[]> { ["scorecards"] = [.. missing.Select(m => $"{m.InterviewerName}, {m.StageName}")] });
        }

        var levelling = Levelling.Compute(details.Job.Kit, details.Job.Job.Weights, all.Where(e => e.Card.IsSubmitted).SelectMany(e => e.Card.Content.Ratings.Select(r => (e, r))).ToList());
        var now = time.GetUtcNow();
        var hire = request.Outcome == DecisionOutcomes.Hire;
        var decision = new Decision(Ids.New(), actor.OrganizationId, applicationId, request.Outcome!, hire ? request.Level : null, rationale, missing.Count > 0 ? overrideReason : null, missing.Count, levelling.Overall, actor.UserId, actor.DisplayName, now);
        var toStage = hire ? PipelineStages.Offer : PipelineStages.Rejected;
        var reason = hire ? null : "interview_evidence";
        var @event = new ApplicationEvent(Ids.New(), applicationId, "decided", application.Stage, application.StageId, toStage, null, reason, hire ? $"Hire at {request.Level!.Value.Label()}" : "No hire", actor.UserId, null, now);
        var detail = $"{decision.Outcome}{(hire ? $" at {request.Level!.Value.Code()}" : "")}{(decision.OverrideReason is null ? "" : $", overriding {missing.Count} missing scorecard(s)")}";
        if (!await decisions.RecordAsync(decision, application, toStage, reason, @event, AuditEntry.For(actor, "application.decided", "application", applicationId, now, detail), ct))
        {
            return Error.Conflict("application.moved_meanwhile", "Someone moved this application meanwhile. Reload and try again.");
        }

        return decision;
    }
}
