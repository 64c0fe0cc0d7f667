using Hirekit.Core.Accounts;
using Hirekit.Core.Applications;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Debriefs;
using Hirekit.Core.Kits;
using Hirekit.Core.Mail;
using Hirekit.Core.Onboarding;

namespace Hirekit.Core.Offers;

/// <summary>An offer with the application it belongs to.</summary>
public sealed record OfferView(Offer Offer, ApplicationDetails Application);

/// <summary>
/// Drafts an offer for an application whose latest decision is a hire: level (default: the
/// decided level), region (default: the job's), base salary in the region's currency, equity and
/// start date. The band check is stored with the offer, and a letter draft is written from the
/// template. An application has one open offer at a time.
/// </summary>
public sealed class CreateOffer(ApplicationAccess access, GetApplication getApplication, IDecisionStore decisions, IOfferStore offers, IAccountStore accounts, TimeProvider time)
{
    public sealed record Request(Level? Level, string? Region, int? BaseSalary, string? Currency, decimal? EquityPercent, DateOnly? StartDate);

    public async Task<Result<Offer>> HandleAsync(Actor actor, Guid applicationId, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var editable = await access.EditableAsync(actor, applicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!;
        }

        var history = await decisions.ListForApplicationAsync(actor.OrganizationId, applicationId, ct);
        var latest = history.Count > 0 ? history[0] : null;
        if (latest is not { Outcome: DecisionOutcomes.Hire } || editable.Value.Application.Stage != PipelineStages.Offer)
        {
            return Error.Conflict("offer.no_hire_decision", "Record a hire decision first; offers follow a decision to hire.");
        }

        var details = (await getApplication.HandleAsync(actor, applicationId, ct)).Value;
        var (job, kit) = (details.Job.Job, details.Job.Kit);
        var level = request.Level ?? latest.Level!.Value;
        var region = string.IsNullOrWhiteSpace(request.Region) ? job.CompensationRegion : request.Region.Trim();
        var fields = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(level))
        {
            fields["level"] = ["Choose junior, mid, senior or principal."];
        }

        var currency = region is null ? null : Bands.CurrencyOf(kit, region);
        if (region is null || currency is null)
        {
            fields["region"] = [$"Choose a compensation region of the kit: {string.Join(", ", kit.Compensation?.Regions.Select(r => r.Id) ?? [])}."];
        }
        else if (request.Currency is { } given && !string.Equals(given.Trim(), currency, StringComparison.OrdinalIgnoreCase))
        {
            fields["currency"] = [$"Bands in this region are in {currency}."];
        }

        if (request.BaseSalary is not (> 0 and <= 10_000_000))
        {
            fields["baseSalary"] = ["Give the yearly base salary in whole units, more than 0."];
        }

        if (request.EquityPercent is < 0 or > 100)
        {
            fields["equityPercent"] = ["Equity is a percentage from 0 to 100."];
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (request.StartDate is not { } start || start < today || start > today.AddYears(2))
        {
            fields["startDate"] = ["Choose a start date from today to two years ahead."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation("offer.invalid", "Some parts of the offer need attention.", fields);
        }

        var band = Bands.Check(kit, job, level, region!, request.BaseSalary!.Value);
        var organization = (await accounts.FindOrganizationAsync(actor.OrganizationId, ct))!;
        var letter = OfferLetter.Draft(new OfferLetterFacts(details.Candidate.Name, job.Title, organization.Name, level, request.BaseSalary.Value, currency!, request.EquityPercent, request.StartDate!.Value, actor.DisplayName, job.Location.Name));
        var now = time.GetUtcNow();
        var offer = new Offer(
            Ids.New(), actor.OrganizationId, applicationId, job.Id, level, region!, currency!, request.BaseSalary.Value, request.EquityPercent, request.StartDate.Value,
            band, OfferStatuses.Draft, null, null, null, letter, actor.UserId, now, now);
        if (!await offers.CreateAsync(offer, AuditEntry.For(actor, "offer.created", "offer", offer.Id, now, $"{level.Code()} {region}, {(band.Within ? "inside" : "outside")} the band"), ct))
        {
            return Error.Conflict("offer.exists", "The application already has an open offer; settle it first.");
        }

        return offer;
    }
}

public sealed class GetOffer(IOfferStore offers, GetApplication getApplication)
{
    public static readonly Error NotFound = Error.NotFound("offer.not_found", "No such offer, or not one of your jobs'.");

