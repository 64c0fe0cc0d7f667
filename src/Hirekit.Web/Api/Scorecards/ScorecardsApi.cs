using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Hirekit.Core.Kits;
using Hirekit.Core.Scorecards;
using Hirekit.Web.Errors;
using Hirekit.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hirekit.Web.Api.Scorecards;

/// <summary>
/// Scorecards. Each interviewer reads and writes only their own (through the interview); other
/// people's scorecards are read per the independence rules, and a draft is never anyone else's
/// to read (404).
/// </summary>
public static class ScorecardsApi
{
    public sealed record QuestionNotesView(string QuestionId, IReadOnlyList<int> Positive, IReadOnlyList<int> Negative, string Notes);

    public sealed record RatingView(string CompetencyId, Level? Level, bool NoEvidence, string Evidence);

    public sealed record ScorecardView(
        Guid Id, Guid InterviewId, Guid ApplicationId, Guid InterviewerId, string Status, int Revision,
        IReadOnlyList<QuestionNotesView> Questions, IReadOnlyList<RatingView> Ratings, IReadOnlyList<string> RedFlags, string RedFlagNote,
        Recommendation? Recommendation, string Summary, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt);

    public sealed record EntryView(ScorecardView Scorecard, string InterviewerName, string StageName, DateTimeOffset InterviewStartsAt);

    public sealed record ApplicationScorecardsView(IReadOnlyList<EntryView> Scorecards, int Hidden, bool WaitingForYourScorecard);

    public sealed record QuestionNotesRequest(string? QuestionId, List<int>? Positive, List<int>? Negative, string? Notes);

    public sealed record RatingRequest(string? CompetencyId, Level? Level, bool? NoEvidence, string? Evidence);

    /// <summary>The whole content of a scorecard; what is left out is empty. <c>revision</c>, when given, guards against overwriting a newer save.</summary>
    public sealed record ScorecardRequest(
        List<QuestionNotesRequest>? Questions,
        List<RatingRequest>? Ratings,
        List<string>? RedFlags,
        [property: StringLength(ScorecardRules.MaxRedFlagNote)] string? RedFlagNote,
        Recommendation? Recommendation,
        [property: StringLength(ScorecardRules.MaxSummary)] string? Summary,
        int? Revision);

    /// <summary>Submits the saved draft, or <c>content</c> when given (saved and submitted at once).</summary>
    public sealed record SubmitRequest(ScorecardRequest? Content, int? Revision);

    public static IEndpointRouteBuilder MapScorecards(this IEndpointRouteBuilder app)
    {
        var own = app.MapApiGroup("/interviews", "Scorecards");
        own.MapGet("/{interviewId:guid}/scorecard", GetOwn).WithName("GetOwnScorecard");
        own.MapPut("/{interviewId:guid}/scorecard", Save).WithName("SaveScorecard");
        own.MapPost("/{interviewId:guid}/scorecard/submit", Submit).WithName("SubmitScorecard");

        var read = app.MapApiGroup("", "Scorecards");
        read.MapGet("/applications/{applicationId:guid}/scorecards", ForApplication).WithName("ListApplicationScorecards");
        read.MapGet("/scorecards/{scorecardId:guid}", Get).WithName("GetScorecard");
        return app;
    }

    public static async Task<Results<Ok<ScorecardView>, ProblemHttpResult>> GetOwn(Guid interviewId, ClaimsPrincipal principal, GetOwnScorecard useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), interviewId, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value.Card)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<ScorecardView>, ProblemHttpResult>> Save(Guid interviewId, ScorecardRequest request, ClaimsPrincipal principal, SaveScorecard useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), interviewId, Content(request), request.Revision, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<ScorecardView>, ProblemHttpResult>> Submit(Guid interviewId, SubmitRequest? request, ClaimsPrincipal principal, SubmitScorecard useCase, CancellationToken ct)
    {
        var content = request?.Content is { } c ? Content(c) : null;
        var result = await useCase.HandleAsync(principal.ToActor(), interviewId, content, request?.Revision ?? request?.Content?.Revision, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<ApplicationScorecardsView>, ProblemHttpResult>> ForApplication(Guid applicationId, ClaimsPrincipal principal, ListApplicationScorecards useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), applicationId, ct);
        return result.IsSuccess
            ? TypedResults.Ok(new ApplicationScorecardsView(result.Value.Visible.Select(Entry).ToList(), result.Value.Hidden, result.Value.WaitingForOwn))
            : result.Error!.ToProblem();
    }

    public static async Task<Results<Ok<EntryView>, ProblemHttpResult>> Get(Guid scorecardId, ClaimsPrincipal principal, GetScorecard useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(principal.ToActor(), scorecardId, ct);
        return result.IsSuccess ? TypedResults.Ok(Entry(result.Value)) : result.Error!.ToProblem();
    }

    public static ScorecardView View(Scorecard s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var c = s.Content;
        return new ScorecardView(
            s.Id, s.InterviewId, s.ApplicationId, s.InterviewerId, s.Status, s.Revision,
            c.Questions.Select(q => new QuestionNotesView(q.QuestionId, q.Positive, q.Negative, q.Notes)).ToList(),
            c.Ratings.Select(r => new RatingView(r.CompetencyId, r.Level, r.NoEvidence, r.Evidence)).ToList(),
            c.RedFlags, c.RedFlagNote, c.Recommendation, c.Summary, s.CreatedAt, s.UpdatedAt, s.SubmittedAt);
    }

    private static EntryView Entry(ScorecardEntry e) => new(View(e.Card), e.InterviewerName, e.StageName, e.InterviewStartsAt);

    private static ScorecardContent Content(ScorecardRequest r) => new(
        (r.Questions ?? []).Select(q => new QuestionNotes(q.QuestionId ?? "", q.Positive ?? [], q.Negative ?? [], q.Notes ?? "")).ToList(),
        (r.Ratings ?? []).Select(x => new CompetencyRating(x.CompetencyId ?? "", x.Level, x.NoEvidence ?? false, x.Evidence ?? "")).ToList(),
        r.RedFlags ?? [],
        r.RedFlagNote ?? "",
        r.Recommendation,
        r.Summary ?? "");
}
