using Hirekit.Core.Common;
using Hirekit.Core.Practice;

namespace Hirekit.Core.Tests.Practice;

public sealed class GivePracticeFeedbackTests
{
    private static readonly GivePracticeFeedback UseCase = new(LabelledAnswers.Catalog);

    [Fact]
    public void Catalog_OffersOnlyPracticeKindsWithPositiveIndicators_FromPublicShippedKits()
    {
        var questions = LabelledAnswers.Catalog.Questions;

        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.Contains(q.Question.Kind, PracticeCatalog.Kinds));
        Assert.All(questions, q => Assert.True(q.Kit.Info.Public));
        Assert.DoesNotContain(questions, q => q.Question.Kind is "screen" or "focus");
        Assert.Contains(questions, q => q.Question.Kind == "design");
        Assert.Contains(questions, q => q.Question.Kind == "attitude");
    }

    [Fact]
    public void Feedback_GivesOffsetsIntoTheAnswer_ThatCoverTheEvidence()
    {
        const string Answer = "The client sends an Idempotency-Key header.\nWe keep it under a unique constraint.";

        var feedback = UseCase.Handle("arch-api-idempotent-create", Answer).Value;

        var p1 = Assert.Single(feedback.Matched, i => i.Id == "p1");
        var passage = Assert.Single(p1.Passages);
        Assert.Equal("Idempotency-Key", Answer.Substring(passage.Start, passage.Length));
        Assert.Equal(passage.Text, Answer.Substring(passage.Start, passage.Length));
        Assert.Equal("idempotency key", passage.Cue);
        Assert.Contains(feedback.Matched, i => i.Id == "p2" && i.Passages[0].Text == "unique constraint");
        Assert.Contains(feedback.Missing, i => i.Id == "p6");
        Assert.Equal(feedback.Question.Question.Positive.Count, feedback.Matched.Count + feedback.Missing.Count);
        Assert.NotEmpty(feedback.FollowUps);
        Assert.False(string.IsNullOrWhiteSpace(feedback.ModelAnswer));
    }

    [Fact]
    public void Feedback_ReportsPitfallsWhoseCuesAppear_AndNothingForAnEmptyHandedAnswer()
    {
        var feedback = UseCase.Handle("tech-slow-query", "I would just cache it and buy a bigger instance.").Value;

        var pitfall = Assert.Single(feedback.Pitfalls);
        Assert.Equal("f1", pitfall.Id);
        Assert.Equal(["just cache", "bigger instance"], pitfall.Passages.Select(p => p.Cue));
        Assert.Empty(feedback.Matched);
    }

    [Fact]
    public void TheIndicatorsOwnWords_CountOnlyWhenTwoDistinctiveOnesShareASentence()
    {
        // p6 of the SLO question: histograms or threshold counts for latency, percentiles not averaged.
        var together = UseCase.Handle("plat-obs-slo-alerting", "Latency belongs in buckets and is never averaged across instances.").Value;
        var apart = UseCase.Handle("plat-obs-slo-alerting", "Latency matters. Instances matter too.").Value;

        var p6 = Assert.Single(together.Matched, i => i.Id == "p6");
        Assert.Equal("indicator words: latency, averages, instances", Assert.Single(p6.Passages).Cue);
        Assert.DoesNotContain(apart.Matched, i => i.Id == "p6");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public void EmptyAnswers_AreRefused(string? answer)
    {
        var result = UseCase.Handle("tech-slow-query", answer);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
    }

    [Fact]
    public void AnswersOverTheLimit_AreRefused_AndAnswersAtTheLimitAccepted()
    {
        Assert.Equal(ErrorKind.Validation, UseCase.Handle("tech-slow-query", new string('a', GivePracticeFeedback.MaxAnswerLength + 1)).Error!.Kind);
        Assert.True(UseCase.Handle("tech-slow-query", new string('a', GivePracticeFeedback.MaxAnswerLength)).IsSuccess);
    }

    [Fact]
    public void UnknownAndNonPracticeQuestions_AreNotFound()
    {
        Assert.Equal(ErrorKind.NotFound, UseCase.Handle("no-such-question", "an answer").Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, UseCase.Handle("screen-db-performance-diagnosis", "an answer").Error!.Kind);
    }
}
