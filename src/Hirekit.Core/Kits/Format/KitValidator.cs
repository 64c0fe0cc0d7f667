using Hirekit.Core.Common;

namespace Hirekit.Core.Kits.Format;

/// <summary>
/// The rules of docs/kit-format.md that need the merged kit: unique ids, references that must
/// resolve, per-kind question rules and cross-field checks (min &lt;= max, issue lines inside the
/// diff). Problems are reported at the offending node in the file it came from, found through the
/// load's <see cref="SourceMap"/>; values the reader already reported are not reported again.
/// Runs on a kit that may hold reader placeholders, so empty ids and codes are skipped.
/// </summary>
internal sealed class KitValidator(Kit kit, LoadContext context)
{
    private SourceMap Sources => context.Sources;

    public void Validate()
    {
        var rounds = Unique(kit.Rounds, r => r.Id, "round id");
        var specialisations = Unique(kit.Specialisations, s => s.Id, "specialisation id");
        Unique(kit.Areas, a => a.Id, "area id");
        var competencies = Unique(kit.Competencies, c => c.Id, "competency id");
        var traits = Unique(kit.Traits, t => t.Id, "trait id");
        var questions = Unique(kit.Questions, q => q.Id, "question id");
        var exercises = Unique(kit.Exercises, e => e.Id, "exercise id");
        var loops = Unique(kit.LoopTemplates, l => l.Id, "loop template id");
        Unique(kit.RoleIntake, q => q.Id, "role intake question id");
        Unique(kit.HiringMistakes, m => m.Id, "hiring mistake id");
        Unique(kit.Glossary, g => g.Term, "glossary term", "term", StringComparer.OrdinalIgnoreCase);

        foreach (var specialisation in kit.Specialisations)
        {
            CheckWeights(specialisation.Weights, competencies);
        }

        foreach (var question in kit.Questions)
        {
            CheckQuestion(question, competencies, traits, rounds);
        }

        CheckSynonyms();
        foreach (var exercise in kit.Exercises)
        {
            CheckExercise(exercise);
        }

        CheckWrittenScreen(questions);
        foreach (var intake in kit.RoleIntake)
        {
            CheckIntake(intake, specialisations, loops, competencies);
        }

        CheckJobDescription();
        foreach (var loop in kit.LoopTemplates)
        {
            CheckLoop(loop, competencies, traits, questions, exercises);
        }

        if (kit.ResumeFlags is { } resumeFlags)
        {
            Unique(resumeFlags.Green.Concat(resumeFlags.Yellow), f => f.Id, "resume flag id");
        }

        if (kit.RedFlags is { } redFlags)
        {
            Unique(redFlags.Technical.Concat(redFlags.Behavioural), f => f.Id, "red flag id");
        }

        CheckCompensation();
        CheckOnboarding();
    }

    private void CheckWeights(ValueList<Weight> weights, Dictionary<string, Competency> competencies)
    {
        foreach (var weight in weights)
        {
            Reference(weight, "competency", weight.Competency, competencies, "competency");
        }
    }

    private void CheckQuestion(Question q, Dictionary<string, Competency> competencies, Dictionary<string, Trait> traits, Dictionary<string, Round> rounds)
    {
        Reference(q, "competency", q.Competency, competencies, "competency");
        Reference(q, "trait", q.Trait, traits, "trait");
        Reference(q, "round", q.Round, rounds, "round");
        DistinctItems(q.Levels, l => l.Code(), "level");

        if (q.Title.Length > FormatRules.MaxTitleLength)
        {
            Report(q, "title", $"a title has at most {FormatRules.MaxTitleLength} characters, found {q.Title.Length}");
        }

        var texts = new Dictionary<string, Indicator>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in q.Positive.Concat(q.Negative).Concat(q.Pitfalls))
        {
            if (indicator.Text.Length > 0 && !texts.TryAdd(indicator.Text, indicator))
            {
                Report(indicator, "text", $"repeats the indicator at {Where(texts[indicator.Text], "text")}; indicator texts of a question must differ");
            }
        }

        var kind = q.Kind;
        if (!Vocabulary.QuestionKinds.Contains(kind, StringComparer.Ordinal))
        {
            return; // already reported; the kind rules below would only add noise
        }

