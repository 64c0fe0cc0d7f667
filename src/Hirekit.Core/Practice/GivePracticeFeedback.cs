using Hirekit.Core.Common;

namespace Hirekit.Core.Practice;

/// <summary>
/// Practice mode's feedback on one answer (ADR 0017): which positive indicators the answer shows
/// evidence of and where, which it does not, the pitfalls whose cues appear, the follow-ups to
/// expect and the kit's model answer notes. No score. The answer is neither stored nor logged.
/// </summary>
public sealed class GivePracticeFeedback(PracticeCatalog catalog)
{
    /// <summary>The longest answer accepted, in characters (UTF-16 code units).</summary>
    public const int MaxAnswerLength = 10_000;

    public sealed record Response(
        PracticeQuestion Question,
        IReadOnlyList<IndicatorFeedback> Matched,
        IReadOnlyList<IndicatorFeedback> Missing,
        IReadOnlyList<IndicatorFeedback> Pitfalls,
        IReadOnlyList<string> FollowUps,
        string? ModelAnswer);

    public Task<Result<Response>> HandleAsync(string questionId, string? answer, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Handle(questionId, answer));
    }

    public Result<Response> Handle(string questionId, string? answer)
    {
        var question = catalog.Find(questionId);
        if (question is null)
        {
            return Error.NotFound("practice.question_not_found", "There is no practice question with this id.");
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            return Error.Validation("answer", "Write an answer first.");
        }

        if (answer.Length > MaxAnswerLength)
        {
            return Error.Validation("answer", $"An answer has at most {MaxAnswerLength:N0} characters; this one has {answer.Length:N0}.");
        }

        var (positive, pitfalls) = catalog.MatcherFor(question).Match(question.Question, answer);
        return new Response(
            question,
            positive.Where(i => i.Passages.Count > 0).ToList(),
            positive.Where(i => i.Passages.Count == 0).ToList(),
            pitfalls.Where(i => i.Passages.Count > 0).ToList(),
            question.Question.FollowUps,
            question.Question.ModelAnswer);
    }
}
