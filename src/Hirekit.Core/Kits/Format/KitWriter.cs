using System.Globalization;
using Hirekit.Core.Common;

namespace Hirekit.Core.Kits.Format;

/// <summary>
/// Writes a kit as one canonical YAML document in the export format: <c>format: hirekit-kit/1</c>
/// first, then every section and field in the order of docs/kit-format.md, optional values that
/// are absent (null, empty lists) left out, levels as codes, numbers in the invariant culture and
/// dates as YYYY-MM-DD. The output depends only on the kit's content, so writing an equal kit gives
/// identical text, and <c>KitLoader.Parse(KitWriter.ToYaml(kit)).Kit</c> equals any kit the loader
/// produced (texts are compared after the loader's right-trim, which loaded kits already satisfy).
/// </summary>
public static class KitWriter
{
    /// <summary>
    /// The whole kit as ONE canonical YAML document in the export format (all sections, in the order
    /// of docs/kit-format.md, <c>format: hirekit-kit/1</c> first). KitLoader.Parse(KitWriter.ToYaml(k)).Kit == k.
    /// </summary>
    public static string ToYaml(Kit kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var w = new YamlEventWriter(text);
        w.BeginDocument();
        w.BeginMapping();
        Field(w, KitReader.FormatKey, Vocabulary.Format);
        WriteKitInfo(w, kit.Info);
        List(w, "rounds", kit.Rounds, WriteRound, always: true);
        List(w, "specialisations", kit.Specialisations, WriteSpecialisation);
        List(w, "areas", kit.Areas, WriteArea, always: true);
        List(w, "traits", kit.Traits, WriteTrait);
        List(w, "questions", kit.Questions, WriteQuestion);
        List(w, "synonyms", kit.Synonyms, (x, group) => TextItems(x, group, flow: true));
        List(w, "exercises", kit.Exercises, WriteExercise);
        Section(w, "written_screen", kit.WrittenScreen, WriteWrittenScreen);
        List(w, "role_intake", kit.RoleIntake, WriteIntakeQuestion);
        Section(w, "job_description", kit.JobDescription, WriteJobDescription);
        List(w, "loop_templates", kit.LoopTemplates, WriteLoopTemplate);
        Section(w, "resume_flags", kit.ResumeFlags, WriteResumeFlags);
        Section(w, "red_flags", kit.RedFlags, WriteRedFlags);
        List(w, "hiring_mistakes", kit.HiringMistakes, WriteHiringMistake);
        List(w, "glossary", kit.Glossary, WriteGlossaryTerm);
        Section(w, "compensation", kit.Compensation, WriteCompensation);
        Section(w, "onboarding", kit.Onboarding, WriteOnboarding);
        w.EndMapping();
        w.EndDocument();
        return text.ToString();
    }

    private static void WriteKitInfo(YamlEventWriter w, KitInfo info)
    {
        w.Key("kit");
        w.BeginMapping();
        Field(w, "slug", info.Slug);
        Field(w, "name", info.Name);
        Field(w, "summary", info.Summary);
        Field(w, "overview", info.Overview);
        Field(w, "public", info.Public);
        w.EndMapping();
    }

    private static void WriteRound(YamlEventWriter w, Round round)
    {
        w.BeginMapping();
        Field(w, "id", round.Id);
        Field(w, "name", round.Name);
        Field(w, "stage_kind", round.StageKind);
        Field(w, "description", round.Description);
        w.EndMapping();
    }

    private static void WriteSpecialisation(YamlEventWriter w, Specialisation specialisation)
    {
        w.BeginMapping();
        Field(w, "id", specialisation.Id);
        Field(w, "name", specialisation.Name);
        Field(w, "summary", specialisation.Summary);
        Field(w, "emphasis", specialisation.Emphasis);
        Weights(w, specialisation.Weights);
        Field(w, "premium", specialisation.Premium);
        w.EndMapping();
    }

    private static void Weights(YamlEventWriter w, ValueList<Weight> weights)
    {
        if (weights.Count == 0)
        {
            return;
        }

        w.Key("weights");
        w.BeginMapping();
        foreach (var weight in weights)
        {
            Field(w, weight.Competency, weight.Value);
        }

        w.EndMapping();
    }

    private static void WriteArea(YamlEventWriter w, CompetencyArea area)
    {
        w.BeginMapping();
        Field(w, "id", area.Id);
        Field(w, "name", area.Name);
        Field(w, "description", area.Description);
        List(w, "competencies", area.Competencies, WriteCompetency, always: true);
        w.EndMapping();
    }

