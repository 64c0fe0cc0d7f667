using Hirekit.Core.Accounts;
using Hirekit.Core.Applications;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Debriefs;
using Hirekit.Core.Jobs;
using Hirekit.Core.Mail;
using Hirekit.Core.Offers;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Security;

namespace Hirekit.Core.Onboarding;

/// <summary>
/// Prepares the onboarding plan that is written together with an offer's acceptance: the kit's
/// template dated from the offer's start date, plus a goal for every competency the submitted
/// scorecards placed below the level hired at, and the new hire's secret link with its mail.
/// </summary>
public sealed class OnboardingPlanner(IScorecardStore scorecards, ICandidateStore candidates, IAccountStore accounts, PublicLinks links)
{
    public async Task<NewOnboarding> PlanAsync(Offer offer, Application application, JobContext job, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(job);
        var submitted = (await scorecards.ListForApplicationAsync(offer.OrganizationId, application.Id, ct)).Where(e => e.Card.IsSubmitted).ToList();
        var ratings = submitted.SelectMany(e => e.Card.Content.Ratings.Select(r => (e, r))).ToList();
        var levelling = Levelling.Compute(job.Kit, job.Job.Weights, ratings);
        var items = OnboardingPlanBuilder.Build(job.Kit, offer.StartDate, OnboardingPlanBuilder.GrowthAreas(job.Kit, levelling, offer.Level));
        var plan = new OnboardingPlan(Ids.New(), offer.OrganizationId, application.Id, offer.Id, offer.StartDate, items, now, now + OnboardingPlanBuilder.LinkLifetime);
        var candidate = (await candidates.FindAsync(offer.OrganizationId, application.CandidateId, ct))!;
        var organization = (await accounts.FindOrganizationAsync(offer.OrganizationId, ct))!;
        var token = SecretToken.Create("o_");
        var mail = OnboardingMail.Welcome(links.To($"/o/{token}"), candidate, job.Job.Title, organization.Name, plan, now);
        return new NewOnboarding(plan, SecretToken.Hash(token), mail);
    }
}

/// <summary>
/// The plan of a hire. Admins, recruiters and the job's hiring managers read it and tick items
/// off; interviewers do not see it.
/// </summary>
public sealed class GetOnboardingPlan(ApplicationAccess access, IOnboardingStore plans)
{
    public static readonly Error NotFound = Error.NotFound("onboarding.not_found", "This application has no onboarding plan: plans are created when an offer is accepted.");

    public async Task<Result<OnboardingPlan>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var visible = await access.VisibleAsync(actor, applicationId, ct);
        if (!visible.IsSuccess)
        {
            return visible.Error!;
        }

        if (actor.Role == Role.Interviewer)
        {
            return Error.Forbidden("onboarding.forbidden", "Onboarding plans are for the hiring manager and recruiters.");
        }

        var plan = await plans.FindForApplicationAsync(actor.OrganizationId, applicationId, ct);
        return plan is null ? NotFound : plan;
    }
}

/// <summary>Ticks a checklist item off (or back on). Whoever may change the job's applications may do it.</summary>
public sealed class SetOnboardingItemDone(ApplicationAccess access, IOnboardingStore plans, TimeProvider time)
{
    public async Task<Result<OnboardingPlan>> HandleAsync(Actor actor, Guid applicationId, Guid itemId, bool? done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var editable = await access.EditableAsync(actor, applicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!;
        }

        if (done is null)
        {
            return Error.Validation("done", "Say whether the item is done (true or false).");
        }

        var plan = await plans.FindForApplicationAsync(actor.OrganizationId, applicationId, ct);
        var item = plan?.Items.FirstOrDefault(i => i.Id == itemId);
        if (plan is null || item is null)
        {
            return Error.NotFound("onboarding.item_not_found", "No such item in this application's onboarding plan.");
        }

        if (item.DoneAt is not null == done.Value)
        {
            return plan;
        }

        var now = time.GetUtcNow();
        var changed = item with { DoneAt = done.Value ? now : null, DoneBy = done.Value ? actor.UserId : null };
        var audit = AuditEntry.For(actor, done.Value ? "onboarding.item_done" : "onboarding.item_reopened", "onboarding_item", itemId, now, item.Title);
        await plans.SetDoneAsync(actor.OrganizationId, plan.Id, itemId, changed.DoneAt, changed.DoneBy, audit, ct);
        return plan with { Items = plan.Items.Select(i => i.Id == itemId ? changed : i).ToList() };
    }
}

/// <summary>Sends the new hire a fresh link to their plan; the previous link stops working at once.</summary>
public sealed class RenewOnboardingLink(ApplicationAccess access, IOnboardingStore plans, ICandidateStore candidates, IAccountStore accounts, PublicLinks links, IOutboxSignal signal, TimeProvider time)
{
    public async Task<Result<OnboardingPlan>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var editable = await access.EditableAsync(actor, applicationId, ct);
        if (!editable.IsSuccess)
        {
            return editable.Error!;
        }

        var plan = await plans.FindForApplicationAsync(actor.OrganizationId, applicationId, ct);
        if (plan is null)
        {
            return GetOnboardingPlan.NotFound;
        }

        var (application, job) = editable.Value;
        var now = time.GetUtcNow();
        var renewed = plan with { LinkExpiresAt = now + OnboardingPlanBuilder.LinkLifetime };
        var candidate = (await candidates.FindAsync(actor.OrganizationId, application.CandidateId, ct))!;
        var organization = (await accounts.FindOrganizationAsync(actor.OrganizationId, ct))!;
        var token = SecretToken.Create("o_");
        var mail = OnboardingMail.Welcome(links.To($"/o/{token}"), candidate, job.Job.Title, organization.Name, renewed, now);
        await plans.ReplaceLinkAsync(actor.OrganizationId, plan.Id, SecretToken.Hash(token), renewed.LinkExpiresAt, mail, AuditEntry.For(actor, "onboarding.link_renewed", "onboarding_plan", plan.Id, now), ct);
        signal.Notify();
        return renewed;
    }
}

/// <summary>What the new hire's link opens; unknown and expired links are the same "not found".</summary>
public sealed class ViewPublishedPlan(IOnboardingStore plans, TimeProvider time)
{
    public static readonly Error NotFound = Error.NotFound("plan.not_found", "This link does not lead to an onboarding plan. It may have expired or been replaced.");

    public async Task<Result<PublishedPlan>> HandleAsync(string? token, CancellationToken ct)
    {
        if (SecretToken.HashPresented(token) is not { } hash)
        {
            return NotFound;
        }

        var published = await plans.FindPublishedAsync(hash, ct);
        return published is null || published.Plan.LinkExpiresAt <= time.GetUtcNow() ? NotFound : published;
    }
}
