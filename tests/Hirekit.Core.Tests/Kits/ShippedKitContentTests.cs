using Hirekit.Core.Kits;

namespace Hirekit.Core.Tests.Kits;

/// <summary>The minimums the backend developer kit promises (content/kits/backend-developer).</summary>
public sealed class ShippedKitContentTests
{
    private static Kit Kit => ShippedKit.Load();

    [Fact]
    public void ShippedKit_IsSchemaValid()
    {
        var result = ShippedKit.LoadResult;

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Equal("backend-developer", result.Kit!.Info.Slug);
    }

    [Fact]
    public void ShippedKit_HasThreeAreasAndTwelveCompetenciesWithFourDescriptorsEach()
    {
        var competencies = Kit.Competencies.ToList();

        Assert.Equal(3, Kit.Areas.Count);
        Assert.Equal(12, competencies.Count);
        var descriptors = competencies.SelectMany(c => Levels.All.Select(c.Descriptors.For)).ToList();
        Assert.Equal(48, descriptors.Count);
        Assert.All(descriptors, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.All(competencies, c => Assert.True(c.Topics.Count >= 2, c.Id));
    }

    [Fact]
    public void ShippedKit_HasAtLeastTwoCompetencyQuestionsPerCompetency()
    {
        var competencyQuestions = Kit.Questions.Where(q => q.Kind == "competency").ToList();

        Assert.True(competencyQuestions.Count >= 24, $"{competencyQuestions.Count} competency questions");
        Assert.All(Kit.Competencies, c => Assert.True(competencyQuestions.Count(q => q.Competency == c.Id) >= 2, c.Id));
        Assert.All(Kit.Competencies, c => Assert.True(Kit.Questions.Count(q => q.Competency == c.Id) >= 2, c.Id));
    }

    [Fact]
    public void ShippedKit_HasAttitudeQuestionsOverEightDefinedTraits()
    {
        var attitude = Kit.Questions.Where(q => q.Kind == "attitude").ToList();
        var traits = attitude.Select(q => q.Trait!).Distinct().ToList();

        Assert.True(attitude.Count >= 19, $"{attitude.Count} attitude questions");
        Assert.True(traits.Count >= 8, $"{traits.Count} traits");
        Assert.All(traits, t => Assert.NotNull(Kit.FindTrait(t)));
        Assert.All(Kit.Traits, t => Assert.False(string.IsNullOrWhiteSpace(t.Definition)));
    }

    [Fact]
    public void ShippedKit_HasTenCompleteTechnicalQuestions()
    {
        var technical = Kit.Questions.Where(q => q.Kind == "technical").ToList();

        Assert.Equal(10, technical.Count);
        Assert.All(technical, q =>
        {
            Assert.True(q.AssessmentPoints.Count >= 2, q.Id);
            Assert.False(string.IsNullOrWhiteSpace(q.ModelAnswer), q.Id);
            Assert.True(q.Pitfalls.Count >= 2, q.Id);
            Assert.True(q.FollowUps.Count >= 2, q.Id);
        });
    }

    [Fact]
    public void ShippedKit_HasTheThreeFocusQuestionsWithRedFlags()
    {
        string[] ids = ["focus-url-shortener", "focus-production-outage", "focus-sql-vs-nosql"];

        Assert.Equal(ids.Order(StringComparer.Ordinal), Kit.Questions.Where(q => q.Kind == "focus").Select(q => q.Id).Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.NotEmpty(Kit.FindQuestion(id)!.RedFlags));
    }

    [Fact]
    public void ShippedKit_HasAWrittenScreenOfScreenQuestions()
    {
        var screen = Kit.WrittenScreen!;

        Assert.True(screen.Questions.Count >= 3);
        Assert.All(screen.Questions, id => Assert.Equal("screen", Kit.FindQuestion(id)?.Kind));
        Assert.InRange(screen.DeadlineDays, 1, 30);
        Assert.All(screen.Questions.Select(id => Kit.FindQuestion(id)!), q => Assert.True(q.StrongAnswer.Count >= 3 && q.RedFlags.Count > 0, q.Id));
    }

    [Fact]
    public void ShippedKit_HasACodeReviewExerciseWithPlantedIssuesAndARubric()
    {
        var exercise = Assert.Single(Kit.Exercises);
        var diffLines = exercise.Diff.Split('\n').Length;

        Assert.Equal("code_review", exercise.Kind);
        Assert.True(exercise.PlantedIssues.Count >= 3);
        Assert.True(exercise.PlantedIssues.Select(i => i.Severity).Distinct().Count() >= 2);
        Assert.All(exercise.PlantedIssues, i => Assert.InRange(i.Line, 1, diffLines));
        Assert.True(exercise.Rubric.Count >= 3);
    }

    [Fact]
    public void ShippedKit_HasTheDesignQuestion()
    {
        var design = Assert.Single(Kit.Questions, q => q.Kind == "design");

        Assert.NotNull(Kit.FindCompetency(design.Competency!));
        Assert.True(design.StrongAnswer.Count >= 3);
        Assert.NotEmpty(design.RedFlags);
        Assert.False(string.IsNullOrWhiteSpace(design.ModelAnswer));
    }

    [Fact]
    public void ShippedKit_HasSevenRoleIntakeQuestions()
    {
        Assert.Equal(7, Kit.RoleIntake.Count);
        Assert.All(Kit.RoleIntake, q => Assert.True(q.Answer == "text" ? q.ScreenNote is not null : q.Options.Count >= 2, q.Id));
    }

    [Fact]
    public void ShippedKit_JobDescriptionCoversTheKeySectionsAndTheToolListAntiPattern()
    {
        var guide = Kit.JobDescription!;

        Assert.Subset(guide.Sections.Select(s => s.Id).ToHashSet(), new HashSet<string> { "stack", "scale", "challenge", "success" });
        Assert.Contains(guide.AntiPatterns, a => a.Id.StartsWith("tool-list", StringComparison.Ordinal));
        Assert.True(guide.Lint.Technologies.Count > guide.Lint.MaxTechnologiesWithoutPrimary);
    }

    [Fact]
    public void ShippedKit_HasTheStandardAndWrittenScreenLoops()
    {
        Assert.Equal(["standard-loop", "written-screen-loop"], Kit.LoopTemplates.Select(l => l.Id));
        Assert.Contains(Kit.LoopTemplates[1].Stages, s => s.WrittenScreen);
        Assert.Contains(Kit.LoopTemplates.SelectMany(l => l.Stages), s => s.Exercise == Kit.Exercises[0].Id);
    }

    [Fact]
    public void ShippedKit_HasFiveGreenAndFourYellowResumeFlags()
    {
        Assert.Equal(5, Kit.ResumeFlags!.Green.Count);
        Assert.Equal(4, Kit.ResumeFlags.Yellow.Count);
        Assert.All(Kit.ResumeFlags.Green.Concat(Kit.ResumeFlags.Yellow), f => Assert.NotEmpty(f.Cues));
    }

    [Fact]
    public void ShippedKit_HasAGlossaryOfAtLeastTwelveTerms() => Assert.True(Kit.Glossary.Count >= 12, $"{Kit.Glossary.Count} terms");

    [Fact]
    public void ShippedKit_HasCompensationBandsForEachLevelAndRegion()
    {
        var compensation = Kit.Compensation!;

        Assert.False(string.IsNullOrWhiteSpace(compensation.Source));
        Assert.NotEqual(default, compensation.AsOf);
        foreach (var level in new[] { Level.Mid, Level.Senior, Level.Principal })
        {
            foreach (var region in new[] { "remote-global", "us", "western-europe" })
            {
                var band = Assert.Single(compensation.Bands, b => b.Level == level && b.Region == region);
                Assert.True(band.Min > 0 && band.Min <= band.Max, $"{level} {region}");
            }
        }

        Assert.Equal((15m, 25m), (compensation.Premium.MinPercent, compensation.Premium.MaxPercent));
        Assert.NotEmpty(compensation.Equity.Ranges);
        Assert.All(compensation.Equity.Ranges, r => Assert.True(r.MinPercent <= r.MaxPercent));
        Assert.Contains(Kit.Specialisations, s => s.Premium);
    }

    [Fact]
    public void ShippedKit_OnboardingPhasesCoverDaysOneToNinety()
    {
        var phases = Kit.Onboarding!.Phases.OrderBy(p => p.StartDay).ToList();

        Assert.Equal(1, phases[0].StartDay);
        Assert.Equal(90, phases[^1].EndDay);
        for (var i = 1; i < phases.Count; i++)
        {
            Assert.Equal(phases[i - 1].EndDay + 1, phases[i].StartDay);
        }

        Assert.All(phases, p => Assert.NotEmpty(p.Items));
    }

    [Fact]
    public void ShippedKit_IndicatorsAreNonEmptyAndDistinctWithinEachQuestion()
    {
        Assert.All(Kit.Questions, q =>
        {
            var texts = q.Positive.Concat(q.Negative).Concat(q.Pitfalls).Select(i => i.Text).ToList();
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t), q.Id));
            Assert.Equal(texts.Count, texts.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.True(q.Positive.Count >= 4 && q.Negative.Count >= 4, q.Id);
            Assert.All(q.Positive, i => Assert.NotEmpty(i.Cues));
        });
    }

    [Fact]
    public void ShippedKit_EveryReferenceResolves()
    {
        Assert.All(Kit.Questions, q =>
        {
            Assert.NotNull(Kit.FindRound(q.Round));
            Assert.True(q.Competency is null || Kit.FindCompetency(q.Competency) is not null, q.Id);
            Assert.True(q.Trait is null || Kit.FindTrait(q.Trait) is not null, q.Id);
        });
        var stages = Kit.LoopTemplates.SelectMany(l => l.Stages).ToList();
        Assert.All(stages.SelectMany(s => s.Focus), id => Assert.NotNull(Kit.FindCompetency(id)));
        Assert.All(stages.SelectMany(s => s.Traits), id => Assert.NotNull(Kit.FindTrait(id)));
        Assert.All(stages.SelectMany(s => s.Questions), id => Assert.NotNull(Kit.FindQuestion(id)));
        Assert.All(Kit.Specialisations.SelectMany(s => s.Weights), w => Assert.NotNull(Kit.FindCompetency(w.Competency)));
        var implications = Kit.RoleIntake.SelectMany(q => q.Options).Select(o => o.Implies).ToList();
        Assert.All(implications.SelectMany(i => i.Weights), w => Assert.NotNull(Kit.FindCompetency(w.Competency)));
        Assert.All(implications.Where(i => i.Specialisation is not null), i => Assert.Contains(Kit.Specialisations, s => s.Id == i.Specialisation));
        Assert.All(implications.Where(i => i.LoopTemplate is not null), i => Assert.Contains(Kit.LoopTemplates, l => l.Id == i.LoopTemplate));
        Assert.All(Kit.Compensation!.Bands, b => Assert.Contains(Kit.Compensation.Regions, r => r.Id == b.Region));
    }
}
