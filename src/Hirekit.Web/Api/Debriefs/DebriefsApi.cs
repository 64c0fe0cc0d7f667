using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hirekit.Core.Debriefs;
using Hirekit.Core.Kits;
using Hirekit.Core.Offers;
using Hirekit.Core.Scorecards;
using Hirekit.Web.Errors;
using Hirekit.Web.Pages.Shared;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Debriefs;

/// <summary>
/// Debrief, decision and offers. The debrief aggregates the scorecards the caller may read; the
/// job's hiring managers and admins decide; admins, recruiters and hiring managers draft and move
/// offers; admins approve offers outside their band.
/// </summary>
public static class DebriefsApi
{
    public sealed record RatingView(Guid ScorecardId, Guid InterviewerId, string InterviewerName, string Stage, Level? Level, bool NoEvidence, string Evidence);

    public sealed record CompetencyView(string Id, string Name, int Weight, Level? AssessedLevel, Level? Lowest, Level? Highest, bool Disagreement, bool Gap, IReadOnlyList<RatingView> Ratings);

    public sealed record ShareView(Level Level, decimal Share);

    public sealed record RedFlagView(string InterviewerName, string Stage, string? FlagId, string Text, string Note);

    public sealed record MissingView(Guid InterviewId, string InterviewerName, string Stage, DateTimeOffset StartsAt);

    public sealed record DecisionView(Guid Id, string Outcome, Level? Level, string Rationale, string? OverrideReason, int PendingScorecards, Level? AssessedLevel, Guid DecidedBy, string DecidedByName, DateTimeOffset DecidedAt);

    public sealed record BandView(int? Min, int? Max, bool PremiumApplied, bool Within, string Explanation);

