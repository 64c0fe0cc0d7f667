using System.Text.Json;
using Hirekit.Core.Feedback;
using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;
using Hirekit.Core.Onboarding;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Tests.Jobs;

namespace Hirekit.Core.Tests.Feedback;

public sealed class FeedbackReportBuilderTests
{
    private static Kit Kit => JobFixtures.ShippedKit;

    [Fact]
    public void StrengthsComeFirst_AndGrowthAreasCarryTheNextLevelAndTheKitsTopics()
    {
        var question = Kit.Questions.First(q => q.Competency is not null && q.Positive.Count > 1);
        var other = Kit.Competencies.First(c => c.Id != question.Competency);
        var cards = new[]
        {
            Card("Ana", question, [(question.Competency!, Level.Principal), (other.Id, Level.Mid)]),
        };

        var content = FeedbackReportBuilder.Build(Kit, Level.Senior, "Backend Engineer", "Acme", cards);

        Assert.Equal([FeedbackKinds.Strength, FeedbackKinds.Growth], content.Sections.Select(s => s.Kind));
        var growth = content.Sections[1];
        Assert.Equal(other.Id, growth.CompetencyId);
        Assert.Contains(other.Descriptors.For(Level.Senior), growth.NextStep, StringComparison.Ordinal);
        Assert.Equal(other.Topics, growth.Topics);
        Assert.Equal([question.Positive[0].Text], content.Sections[0].Observed);
    }

    [Fact]
    public void NoPanel_WhateverItWrote_PutsNamesNotesEvidenceFlagsOrNegativeIndicatorsInTheReport()
    {
        var random = new Random(20261121);
        var questions = Kit.Questions.Where(q => q.Competency is not null && q.Negative.Count > 0).ToList();
        for (var round = 0; round < 200; round++)
        {
            var cards = Enumerable.Range(0, random.Next(1, 5)).Select(i =>
            {
                var q = questions[random.Next(questions.Count)];
                var levels = Kit.Competencies.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(c => (c.Id, (Level)random.Next(1, 5))).ToList();
                return Card($"Interviewer{i}Zqxv", q, levels, flags: ["happy-path-only"]);
            }).ToList();

            var json = JsonSerializer.Serialize(FeedbackReportBuilder.Build(Kit, Level.Senior, "Backend Engineer", "Acme", cards));

            Assert.DoesNotContain("Zqxv", json, StringComparison.Ordinal);
            foreach (var card in cards)
            {
                var q = Kit.FindQuestion(card.Card.Content.Questions[0].QuestionId)!;
                Assert.All(q.Negative, n => Assert.DoesNotContain(JsonSerializer.Serialize(n.Text).Trim('"'), json, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void ThePlan_DatesEveryItemFromTheStartDate_AndAddsAGoalPerGrowthArea()
    {
        var start = new DateOnly(2026, 3, 2);
        var growth = new[] { new GrowthArea("service-api", "Service API Development", Level.Mid, Level.Senior, "descriptor") };

        var items = OnboardingPlanBuilder.Build(Kit, start, growth);

        foreach (var phase in Kit.Onboarding!.Phases)
        {
            Assert.All(items.Where(i => i.PhaseId == phase.Id && i.Kind == OnboardingItemKinds.Template), i => Assert.Equal(start.AddDays(phase.EndDay - 1), i.DueDate));
        }

        var goal = Assert.Single(items, i => i.Kind == OnboardingItemKinds.Growth);
        Assert.Equal(start.AddDays(Kit.Onboarding.Phases.Max(p => p.EndDay) - 1), goal.DueDate);
        Assert.Equal(Enumerable.Range(0, items.Count), items.Select(i => i.Position));
    }

    private static ScorecardEntry Card(string interviewer, Question question, IReadOnlyList<(string Competency, Level Level)> levels, IReadOnlyList<string>? flags = null)
    {
        var now = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        var content = new ScorecardContent(
            [new QuestionNotes(question.Id, [0], Enumerable.Range(0, question.Negative.Count).ToList(), $"{interviewer} Zqxv note")],
            levels.Select(l => new CompetencyRating(l.Competency, l.Level, false, $"{interviewer} Zqxv evidence")).ToList(),
            flags ?? [],
            $"{interviewer} Zqxv flag note",
            Recommendation.Yes,
            $"{interviewer} Zqxv summary");
        var card = Scorecard.NewDraft(Guid.Empty, Guid.NewGuid(), Guid.Empty, Guid.NewGuid(), now) with { Status = ScorecardStatuses.Submitted, SubmittedAt = now, Content = content };
        return new ScorecardEntry(card, interviewer, "Coding", InterviewStatuses.Scheduled, now, now.AddHours(1));
    }
}