    private static void WriteCompetency(YamlEventWriter w, Competency competency)
    {
        w.BeginMapping();
        Field(w, "id", competency.Id);
        Field(w, "name", competency.Name);
        Field(w, "definition", competency.Definition);
        w.Key("descriptors");
        w.BeginMapping();
        foreach (var level in Levels.All)
        {
            Field(w, level.Code(), competency.Descriptors.For(level));
        }

        w.EndMapping();
        TextList(w, "topics", competency.Topics, always: true);
        w.EndMapping();
    }

    private static void WriteTrait(YamlEventWriter w, Trait trait)
    {
        w.BeginMapping();
        Field(w, "id", trait.Id);
        Field(w, "name", trait.Name);
        Field(w, "definition", trait.Definition);
        w.EndMapping();
    }

    private static void WriteQuestion(YamlEventWriter w, Question question)
    {
        w.BeginMapping();
        Field(w, "id", question.Id);
        Field(w, "kind", question.Kind);
        OptionalField(w, "competency", question.Competency);
        OptionalField(w, "trait", question.Trait);
        w.Key("levels");
        TextItems(w, question.Levels.Select(l => l.Code()), flow: true);
        Field(w, "round", question.Round);
        Field(w, "title", question.Title);
        Field(w, "prompt", question.Prompt);
        List(w, "positive", question.Positive, WriteIndicator, always: true);
        List(w, "negative", question.Negative, WriteIndicator, always: true);
        TextList(w, "follow_ups", question.FollowUps, always: true);
        OptionalField(w, "model_answer", question.ModelAnswer);
        TextList(w, "assessment_points", question.AssessmentPoints);
        List(w, "pitfalls", question.Pitfalls, WriteIndicator);
        TextList(w, "red_flags", question.RedFlags);
        TextList(w, "strong_answer", question.StrongAnswer);
        w.EndMapping();
    }

    private static void WriteIndicator(YamlEventWriter w, Indicator indicator)
    {
        w.BeginMapping();
        Field(w, "text", indicator.Text);
        TextList(w, "cues", indicator.Cues, flow: true);
        w.EndMapping();
    }

    private static void WriteExercise(YamlEventWriter w, Exercise exercise)
    {
        w.BeginMapping();
        Field(w, "id", exercise.Id);
        Field(w, "kind", exercise.Kind);
        Field(w, "title", exercise.Title);
        Field(w, "language", exercise.Language);
        Field(w, "context", exercise.Context);
        Field(w, "diff", exercise.Diff);
        List(w, "planted_issues", exercise.PlantedIssues, WritePlantedIssue, always: true);
        List(w, "rubric", exercise.Rubric, WriteRubricCriterion, always: true);
        w.EndMapping();
    }

    private static void WritePlantedIssue(YamlEventWriter w, PlantedIssue issue)
    {
        w.BeginMapping();
        Field(w, "id", issue.Id);
        Field(w, "severity", issue.Severity);
        Field(w, "line", issue.Line);
        Field(w, "title", issue.Title);
        Field(w, "explanation", issue.Explanation);
        Field(w, "fix", issue.Fix);
        w.EndMapping();
    }

    private static void WriteRubricCriterion(YamlEventWriter w, RubricCriterion criterion)
    {
        w.BeginMapping();
        Field(w, "id", criterion.Id);
        Field(w, "name", criterion.Name);
        Field(w, "strong", criterion.Strong);
        Field(w, "weak", criterion.Weak);
        w.EndMapping();
    }

    private static void WriteWrittenScreen(YamlEventWriter w, WrittenScreen screen)
    {
        Field(w, "id", screen.Id);
        Field(w, "title", screen.Title);
        Field(w, "instructions", screen.Instructions);
        Field(w, "deadline_days", screen.DeadlineDays);
        TextList(w, "questions", screen.Questions, always: true);
        Field(w, "look_for", screen.LookFor);
        TextList(w, "red_flags", screen.RedFlags);
    }

    private static void WriteIntakeQuestion(YamlEventWriter w, IntakeQuestion question)
    {
        w.BeginMapping();
        Field(w, "id", question.Id);
        Field(w, "prompt", question.Prompt);
        Field(w, "why", question.Why);
        Field(w, "answer", question.Answer);
        List(w, "options", question.Options, WriteIntakeOption);
        OptionalField(w, "screen_note", question.ScreenNote);
        w.EndMapping();
    }

    private static void WriteIntakeOption(YamlEventWriter w, IntakeOption option)
    {
        w.BeginMapping();
        Field(w, "id", option.Id);
        Field(w, "label", option.Label);
        w.Key("implies");
        w.BeginMapping();
        OptionalField(w, "specialisation", option.Implies.Specialisation);
        OptionalField(w, "level", option.Implies.Level?.Code());
        OptionalField(w, "loop_template", option.Implies.LoopTemplate);
        Weights(w, option.Implies.Weights);
        Field(w, "screen_note", option.Implies.ScreenNote);
        w.EndMapping();
        w.EndMapping();
    }