        var label = $"{kind} questions";
        Needs(q, "competency", q.Competency is not null, kind is "competency" or "design", label);
        Allows(q, "competency", kind is not "attitude", "competency, technical, focus, screen and design questions");
        Needs(q, "trait", q.Trait is not null, kind is "attitude", label);
        Allows(q, "trait", kind is "attitude" or "technical", "attitude and technical questions");
        Needs(q, "model_answer", q.ModelAnswer is not null, kind is "technical" or "screen" or "design", label);
        ListRule(q, "assessment_points", q.AssessmentPoints.Count, kind is "technical", 2, "technical questions");
        ListRule(q, "pitfalls", q.Pitfalls.Count, kind is "technical", 2, "technical questions");
        ListRule(q, "red_flags", q.RedFlags.Count, kind is "focus" or "screen" or "design", 1, "focus, screen and design questions");
        ListRule(q, "strong_answer", q.StrongAnswer.Count, kind is "screen" or "design", 3, "screen and design questions");
    }

    /// <summary>A field a kind requires: reported at the question when absent.</summary>
    private void Needs(Question q, string field, bool present, bool required, string label)
    {
        if (required && !present)
        {
            // Absent: at the question; written but empty: at the value.
            Report(q, Sources.Field(q, field) is null ? null : field, $"missing required field '{field}' (required for {label})");
        }
    }

    /// <summary>A field only some kinds may have: reported at the field otherwise.</summary>
    private void Allows(Question q, string field, bool allowed, string label)
    {
        if (!allowed && Sources.Field(q, field) is not null)
        {
            Report(q, field, $"'{field}' applies to {label} only, not to {q.Kind} questions");
        }
    }

    /// <summary>A list that some kinds need with a minimum count and other kinds may not have.</summary>
    private void ListRule(Question q, string field, int count, bool applies, int min, string label)
    {
        var present = Sources.Field(q, field) is not null;
        if (!applies)
        {
            Allows(q, field, false, label);
        }
        else if (!present)
        {
            Report(q, null, $"missing required field '{field}' (required for {q.Kind} questions)");
        }
        else if (count < min)
        {
            Report(q, field, $"needs at least {min} item{(min == 1 ? "" : "s")} for {q.Kind} questions, found {count}");
        }
    }

    private void CheckSynonyms()
    {
        var seen = new Dictionary<string, (ValueList<string> Group, int Index)>(StringComparer.Ordinal);
        foreach (var group in kit.Synonyms)
        {
            for (var i = 0; i < group.Count; i++)
            {
                if (!seen.TryAdd(group[i], (group, i)))
                {
                    var (firstGroup, firstIndex) = seen[group[i]];
                    ReportItem(group, i, $"'{group[i]}' is already listed at {Sources.LocateItem(firstGroup, firstIndex)?.Where}; a word belongs to one synonym group");
                }
            }
        }
    }

    private void CheckExercise(Exercise exercise)
    {
        Unique(exercise.PlantedIssues, i => i.Id, "planted issue id");
        Unique(exercise.Rubric, r => r.Id, "rubric criterion id");
        if (exercise.Diff.Length == 0)
        {
            return;
        }

        var lines = exercise.Diff.Split('\n').Length;
        foreach (var issue in exercise.PlantedIssues)
        {
            if (issue.Line > lines)
            {
                Report(issue, "line", $"line {issue.Line} is past the end of the diff, which has {lines} lines");
            }
        }
    }

    private void CheckWrittenScreen(Dictionary<string, Question> questions)
    {
        if (kit.WrittenScreen is not { } screen)
        {
            return;
        }

        for (var i = 0; i < screen.Questions.Count; i++)
        {
            var id = screen.Questions[i];
            if (!questions.TryGetValue(id, out var question))
            {
                ReportItem(screen.Questions, i, FormatRules.WithSuggestion($"unknown question '{id}'", id, questions.Keys));
            }
            else if (question.Kind != "screen")
            {
                ReportItem(screen.Questions, i, $"question '{id}' is of kind {question.Kind}; the written screen takes screen questions only");
            }
        }

        DistinctItems(screen.Questions, q => q, "question");
    }

    private void CheckIntake(IntakeQuestion intake, Dictionary<string, Specialisation> specialisations, Dictionary<string, LoopTemplate> loops, Dictionary<string, Competency> competencies)
    {
        Unique(intake.Options, o => o.Id, "option id");
        switch (intake.Answer)
        {
            case "choice":
                if (Sources.Field(intake, "options") is null)
                {
                    Report(intake, null, "missing required field 'options' (required for choice answers)");
                }
                else if (intake.Options.Count < 2)
                {
                    Report(intake, "options", $"a choice needs at least 2 options, found {intake.Options.Count}");
                }

                if (Sources.Field(intake, "screen_note") is not null)
                {
                    Report(intake, "screen_note", "for choice answers the screen note sits on each option's 'implies', not on the question");
                }

                break;
            case "text":
                if (intake.ScreenNote is null)
                {
                    Needs(intake, "screen_note", "required for text answers");
                }

                if (Sources.Field(intake, "options") is not null)
                {
                    Report(intake, "options", "'options' applies to choice answers only");
                }

                break;
        }

        foreach (var option in intake.Options)
        {
            var implies = option.Implies;
            Reference(implies, "specialisation", implies.Specialisation, specialisations, "specialisation");
            Reference(implies, "loop_template", implies.LoopTemplate, loops, "loop template");
            CheckWeights(implies.Weights, competencies);
        }
    }

    private void Needs(object owner, string field, string reason)
    {
        var existing = Sources.Field(owner, field);
        Report(owner, existing is null ? null : field, $"missing required field '{field}' ({reason})");
    }

    private void CheckJobDescription()
    {
        if (kit.JobDescription is not { } guide)
        {
            return;
        }

        Unique(guide.Sections, s => s.Id, "section id");
        Unique(guide.AntiPatterns, a => a.Id, "anti-pattern id");
        Unique(guide.Lint.SeniorityWords, s => s.Level.Code(), "seniority level", "level");
    }

    private void CheckLoop(
        LoopTemplate loop,
        Dictionary<string, Competency> competencies,
        Dictionary<string, Trait> traits,
        Dictionary<string, Question> questions,
        Dictionary<string, Exercise> exercises)
    {
        Unique(loop.Stages, s => s.Id, "stage id");
        foreach (var stage in loop.Stages)
        {
            if (stage.DurationMin > stage.DurationMax)
            {
                Report(stage, "duration_max", $"duration_max ({stage.DurationMax}) is less than duration_min ({stage.DurationMin})");
            }

            References(stage.Focus, competencies, "competency");
            References(stage.Traits, traits, "trait");
            References(stage.Questions, questions, "question");
            Reference(stage, "exercise", stage.Exercise, exercises, "exercise");
            if (stage.WrittenScreen && kit.WrittenScreen is null)
            {
                Report(stage, "written_screen", "the stage sends the written screen, but the kit has no 'written_screen' section");
            }
        }
    }

    private void CheckCompensation()
    {
        if (kit.Compensation is not { } compensation)
        {
            return;
        }

        var regions = Unique(compensation.Regions, r => r.Id, "region id");
        Unique(compensation.Bands, b => b.Region.Length == 0 || Code(b.Level).Length == 0 ? "" : $"{b.Level.Code()} in {b.Region}", "band for", "level");
        foreach (var band in compensation.Bands)
        {
            Reference(band, "region", band.Region, regions, "region");
            if (band.Min > band.Max)
            {
                Report(band, "max", $"max ({band.Max}) is less than min ({band.Min})");
            }
        }

        if (compensation.Premium.MinPercent > compensation.Premium.MaxPercent)
        {
            Report(compensation.Premium, "max_percent", "max_percent is less than min_percent");
        }

        Unique(compensation.Equity.Ranges, r => Code(r.Level), "equity range for level", "level");
        foreach (var range in compensation.Equity.Ranges)
        {
            if (range.MinPercent > range.MaxPercent)
            {
                Report(range, "max_percent", "max_percent is less than min_percent");
            }
        }
    }

    private void CheckOnboarding()
    {
        if (kit.Onboarding is not { } onboarding)
        {
            return;
        }

        Unique(onboarding.Phases, p => p.Id, "phase id");
        Unique(onboarding.Phases.SelectMany(p => p.Items), i => i.Id, "onboarding item id");
        foreach (var phase in onboarding.Phases)
        {
            if (phase.StartDay > phase.EndDay)
            {
                Report(phase, "end_day", $"end_day ({phase.EndDay}) is before start_day ({phase.StartDay})");
            }
        }
    }

    /// <summary>Indexes items by key, reporting each repeat at its key field with the first definition's position.</summary>
    private Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> key, string what, string field = "id", IEqualityComparer<string>? comparer = null)
        where T : class
    {
        var index = new Dictionary<string, T>(comparer ?? StringComparer.Ordinal);
        foreach (var item in items)
        {
            var value = key(item);
            if (value.Length > 0 && !index.TryAdd(value, item))
            {
                Report(item, field, $"duplicate {what} '{value}' (first defined at {Where(index[value], field)})");
            }
        }

        return index;
    }

    private void Reference<T>(object owner, string field, string? value, Dictionary<string, T> index, string what)
    {
        if (!string.IsNullOrEmpty(value) && !index.ContainsKey(value))
        {
            Report(owner, field, FormatRules.WithSuggestion($"unknown {what} '{value}'", value, index.Keys));
        }
    }

    private void References<T>(ValueList<string> ids, Dictionary<string, T> index, string what)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i].Length > 0 && !index.ContainsKey(ids[i]))
            {
                ReportItem(ids, i, FormatRules.WithSuggestion($"unknown {what} '{ids[i]}'", ids[i], index.Keys));
            }
        }

        DistinctItems(ids, id => id, what);
    }

    private void DistinctItems<T>(ValueList<T> list, Func<T, string> key, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (!seen.Add(key(list[i])))
            {
                ReportItem(list, i, $"{what} '{key(list[i])}' is listed twice");
            }
        }
    }

    /// <summary>The level's code, or empty for the placeholder of a level the reader could not parse.</summary>
    private static string Code(Level level) => Enum.IsDefined(level) ? level.Code() : "";

    private string Where(object model, string field) => Sources.Locate(model, field)?.Where ?? "?";

    private void Report(object owner, string? field, string message)
    {
        if (Sources.Locate(owner, field) is not { } at)
        {
            context.Problems.Report(new KitProblem("", 0, 0, field ?? "", message));
            return;
        }

        if (!context.Problems.IsFlagged(at.Node))
        {
            at.Report(message);
        }
    }

    private void ReportItem(object list, int index, string message)
    {
        if (Sources.LocateItem(list, index) is not { } at)
        {
            context.Problems.Report(new KitProblem("", 0, 0, "", message));
            return;
        }

        if (!context.Problems.IsFlagged(at.Node))
        {
            at.Report(message);
        }
    }
}
