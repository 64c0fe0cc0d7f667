using Hirekit.Core.Common;

namespace Hirekit.Core.Kits;

/// <summary>
/// A hiring kit: everything an interviewer, recruiter and hiring manager need for one role, as
/// described in docs/kit-format.md. Immutable and compared by value; ids inside are the kit's
/// own kebab-case ids (<c>async-event-driven</c>), not database ids.
/// </summary>
public sealed record Kit(
    KitInfo Info,
    ValueList<Round> Rounds,
    ValueList<Specialisation> Specialisations,
    ValueList<CompetencyArea> Areas,
    ValueList<Trait> Traits,
    ValueList<Question> Questions,
    ValueList<Exercise> Exercises,
    WrittenScreen? WrittenScreen,
    ValueList<IntakeQuestion> RoleIntake,
    JobDescriptionGuide? JobDescription,
    ValueList<LoopTemplate> LoopTemplates,
    ResumeFlags? ResumeFlags,
    RedFlags? RedFlags,
    ValueList<HiringMistake> HiringMistakes,
    ValueList<GlossaryTerm> Glossary,
    Compensation? Compensation,
    OnboardingTemplate? Onboarding,
    ValueList<ValueList<string>> Synonyms)
{
    public IEnumerable<Competency> Competencies => Areas.SelectMany(a => a.Competencies);

    public Competency? FindCompetency(string id) => Competencies.FirstOrDefault(c => c.Id == id);

    public Trait? FindTrait(string id) => Traits.FirstOrDefault(t => t.Id == id);

    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public Round? FindRound(string id) => Rounds.FirstOrDefault(r => r.Id == id);
}

public sealed record KitInfo(string Slug, string Name, string Summary, string Overview, bool Public);

public sealed record Round(string Id, string Name, string StageKind, string Description);

/// <param name="Weights">Competency id and weight 1..3; competencies not listed weigh 1.</param>
public sealed record Specialisation(string Id, string Name, string Summary, string Emphasis, ValueList<Weight> Weights, bool Premium);

public sealed record Weight(string Competency, int Value);

public sealed record CompetencyArea(string Id, string Name, string Description, ValueList<Competency> Competencies);

public sealed record Competency(string Id, string Name, string Definition, LevelDescriptors Descriptors, ValueList<string> Topics);

public sealed record LevelDescriptors(string Junior, string Mid, string Senior, string Principal)
{
    public string For(Level level) => level switch
    {
        Level.Junior => Junior,
        Level.Mid => Mid,
        Level.Senior => Senior,
        Level.Principal => Principal,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level."),
    };
}

public sealed record Trait(string Id, string Name, string Definition);

/// <summary>An observable sign in an answer, with the cues that suggest it in writing.</summary>
public sealed record Indicator(string Text, ValueList<string> Cues);

public sealed record Question(
    string Id,
    string Kind,
    string? Competency,
    string? Trait,
    ValueList<Level> Levels,
    string Round,
    string Title,
    string Prompt,
    ValueList<Indicator> Positive,
    ValueList<Indicator> Negative,
    ValueList<string> FollowUps,
    string? ModelAnswer,
    ValueList<string> AssessmentPoints,
    ValueList<Indicator> Pitfalls,
    ValueList<string> RedFlags,
    ValueList<string> StrongAnswer);

public sealed record Exercise(
    string Id,
    string Kind,
    string Title,
    string Language,
    string Context,
    string Diff,
    ValueList<PlantedIssue> PlantedIssues,
    ValueList<RubricCriterion> Rubric);

public sealed record PlantedIssue(string Id, string Severity, int Line, string Title, string Explanation, string Fix);

public sealed record RubricCriterion(string Id, string Name, string Strong, string Weak);

public sealed record WrittenScreen(string Id, string Title, string Instructions, int DeadlineDays, ValueList<string> Questions, string LookFor, ValueList<string> RedFlags);

/// <param name="Answer">"choice" (pick one of <see cref="Options"/>) or "text".</param>
/// <param name="ScreenNote">For text answers: what the answer means for the screen.</param>
public sealed record IntakeQuestion(string Id, string Prompt, string Why, string Answer, ValueList<IntakeOption> Options, string? ScreenNote);

public sealed record IntakeOption(string Id, string Label, IntakeImplication Implies);

public sealed record IntakeImplication(string? Specialisation, Level? Level, string? LoopTemplate, ValueList<Weight> Weights, string ScreenNote);

public sealed record JobDescriptionGuide(ValueList<JobDescriptionSection> Sections, ValueList<AntiPattern> AntiPatterns, JobDescriptionLintSettings Lint);

public sealed record JobDescriptionSection(string Id, string Title, string Guidance, string Example, bool Required);

public sealed record AntiPattern(string Id, string Name, string Explanation, string Fix);

public sealed record JobDescriptionLintSettings(int MaxTechnologiesWithoutPrimary, ValueList<string> Technologies, ValueList<SeniorityWords> SeniorityWords, ValueList<string> PayRangeRequiredIn);

public sealed record SeniorityWords(Level Level, ValueList<string> Words);

public sealed record LoopTemplate(string Id, string Name, string Description, ValueList<LoopStageTemplate> Stages);

public sealed record LoopStageTemplate(
    string Id,
    string Kind,
    string Name,
    int DurationMin,
    int DurationMax,
    ValueList<string> Focus,
    ValueList<string> Traits,
    ValueList<string> Questions,
    string? Exercise,
    bool WrittenScreen);

public sealed record ResumeFlags(ValueList<ResumeFlag> Green, ValueList<ResumeFlag> Yellow);

public sealed record ResumeFlag(string Id, string Text, ValueList<string> Cues);

public sealed record RedFlags(ValueList<RedFlag> Technical, ValueList<RedFlag> Behavioural);

public sealed record RedFlag(string Id, string Text);

public sealed record HiringMistake(string Id, string Title, string Explanation);

public sealed record GlossaryTerm(string Term, string Meaning);

public sealed record Compensation(
    string Source,
    DateOnly AsOf,
    ValueList<CompensationRegion> Regions,
    ValueList<CompensationBand> Bands,
    CompensationPremium Premium,
    EquityGuide Equity,
    string? Notes);

public sealed record CompensationRegion(string Id, string Name, string Currency);

/// <summary>Yearly base salary in the region's currency, whole units.</summary>
public sealed record CompensationBand(Level Level, string Region, int Min, int Max);

public sealed record CompensationPremium(decimal MinPercent, decimal MaxPercent, string Note);

public sealed record EquityGuide(string Stage, ValueList<EquityRange> Ranges);

public sealed record EquityRange(Level Level, decimal MinPercent, decimal MaxPercent);

public sealed record OnboardingTemplate(string Summary, ValueList<OnboardingPhase> Phases);

public sealed record OnboardingPhase(string Id, string Title, int StartDay, int EndDay, string Goal, ValueList<OnboardingItem> Items);

public sealed record OnboardingItem(string Id, string Title, string Description, string Owner);