    private static void WriteJobDescription(YamlEventWriter w, JobDescriptionGuide guide)
    {
        List(w, "sections", guide.Sections, WriteJobSection);
        List(w, "anti_patterns", guide.AntiPatterns, WriteAntiPattern);
        w.Key("lint");
        w.BeginMapping();
        Field(w, "max_technologies_without_primary", guide.Lint.MaxTechnologiesWithoutPrimary);
        TextList(w, "technologies", guide.Lint.Technologies);
        if (guide.Lint.SeniorityWords.Count > 0)
        {
            w.Key("seniority_words");
            w.BeginMapping();
            foreach (var entry in guide.Lint.SeniorityWords)
            {
                TextList(w, entry.Level.Code(), entry.Words, always: true);
            }

            w.EndMapping();
        }

        TextList(w, "pay_range_required_in", guide.Lint.PayRangeRequiredIn);
        w.EndMapping();
    }

    private static void WriteJobSection(YamlEventWriter w, JobDescriptionSection section)
    {
        w.BeginMapping();
        Field(w, "id", section.Id);
        Field(w, "title", section.Title);
        Field(w, "guidance", section.Guidance);
        Field(w, "example", section.Example);
        Field(w, "required", section.Required);
        w.EndMapping();
    }

    private static void WriteAntiPattern(YamlEventWriter w, AntiPattern pattern)
    {
        w.BeginMapping();
        Field(w, "id", pattern.Id);
        Field(w, "name", pattern.Name);
        Field(w, "explanation", pattern.Explanation);
        Field(w, "fix", pattern.Fix);
        w.EndMapping();
    }

    private static void WriteLoopTemplate(YamlEventWriter w, LoopTemplate loop)
    {
        w.BeginMapping();
        Field(w, "id", loop.Id);
        Field(w, "name", loop.Name);
        Field(w, "description", loop.Description);
        List(w, "stages", loop.Stages, WriteStage, always: true);
        w.EndMapping();
    }

    private static void WriteStage(YamlEventWriter w, LoopStageTemplate stage)
    {
        w.BeginMapping();
        Field(w, "id", stage.Id);
        Field(w, "kind", stage.Kind);
        Field(w, "name", stage.Name);
        Field(w, "duration_min", stage.DurationMin);
        Field(w, "duration_max", stage.DurationMax);
        TextList(w, "focus", stage.Focus, always: true);
        TextList(w, "traits", stage.Traits, always: true);
        TextList(w, "questions", stage.Questions, always: true);
        OptionalField(w, "exercise", stage.Exercise);
        if (stage.WrittenScreen)
        {
            Field(w, "written_screen", true);
        }

        w.EndMapping();
    }

    private static void WriteResumeFlags(YamlEventWriter w, ResumeFlags flags)
    {
        List(w, "green", flags.Green, WriteResumeFlag);
        List(w, "yellow", flags.Yellow, WriteResumeFlag);
    }

    private static void WriteResumeFlag(YamlEventWriter w, ResumeFlag flag)
    {
        w.BeginMapping();
        Field(w, "id", flag.Id);
        Field(w, "text", flag.Text);
        TextList(w, "cues", flag.Cues, flow: true, always: true);
        w.EndMapping();
    }

    private static void WriteRedFlags(YamlEventWriter w, RedFlags flags)
    {
        List(w, "technical", flags.Technical, WriteRedFlag);
        List(w, "behavioural", flags.Behavioural, WriteRedFlag);
    }

    private static void WriteRedFlag(YamlEventWriter w, RedFlag flag)
    {
        w.BeginMapping();
        Field(w, "id", flag.Id);
        Field(w, "text", flag.Text);
        w.EndMapping();
    }

    private static void WriteHiringMistake(YamlEventWriter w, HiringMistake mistake)
    {
        w.BeginMapping();
        Field(w, "id", mistake.Id);
        Field(w, "title", mistake.Title);
        Field(w, "explanation", mistake.Explanation);
        w.EndMapping();
    }

    private static void WriteGlossaryTerm(YamlEventWriter w, GlossaryTerm term)
    {
        w.BeginMapping();
        Field(w, "term", term.Term);
        Field(w, "meaning", term.Meaning);
        w.EndMapping();
    }

