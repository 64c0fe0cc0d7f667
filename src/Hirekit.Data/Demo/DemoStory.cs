using Dapper;
using Hirekit.Core.Applications;
using Hirekit.Core.Common;
using Hirekit.Core.Debriefs;
using Hirekit.Core.Feedback;
using Hirekit.Core.Kits;
using Hirekit.Core.Offers;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Demo;

/// <summary>
/// The end of the hiring path for the small demo organisation, played through the product's own
/// use cases on its first job so every row is one the product would write: a hire decided,
/// offered and accepted (which writes the onboarding plan), an offer out with the candidate, a
/// no-hire decision, and feedback reports drafted for the ended processes, two of them sent.
/// </summary>
public sealed class DemoStory(
    IDbConnectionFactory db,
    GetApplication getApplication,
    RecordDecision decide,
    CreateOffer createOffer,
    ChangeOfferStatus changeOffer,
    ApproveOffer approveOffer,
    DraftJobFeedback draftFeedback,
    ListJobFeedback listFeedback,
    ApproveFeedbackReport approveFeedback,
    SendFeedbackReport sendFeedback,
    TimeProvider time)
{
    public sealed record Outcome(int Decisions, int Offers, int Hires, int FeedbackDrafts, int FeedbackSent);

    public async Task<Result<Outcome>> HandleAsync(Actor admin, Guid jobId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var candidates = await InterviewedInLoopAsync(admin.OrganizationId, jobId, ct);
        var decisions = 0;
        var offers = 0;
        var hires = 0;
        for (var i = 0; i < Math.Min(3, candidates.Count); i++)
        {
            var id = candidates[i];
            var hire = i < 2;
            var rationale = hire
                ? "The panel saw consistent evidence at the job's level on API design and data modelling; the gaps it noted are coachable in the first quarter."
                : "Evidence stayed below the level on system design and operations; the candidate was candid about it and we would gladly talk again in a year.";
            var request = new RecordDecision.Request(hire ? DecisionOutcomes.Hire : DecisionOutcomes.NoHire, hire ? await TargetAsync(admin, id, ct) : null, rationale, null);
            var decided = await decide.HandleAsync(admin, id, request, ct);
            if (!decided.IsSuccess && decided.Error!.Code == "decision.scorecards_missing")
            {
                decided = await decide.HandleAsync(admin, id, request with { OverrideReason = "The remaining interviewer is on leave; the submitted scorecards agree and the team decided without waiting." }, ct);
            }

            if (!decided.IsSuccess)
            {
                return decided.Error!;
            }

            decisions++;
            if (!hire)
            {
                continue;
            }

            var offer = await OfferAsync(admin, id, ct);
            if (!offer.IsSuccess)
            {
                return offer.Error!;
            }

            offers++;
            foreach (var status in i == 0 ? new[] { OfferStatuses.Sent, OfferStatuses.Accepted } : [OfferStatuses.Sent])
            {
                var moved = await changeOffer.HandleAsync(admin, offer.Value.Id, status, ct);
                if (!moved.IsSuccess)
                {
                    return moved.Error!;
                }
            }

            hires += i == 0 ? 1 : 0;
        }

        var drafted = await draftFeedback.HandleAsync(admin, jobId, ct);
        if (!drafted.IsSuccess)
        {
            return drafted.Error!;
        }

        var sent = 0;
        var reports = await listFeedback.HandleAsync(admin, jobId, ct);
        foreach (var item in reports.Value.Items.Where(r => r.ReportId is not null).Take(2))
        {
            if ((await approveFeedback.HandleAsync(admin, item.ReportId!.Value, ct)).IsSuccess && (await sendFeedback.HandleAsync(admin, item.ReportId.Value, ct)).IsSuccess)
            {
                sent++;
            }
        }

        return new Outcome(decisions, offers, hires, drafted.Value.Drafted, sent);
    }

    /// <summary>An offer in the middle of its band for the job's region, approved (inside the band, nobody else needs to sign).</summary>
    private async Task<Result<Offer>> OfferAsync(Actor admin, Guid applicationId, CancellationToken ct)
    {
        var details = (await getApplication.HandleAsync(admin, applicationId, ct)).Value;
        var (job, kit) = (details.Job.Job, details.Job.Kit);
        var level = (await TargetAsync(admin, applicationId, ct))!.Value;
        var region = job.CompensationRegion ?? (kit.Compensation is { Regions.Count: > 0 } c ? c.Regions[0].Id : null);
        if (region is null)
        {
            return Error.NotFound("demo.no_band", "The kit has no compensation region to offer in.");
        }

        var band = Bands.Check(kit, job, level, region, 1);
        var salary = band is { Min: { } min, Max: { } max } ? (min + max) / 2 / 1000 * 1000 : 100_000;
        var start = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(35);
        var created = await createOffer.HandleAsync(admin, applicationId, new CreateOffer.Request(level, region, salary, null, 0.05m, start), ct);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        var submitted = await changeOffer.HandleAsync(admin, created.Value.Id, OfferStatuses.ApprovalPending, ct);
        if (submitted.IsSuccess && submitted.Value.Status == OfferStatuses.ApprovalPending)
        {
            return await approveOffer.HandleAsync(admin, created.Value.Id, "Above the band on purpose: competing offer in hand, and the panel placed the candidate at the top of the level.", ct);
        }

        return submitted;
    }

    private async Task<Level?> TargetAsync(Actor admin, Guid applicationId, CancellationToken ct) =>
        (await getApplication.HandleAsync(admin, applicationId, ct)).Value.Job.Job.TargetLevel;

    /// <summary>The job's applications in its loop with at least one submitted scorecard, oldest first.</summary>
    private async Task<List<Guid>> InterviewedInLoopAsync(Guid organizationId, Guid jobId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT a.id FROM applications a
            WHERE a.organization_id = @OrganizationId AND a.job_id = @JobId AND a.stage = 'loop'
              AND EXISTS (SELECT 1 FROM scorecards s WHERE s.application_id = a.id AND s.status = 'submitted')
            ORDER BY a.created_at, a.id
            """,
            new { OrganizationId = organizationId, JobId = jobId },
            cancellationToken: ct));
        return ids.ToList();
    }
}