    public async Task<Result<OfferView>> HandleAsync(Actor actor, Guid offerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var offer = await offers.FindAsync(actor.OrganizationId, offerId, ct);
        if (offer is null)
        {
            return NotFound;
        }

        var application = await getApplication.HandleAsync(actor, offer.ApplicationId, ct);
        return application.IsSuccess ? new OfferView(offer, application.Value) : NotFound;
    }
}

/// <summary>
/// Moves an offer along: draft → approval_pending (an offer inside its band is approved at once:
/// it needs nobody's sign-off) → approved → sent → accepted or declined. Accepting hires the
/// candidate and, in the same transaction, creates the hire's onboarding plan and mails them its
/// link; declining withdraws the application. Admins, recruiters and the job's hiring managers do
/// this; approving an offer outside its band is <see cref="ApproveOffer"/>.
/// </summary>
public sealed class ChangeOfferStatus(IOfferStore offers, ApplicationAccess access, OnboardingPlanner planner, IOutboxSignal signal, TimeProvider time)
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [OfferStatuses.Draft] = [OfferStatuses.ApprovalPending],
        [OfferStatuses.ApprovalPending] = [OfferStatuses.Draft],
        [OfferStatuses.Approved] = [OfferStatuses.Sent],
        [OfferStatuses.Sent] = [OfferStatuses.Accepted, OfferStatuses.Declined],
    };

    public async Task<Result<Offer>> HandleAsync(Actor actor, Guid offerId, string? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var offer = await offers.FindAsync(actor.OrganizationId, offerId, ct);
        if (offer is null)
        {
            return GetOffer.NotFound;
        }

        var editable = await access.EditableAsync(actor, offer.ApplicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!.Kind == ErrorKind.NotFound ? GetOffer.NotFound : editable.Error!;
        }

        if (status is null || !OfferStatuses.All.Contains(status))
        {
            return Error.Validation("status", $"Status must be one of {string.Join(", ", OfferStatuses.All)}.");
        }

        if (!Allowed.TryGetValue(offer.Status, out var next) || !next.Contains(status))
        {
            return Error.Conflict("offer.transition", $"An offer that is {offer.Status.Replace('_', ' ')} cannot become {status.Replace('_', ' ')}.");
        }

        var now = time.GetUtcNow();
        var target = status == OfferStatuses.ApprovalPending && offer.Band.Within ? OfferStatuses.Approved : status;
        var updated = offer with
        {
            Status = target,
            UpdatedAt = now,
            ApprovalReason = target == OfferStatuses.Approved ? "Inside the band; no approval needed." : offer.ApprovalReason,
            ApprovedAt = target == OfferStatuses.Approved ? now : offer.ApprovedAt,
        };
        var application = editable.Value.Application;
        var move = target switch
        {
            OfferStatuses.Accepted => new OfferMove(application, PipelineStages.Hired, new ApplicationEvent(Ids.New(), application.Id, "offer_accepted", application.Stage, application.StageId, PipelineStages.Hired, null, null, "Accepted the offer", actor.UserId, null, now)),
            OfferStatuses.Declined => new OfferMove(application, PipelineStages.Withdrawn, new ApplicationEvent(Ids.New(), application.Id, "offer_declined", application.Stage, application.StageId, PipelineStages.Withdrawn, null, "candidate_declined", "Declined the offer", actor.UserId, null, now)),
            _ => null,
        };
        if (move is not null && PipelineStages.IsFinal(application.Stage))
        {
            return Error.Conflict("application.closed", $"The application is {application.Stage}; it cannot move any more.");
        }

        var onboarding = target == OfferStatuses.Accepted ? await planner.PlanAsync(updated, application, editable.Value.Job, now, ct) : null;
        if (!await offers.ChangeStatusAsync(updated, offer.Status, move, onboarding, AuditEntry.For(actor, $"offer.{target}", "offer", offer.Id, now), ct))
        {
            return Error.Conflict("offer.changed", "The offer or its application changed meanwhile. Reload and try again.");
        }

        if (onboarding is not null)
        {
            signal.Notify();
        }

        return updated;
    }
}

/// <summary>
/// An admin approves an offer that waits for approval. Outside its band (or with no band), the
/// reason is required and kept with the offer.
/// </summary>
public sealed class ApproveOffer(IOfferStore offers, GetOffer getOffer, TimeProvider time)
{
    public const int MinReason = 10;

    public async Task<Result<Offer>> HandleAsync(Actor actor, Guid offerId, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var view = await getOffer.HandleAsync(actor, offerId, ct);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        if (!actor.IsAdmin)
        {
            return Error.Forbidden("offer.approve_forbidden", "Only admins approve offers.");
        }

        var offer = view.Value.Offer;
        if (offer.Status != OfferStatuses.ApprovalPending)
        {
            return Error.Conflict("offer.transition", $"Only an offer waiting for approval can be approved; this one is {offer.Status.Replace('_', ' ')}.");
        }

        var why = reason?.Trim();
        if (!offer.Band.Within && why is not { Length: >= MinReason and <= RecordDecision.MaxText })
        {
            return Error.Validation("reason", $"The offer is outside its band: say why it is approved ({MinReason} characters or more).");
        }

        var now = time.GetUtcNow();
        var approved = offer with { Status = OfferStatuses.Approved, ApprovalReason = why ?? "Approved.", ApprovedBy = actor.UserId, ApprovedAt = now, UpdatedAt = now };
        if (!await offers.ChangeStatusAsync(approved, OfferStatuses.ApprovalPending, null, null, AuditEntry.For(actor, "offer.approved", "offer", offer.Id, now, offer.Band.Within ? "inside the band" : "outside the band"), ct))
        {
            return Error.Conflict("offer.changed", "The offer changed meanwhile. Reload and try again.");
        }

        return approved;
    }
}
