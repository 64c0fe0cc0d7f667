using Xunit.Abstractions;

namespace Hirekit.Core.Tests.Practice;

/// <summary>
/// The matcher measured against the labelled set (bench/README.md, "Practice matcher accuracy").
/// The thresholds sit just under the measured figures, so a change that makes the matcher worse fails.
/// </summary>
public sealed class PracticeMatcherAccuracyTests(ITestOutputHelper output)
{
    public const double MinPrecision = 0.90;

    public const double MinRecall = 0.88;

    /// <summary>For the answers written before reading the cues: fewer, and the honest case.</summary>
    public const double MinBlindPrecision = 0.75;

    public const double MinBlindRecall = 0.60;

    [Fact]
    public void LabelledSet_HasAtLeastFortyAnswersOfEveryQualityOverSeveralQuestions()
    {
        var all = LabelledAnswers.All;

        Assert.True(all.Count >= 40, $"{all.Count} answers");
        Assert.Equal(["off-topic", "partial", "strong", "weak"], all.Select(a => a.Quality).Distinct().Order(StringComparer.Ordinal));
        Assert.True(all.Select(a => a.Question).Distinct().Count() >= 5);
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void Matcher_OnTheLabelledSet_MeetsThePrecisionAndRecallThresholds()
    {
        var accuracy = LabelledAnswers.Measure(LabelledAnswers.All);

        output.WriteLine($"Practice matcher over {LabelledAnswers.All.Count} labelled answers: {accuracy.Summary}");
        foreach (var quality in LabelledAnswers.All.Select(a => a.Quality).Distinct())
        {
            output.WriteLine($"  {quality}: {LabelledAnswers.Measure(LabelledAnswers.All.Where(a => a.Quality == quality)).Summary}");
        }

        var blind = LabelledAnswers.All.Where(a => a.Id.StartsWith("blind-", StringComparison.Ordinal)).ToList();
        output.WriteLine($"  written before reading the cues ({blind.Count}): {LabelledAnswers.Measure(blind).Summary}");
        output.WriteLine($"  kit cues only, all answers: {LabelledAnswers.Measure(LabelledAnswers.All, termsPerSentence: 0).Summary}");
        output.WriteLine($"  kit cues only, written before reading the cues: {LabelledAnswers.Measure(blind, termsPerSentence: 0).Summary}");
        foreach (var error in accuracy.Errors)
        {
            output.WriteLine("  " + error);
        }

        Assert.True(accuracy.Precision >= MinPrecision, accuracy.Summary);
        Assert.True(accuracy.Recall >= MinRecall, accuracy.Summary);
        var blindAccuracy = LabelledAnswers.Measure(blind);
        Assert.True(blind.Count >= 8);
        Assert.True(blindAccuracy.Precision >= MinBlindPrecision, blindAccuracy.Summary);
        Assert.True(blindAccuracy.Recall >= MinBlindRecall, blindAccuracy.Summary);
    }

    [Fact]
    public void OffTopicAnswers_GetAlmostNoMatches()
    {
        var offTopic = LabelledAnswers.All.Where(a => a.Quality == "off-topic").ToList();

        var matches = offTopic.Sum(a => LabelledAnswers.Matched(a).Count);

        Assert.True(offTopic.Count >= 5);
        Assert.True(matches <= 1, $"{matches} indicators matched over {offTopic.Count} off-topic answers");
    }
}
