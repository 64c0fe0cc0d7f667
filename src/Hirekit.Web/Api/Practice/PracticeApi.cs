using Hirekit.Core.Practice;
using Hirekit.Web.Errors;
using Hirekit.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Api.Practice;

/// <summary>
/// Practice mode (ADR 0017): feedback on a practice answer to a question of a public shipped kit.
/// Anonymous by design, rate-limited per client address (policy <c>practice</c>, shared with the
/// practice page's form), and stateless: the answer is neither stored nor logged.
/// </summary>
public static class PracticeApi
{
    /// <summary>Room for a maximal answer even when every character is JSON-escaped.</summary>
    public const int MaxRequestBytes = 128 * 1024;

    public const string Notice = "Practice only: the answer is not stored and is never used to assess anyone. Evidence is found by matching words, not by judging the answer.";

    public sealed record FeedbackRequest(string? Answer);

    /// <param name="Start">Offset of the passage in the answer, in UTF-16 code units (a JavaScript string index).</param>
    /// <param name="Length">Length of the passage in UTF-16 code units.</param>
    /// <param name="Cue">Why it matched: a kit cue, or "indicator words: ..." for the indicator's own words.</param>
    public sealed record PassageView(string Text, int Start, int Length, string Cue);

    public sealed record IndicatorView(string Id, string Text, IReadOnlyList<PassageView> Evidence);

    public sealed record FeedbackView(
        string QuestionId,
        string Title,
        IReadOnlyList<IndicatorView> Matched,
        IReadOnlyList<IndicatorView> Missing,
        IReadOnlyList<IndicatorView> Pitfalls,
        IReadOnlyList<string> FollowUps,
        string? ModelAnswer,
        string Notice);

    public static IEndpointRouteBuilder MapPractice(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiRoutes.Prefix + "/practice")
            .WithTags("Practice")
            .AllowAnonymous()
            .RequireRateLimiting(HirekitWebServices.PracticeRateLimit);
        group.AddEndpointFilterFactory(ValidationFilter.Factory);
        group.MapPost("/{questionId}/feedback", Feedback)
            .WithName("GetPracticeFeedback")
            .WithSummary("Evidence for each positive indicator in a practice answer; no score, nothing stored.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes));
        return app;
    }

    public static async Task<Results<Ok<FeedbackView>, ProblemHttpResult>> Feedback(string questionId, FeedbackRequest body, GivePracticeFeedback useCase, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(questionId, body?.Answer, ct);
        return result.IsSuccess ? TypedResults.Ok(View(result.Value)) : result.Error!.ToProblem();
    }

    public static FeedbackView View(GivePracticeFeedback.Response r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new FeedbackView(
            r.Question.Id,
            r.Question.Question.Title,
            r.Matched.Select(View).ToList(),
            r.Missing.Select(View).ToList(),
            r.Pitfalls.Select(View).ToList(),
            r.FollowUps,
            r.ModelAnswer,
            Notice);
    }

    private static IndicatorView View(IndicatorFeedback i) =>
        new(i.Id, i.Text, i.Passages.Select(p => new PassageView(p.Text, p.Start, p.Length, p.Cue)).ToList());
}