    public sealed record OfferView(
        Guid Id, Guid ApplicationId, Level Level, string Region, string Currency, int BaseSalary, decimal? EquityPercent, DateOnly StartDate, BandView Band,
        string Status, string? ApprovalReason, Guid? ApprovedBy, DateTimeOffset? ApprovedAt, string LetterMarkdown, string LetterHtml, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record DebriefView(
        Guid ApplicationId, string CandidateName, string JobTitle, Level TargetLevel, Level? OverallLevel, string Comparison, string Rule,
        IReadOnlyList<CompetencyView> Competencies, IReadOnlyList<ShareView> Shares, IReadOnlyDictionary<string, int> Recommendations,
        IReadOnlyList<RedFlagView> RedFlags, int SubmittedScorecards, IReadOnlyList<MissingView> MissingScorecards, int HiddenScorecards,
        bool CanDecide, IReadOnlyList<DecisionView> Decisions, IReadOnlyList<OfferView> Offers);

    public sealed record DecisionRequest(
        [property: Required] string? Outcome,
        Level? Level,
        [property: Required, StringLength(RecordDecision.MaxText)] string? Rationale,
        [property: StringLength(RecordDecision.MaxText)] string? OverrideReason);

    public sealed record OfferRequest(Level? Level, [property: StringLength(60)] string? Region, [property: Required] int? BaseSalary, [property: StringLength(3)] string? Currency, decimal? EquityPercent, [property: Required] DateOnly? StartDate);

    public sealed record ApproveRequest([property: StringLength(RecordDecision.MaxText)] string? Reason);

    public sealed record StatusRequest([property: Required] string? Status);

    public static IEndpointRouteBuilder MapDebriefs(this IEndpointRouteBuilder app)
    {
        var read = app.MapApiGroup("/applications", "Debriefs");
        read.MapGet("/{applicationId:guid}/debrief", Get).WithName("GetDebrief").WithSummary(Levelling.Rule);

        var hiring = app.MapApiGroup("/applications", "Debriefs", Policies.Hiring);
        hiring.MapPost("/{applicationId:guid}/decision", Decide).WithName("RecordDecision").WithSummary("Hiring managers of the job and admins; 409 decision.scorecards_missing unless overrideReason.");
        hiring.MapPost("/{applicationId:guid}/offer", CreateOffer).WithName("CreateOffer");

        var offers = app.MapApiGroup("/offers", "Offers");
        offers.MapGet("/{offerId:guid}", GetOffer).WithName("GetOffer");
        var offerWrites = app.MapApiGroup("/offers", "Offers", Policies.Hiring);
        offerWrites.MapPost("/{offerId:guid}/approve", Approve).WithName("ApproveOffer").WithSummary("Admins; a reason is required outside the band.");
        offerWrites.MapPost("/{offerId:guid}/status", ChangeStatus).WithName("ChangeOfferStatus").WithSummary("draft → approval_pending (inside the band: approved at once) → approved → sent → accepted | declined.");
        return app;
    }

    public static async Task<Results<Ok<DebriefView>, ProblemHttpResult>> Get(Guid applicationId, ClaimsPrincipal principal, GetDebrief useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<DecisionView>, ProblemHttpResult>> Decide(Guid applicationId, DecisionRequest request, ClaimsPrincipal principal, RecordDecision useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, new RecordDecision.Request(request.Outcome, request.Level, request.Rationale, request.OverrideReason), ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Created<OfferView>, ProblemHttpResult>> CreateOffer(Guid applicationId, OfferRequest request, ClaimsPrincipal principal, CreateOffer useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, new CreateOffer.Request(request.Level, request.Region, request.BaseSalary, request.Currency, request.EquityPercent, request.StartDate), ct);
        return result.IsSuccess ? TypedResults.Created($"{ApiRoutes.Prefix}/offers/{result.Value.Id}", View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<OfferView>, ProblemHttpResult>> GetOffer(Guid offerId, ClaimsPrincipal principal, GetOffer useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), offerId, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value.Offer)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<OfferView>, ProblemHttpResult>> Approve(Guid offerId, ApproveRequest request, ClaimsPrincipal principal, ApproveOffer useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), offerId, request.Reason, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<OfferView>, ProblemHttpResult>> ChangeStatus(Guid offerId, StatusRequest request, ClaimsPrincipal principal, ChangeOfferStatus useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), offerId, request.Status, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static OfferView View(Offer o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OfferView(
            o.Id, o.ApplicationId, o.Level, o.Region, o.Currency, o.BaseSalary, o.EquityPercent, o.StartDate,
            new BandView(o.Band.Min, o.Band.Max, o.Band.PremiumApplied, o.Band.Within, o.Band.Explanation),
            o.Status, o.ApprovalReason, o.ApprovedBy, o.ApprovedAt, o.LetterMarkdown, Markdown.ToHtml(o.LetterMarkdown).ToString() ?? "", o.CreatedAt, o.UpdatedAt);
    }

    private static DecisionView View(Decision d) =>
        new(d.Id, d.Outcome, d.Level, d.Rationale, d.OverrideReason, d.PendingScorecards, d.AssessedLevel, d.DecidedBy, d.DecidedByName, d.DecidedAt);

    private static DebriefView View(Debrief d)
    {
        var a = d.Application;
        return new DebriefView(
            a.Summary.Application.Id, a.Candidate.Name, a.Job.Job.Title, d.Target, d.Levelling.Overall, d.Comparison, Levelling.Rule,
            d.Levelling.Competencies.Select(c => new CompetencyView(
                c.CompetencyId, c.Name, c.Weight, c.Assessed, c.Lowest, c.Highest, c.Disagreement, c.Gap,
                c.Ratings.Select(r => new RatingView(r.ScorecardId, r.InterviewerId, r.InterviewerName, r.StageName, r.Level, r.NoEvidence, r.Evidence)).ToList())).ToList(),
            d.Levelling.Shares.Select(s => new ShareView(s.Level, s.Share)).ToList(),
            d.Tally.ToDictionary(t => RecommendationCode(t.Key), t => t.Value),
            d.RedFlags.Select(f => new RedFlagView(f.InterviewerName, f.StageName, f.FlagId, f.Text, f.Note)).ToList(),
            d.Submitted.Count,
            d.Missing.Select(m => new MissingView(m.InterviewId, m.InterviewerName, m.StageName, m.InterviewStartsAt)).ToList(),
            d.Hidden,
            d.CanDecide,
            d.Decisions.Select(View).ToList(),
            d.Offers.Select(View).ToList());
    }

    private static string RecommendationCode(Recommendation r) => r switch
    {
        Recommendation.StrongNo => "strong_no",
        Recommendation.No => "no",
        Recommendation.Yes => "yes",
        _ => "strong_yes",
    };
}