    private static void WriteCompensation(YamlEventWriter w, Compensation compensation)
    {
        Field(w, "source", compensation.Source);
        w.Key("as_of");
        w.Date(compensation.AsOf);
        List(w, "regions", compensation.Regions, WriteRegion);
        List(w, "bands", compensation.Bands, WriteBand);
        w.Key("premium");
        w.BeginMapping();
        Field(w, "min_percent", compensation.Premium.MinPercent);
        Field(w, "max_percent", compensation.Premium.MaxPercent);
        Field(w, "note", compensation.Premium.Note);
        w.EndMapping();
        w.Key("equity");
        w.BeginMapping();
        Field(w, "stage", compensation.Equity.Stage);
        List(w, "ranges", compensation.Equity.Ranges, WriteEquityRange);
        w.EndMapping();
        OptionalField(w, "notes", compensation.Notes);
    }

    private static void WriteRegion(YamlEventWriter w, CompensationRegion region)
    {
        w.BeginMapping();
        Field(w, "id", region.Id);
        Field(w, "name", region.Name);
        Field(w, "currency", region.Currency);
        w.EndMapping();
    }

    private static void WriteBand(YamlEventWriter w, CompensationBand band)
    {
        w.BeginMapping(flow: true);
        Field(w, "level", band.Level.Code());
        Field(w, "region", band.Region);
        Field(w, "min", band.Min);
        Field(w, "max", band.Max);
        w.EndMapping();
    }

    private static void WriteEquityRange(YamlEventWriter w, EquityRange range)
    {
        w.BeginMapping(flow: true);
        Field(w, "level", range.Level.Code());
        Field(w, "min_percent", range.MinPercent);
        Field(w, "max_percent", range.MaxPercent);
        w.EndMapping();
    }

    private static void WriteOnboarding(YamlEventWriter w, OnboardingTemplate onboarding)
    {
        Field(w, "summary", onboarding.Summary);
        List(w, "phases", onboarding.Phases, WritePhase);
    }

    private static void WritePhase(YamlEventWriter w, OnboardingPhase phase)
    {
        w.BeginMapping();
        Field(w, "id", phase.Id);
        Field(w, "title", phase.Title);
        Field(w, "start_day", phase.StartDay);
        Field(w, "end_day", phase.EndDay);
        Field(w, "goal", phase.Goal);
        List(w, "items", phase.Items, WriteOnboardingItem);
        w.EndMapping();
    }

    private static void WriteOnboardingItem(YamlEventWriter w, OnboardingItem item)
    {
        w.BeginMapping();
        Field(w, "id", item.Id);
        Field(w, "title", item.Title);
        Field(w, "description", item.Description);
        Field(w, "owner", item.Owner);
        w.EndMapping();
    }

    /// <summary>A mapping section, left out when the kit has none.</summary>
    private static void Section<T>(YamlEventWriter w, string key, T? value, Action<YamlEventWriter, T> writeFields)
        where T : class
    {
        if (value is null)
        {
            return;
        }

        w.Key(key);
        w.BeginMapping();
        writeFields(w, value);
        w.EndMapping();
    }

    /// <summary>A list of mappings; an empty list is left out unless <paramref name="always"/> (required fields).</summary>
    private static void List<T>(YamlEventWriter w, string key, IReadOnlyList<T> items, Action<YamlEventWriter, T> writeItem, bool always = false)
    {
        if (items.Count == 0 && !always)
        {
            return;
        }

        w.Key(key);
        w.BeginSequence();
        foreach (var item in items)
        {
            writeItem(w, item);
        }

        w.EndSequence();
    }

    private static void TextList(YamlEventWriter w, string key, ValueList<string> items, bool flow = false, bool always = false)
    {
        if (items.Count == 0 && !always)
        {
            return;
        }

        w.Key(key);
        TextItems(w, items, flow);
    }

    private static void TextItems(YamlEventWriter w, IEnumerable<string> items, bool flow)
    {
        w.BeginSequence(flow);
        foreach (var item in items)
        {
            w.Text(item);
        }

        w.EndSequence();
    }

    private static void Field(YamlEventWriter w, string key, string value)
    {
        w.Key(key);
        w.Text(value);
    }

    private static void OptionalField(YamlEventWriter w, string key, string? value)
    {
        if (value is not null)
        {
            Field(w, key, value);
        }
    }

    private static void Field(YamlEventWriter w, string key, int value)
    {
        w.Key(key);
        w.Number(value);
    }

    private static void Field(YamlEventWriter w, string key, decimal value)
    {
        w.Key(key);
        w.Number(value);
    }

    private static void Field(YamlEventWriter w, string key, bool value)
    {
        w.Key(key);
        w.Bool(value);
    }
}
