using System.Text.RegularExpressions;
using Hirekit.Core.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hirekit.Core.Kits.Format;

/// <summary>
/// Reads kit files into the model and merges them (docs/kit-format.md, "Merging files"): list
/// sections concatenate in the order files are read, mapping sections may appear in one file
/// only and <c>format</c> in exactly one. Checks the shape of every field (types, required
/// fields, unknown keys, ids, vocabularies, ranges, minimum counts); rules that need the whole
/// kit are left to <see cref="KitValidator"/>. Every record is registered in the load's
/// <see cref="SourceMap"/>.
/// </summary>
internal sealed partial class KitReader(LoadContext context)
{
    public const string FormatKey = "format";

    /// <summary>Top-level sections in the order of docs/kit-format.md (the writer's order too).</summary>
    public static readonly IReadOnlyList<string> Sections =
    [
        FormatKey, "kit", "rounds", "specialisations", "areas", "traits", "questions", "synonyms", "exercises",
        "written_screen", "role_intake", "job_description", "loop_templates", "resume_flags", "red_flags",
        "hiring_mistakes", "glossary", "compensation", "onboarding",
    ];

    private static readonly string[] KitKeys = ["slug", "name", "summary", "overview", "public"];
    private static readonly string[] RoundKeys = ["id", "name", "stage_kind", "description"];
    private static readonly string[] SpecialisationKeys = ["id", "name", "summary", "emphasis", "weights", "premium"];
    private static readonly string[] AreaKeys = ["id", "name", "description", "competencies"];
    private static readonly string[] CompetencyKeys = ["id", "name", "definition", "descriptors", "topics"];
    private static readonly string[] LevelKeys = [.. Levels.All.Select(l => l.Code())];
    private static readonly string[] TraitKeys = ["id", "name", "definition"];

    private static readonly string[] QuestionKeys =
    [
        "id", "kind", "competency", "trait", "levels", "round", "title", "prompt", "positive", "negative", "follow_ups",
        "model_answer", "assessment_points", "pitfalls", "red_flags", "strong_answer",
    ];

    private static readonly string[] IndicatorKeys = ["text", "cues"];
    private static readonly string[] ExerciseKeys = ["id", "kind", "title", "language", "context", "diff", "planted_issues", "rubric"];
    private static readonly string[] PlantedIssueKeys = ["id", "severity", "line", "title", "explanation", "fix"];
    private static readonly string[] RubricKeys = ["id", "name", "strong", "weak"];
    private static readonly string[] WrittenScreenKeys = ["id", "title", "instructions", "deadline_days", "questions", "look_for", "red_flags"];
    private static readonly string[] IntakeKeys = ["id", "prompt", "why", "answer", "options", "screen_note"];
    private static readonly string[] OptionKeys = ["id", "label", "implies"];
    private static readonly string[] ImplicationKeys = ["specialisation", "level", "loop_template", "weights", "screen_note"];
    private static readonly string[] JobDescriptionKeys = ["sections", "anti_patterns", "lint"];
    private static readonly string[] JobSectionKeys = ["id", "title", "guidance", "example", "required"];
    private static readonly string[] AntiPatternKeys = ["id", "name", "explanation", "fix"];
    private static readonly string[] LintKeys = ["max_technologies_without_primary", "technologies", "seniority_words", "pay_range_required_in"];
    private static readonly string[] LoopKeys = ["id", "name", "description", "stages"];

    private static readonly string[] StageKeys =
        ["id", "kind", "name", "duration_min", "duration_max", "focus", "traits", "questions", "exercise", "written_screen"];

    private static readonly string[] ResumeFlagsKeys = ["green", "yellow"];
    private static readonly string[] ResumeFlagKeys = ["id", "text", "cues"];
    private static readonly string[] RedFlagsKeys = ["technical", "behavioural"];
    private static readonly string[] RedFlagKeys = ["id", "text"];
    private static readonly string[] MistakeKeys = ["id", "title", "explanation"];
    private static readonly string[] GlossaryKeys = ["term", "meaning"];
    private static readonly string[] CompensationKeys = ["source", "as_of", "regions", "bands", "premium", "equity", "notes"];
    private static readonly string[] RegionKeys = ["id", "name", "currency"];
    private static readonly string[] BandKeys = ["level", "region", "min", "max"];
    private static readonly string[] PremiumKeys = ["min_percent", "max_percent", "note"];
    private static readonly string[] EquityKeys = ["stage", "ranges"];
    private static readonly string[] EquityRangeKeys = ["level", "min_percent", "max_percent"];
    private static readonly string[] OnboardingKeys = ["summary", "phases"];
    private static readonly string[] PhaseKeys = ["id", "title", "start_day", "end_day", "goal", "items"];
    private static readonly string[] ItemKeys = ["id", "title", "description", "owner"];

    private readonly Dictionary<string, YamlCursor> _seen = new(StringComparer.Ordinal);
    private YamlCursor? _firstRoot;
    private bool _hasUnreadableFile;

    private KitInfo? _info;
    private readonly List<Round> _rounds = [];
    private readonly List<Specialisation> _specialisations = [];
    private readonly List<CompetencyArea> _areas = [];
    private readonly List<Trait> _traits = [];
    private readonly List<Question> _questions = [];
    private readonly List<ValueList<string>> _synonyms = [];
    private readonly List<Exercise> _exercises = [];
    private WrittenScreen? _writtenScreen;
    private readonly List<IntakeQuestion> _roleIntake = [];
    private JobDescriptionGuide? _jobDescription;
    private readonly List<LoopTemplate> _loopTemplates = [];
    private ResumeFlags? _resumeFlags;
    private RedFlags? _redFlags;
    private readonly List<HiringMistake> _hiringMistakes = [];
    private readonly List<GlossaryTerm> _glossary = [];
    private Compensation? _compensation;
    private OnboardingTemplate? _onboarding;

    /// <summary>
    /// True when a file could not be read at all (a YAML syntax error, or not a mapping). Checks
    /// that need the whole kit (required sections, references, duplicates) are then skipped: what
    /// the file defines is unknown, so they would only report follow-on noise.
    /// </summary>
    public bool HasUnreadableFile => _hasUnreadableFile;

    /// <summary>Parses one file and merges its sections into what was read before.</summary>
    public void ReadFile(string file, string yaml)
    {
        if (Load(file, yaml) is not { } root)
        {
            return;
        }

        _firstRoot ??= root;
        if (root.Node is not YamlMappingNode mapping)
        {
            _hasUnreadableFile = true;
            root.Report($"expected a mapping of kit sections ({FormatKey}, kit, questions...), found {root.Describe()}");
            return;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                new YamlCursor(context, file, "", keyNode).Report("a section name must be plain text");
                continue;
            }

            ReadSection(key, root.Field(key, keyNode), root.Field(key, value));
        }
    }

    /// <summary>The merged kit (with placeholders where something was missing) after reporting missing sections.</summary>
    public Kit Build()
    {
        if (_firstRoot is { } first && !_hasUnreadableFile)
        {
            foreach (var required in new[] { FormatKey, "kit", "rounds", "areas" })
            {
                if (!_seen.ContainsKey(required))
                {
                    var message = required == FormatKey
                        ? $"missing '{FormatKey}: {FormatRules.Format}'; exactly one file must declare it"
                        : $"missing required section '{required}'";
                    first.Field(required, first.Node).Report(message);
                }
            }

            if (_seen.TryGetValue("rounds", out var rounds) && _rounds.Count == 0)
            {
                rounds.Report("needs at least 1 round");
            }

            if (_seen.TryGetValue("areas", out var areas) && _areas.Count == 0)
            {
                areas.Report("needs at least 1 competency area");
            }
        }

        return new Kit(
            _info ?? new KitInfo("", "", "", "", false),
            _rounds.ToValueList(),
            _specialisations.ToValueList(),
            _areas.ToValueList(),
            _traits.ToValueList(),
            _questions.ToValueList(),
            _exercises.ToValueList(),
            _writtenScreen,
            _roleIntake.ToValueList(),
            _jobDescription,
            _loopTemplates.ToValueList(),
            _resumeFlags,
            _redFlags,
            _hiringMistakes.ToValueList(),
            _glossary.ToValueList(),
            _compensation,
            _onboarding,
            _synonyms.ToValueList());
    }

    private YamlCursor? Load(string file, string yaml)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            var mark = e.Start.Line > 0 ? e.Start : scanner.CurrentPosition;
            context.Problems.Report(file, mark, "", $"YAML syntax error: {MarkPrefix().Replace(e.Message, "")}");
            _hasUnreadableFile = true;
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException or FormatException or IndexOutOfRangeException)
        {
            // YamlDotNet throws these (not YamlException) for a few malformed inputs, such as an unclosed flow list.
            context.Problems.Report(file, scanner.CurrentPosition, "", "YAML syntax error near here (an unclosed bracket or quote?)");
            _hasUnreadableFile = true;
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            context.Problems.Report(new KitProblem(file, 1, 1, "", "the file is empty; expected a mapping of kit sections"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            context.Problems.Report(file, stream.Documents[1].RootNode.Start, "", $"a kit file holds one YAML document, found {stream.Documents.Count}");
        }

        return context.Root(file, stream.Documents[0].RootNode);
    }

    private void ReadSection(string key, YamlCursor keyAt, YamlCursor at)
    {
        if (!Sections.Contains(key, StringComparer.Ordinal))
        {
            keyAt.Report(FormatRules.WithSuggestion($"unknown section '{key}'", key, Sections));
            return;
        }

        var isList = key is "rounds" or "specialisations" or "areas" or "traits" or "questions" or "exercises" or "role_intake"
            or "loop_templates" or "glossary" or "hiring_mistakes" or "synonyms";
        if (_seen.TryGetValue(key, out var first) && !isList)
        {
            keyAt.Report(key == FormatKey
                ? $"'{FormatKey}' is already declared at {first.Where}; it must appear in exactly one file"
                : $"section '{key}' is already defined at {first.Where}; a mapping section may appear in one file only");
            return;
        }

        _seen.TryAdd(key, keyAt);
        switch (key)
        {
            case FormatKey:
                ReadFormat(at);
                break;
            case "kit":
                _info = ReadKitInfo(at);
                break;
            case "rounds":
                _rounds.AddRange(MapReader.ListAt(at, ReadRound));
                break;
            case "specialisations":
                _specialisations.AddRange(MapReader.ListAt(at, ReadSpecialisation));
                break;
            case "areas":
                _areas.AddRange(MapReader.ListAt(at, ReadArea));
                break;
            case "traits":
                _traits.AddRange(MapReader.ListAt(at, ReadTrait));
                break;
            case "questions":
                _questions.AddRange(MapReader.ListAt(at, ReadQuestion));
                break;
            case "synonyms":
                _synonyms.AddRange(MapReader.ListAt(at, ReadSynonymGroup));
                break;
            case "exercises":
                _exercises.AddRange(MapReader.ListAt(at, ReadExercise));
                break;
            case "written_screen":
                _writtenScreen = ReadWrittenScreen(at);
                break;
            case "role_intake":
                _roleIntake.AddRange(MapReader.ListAt(at, ReadIntakeQuestion));
                break;
            case "job_description":
                _jobDescription = ReadJobDescription(at);
                break;
            case "loop_templates":
                _loopTemplates.AddRange(MapReader.ListAt(at, ReadLoopTemplate));
                break;
            case "resume_flags":
                _resumeFlags = ReadResumeFlags(at);
                break;
            case "red_flags":
                _redFlags = ReadRedFlags(at);
                break;
            case "hiring_mistakes":
                _hiringMistakes.AddRange(MapReader.ListAt(at, ReadHiringMistake));
                break;
            case "glossary":
                _glossary.AddRange(MapReader.ListAt(at, ReadGlossaryTerm));
                break;
            case "compensation":
                _compensation = ReadCompensation(at);
                break;
            case "onboarding":
                _onboarding = ReadOnboarding(at);
                break;
            default:
                throw new InvalidOperationException($"Section '{key}' has no reader.");
        }
    }

    private static void ReadFormat(YamlCursor at)
    {
        if (!YamlText.TryText(at, out var value))
        {
            return;
        }

        if (!string.Equals(value, FormatRules.Format, StringComparison.Ordinal))
        {
            at.Report(value is null
                ? $"missing required value; expected '{FormatRules.Format}'"
                : $"unsupported format '{value}'; expected '{FormatRules.Format}'");
        }
    }

    private static KitInfo ReadKitInfo(YamlCursor at)
    {
        var m = MapReader.Open(at, KitKeys);
        return m.Bind(new KitInfo(m.Id("slug"), m.Text("name"), m.Text("summary"), m.Text("overview"), m.Bool("public")));
    }

    private static Round ReadRound(YamlCursor at)
    {
        var m = MapReader.Open(at, RoundKeys);
        return m.Bind(new Round(m.Id("id"), m.Text("name"), m.Code("stage_kind", Vocabulary.StageKinds, "stage kind"), m.Text("description")));
    }

    private static Specialisation ReadSpecialisation(YamlCursor at)
    {
        var m = MapReader.Open(at, SpecialisationKeys);
        return m.Bind(new Specialisation(
            m.Id("id"),
            m.Text("name"),
            m.Text("summary"),
            m.Text("emphasis"),
            m.Entries("weights", (key, value, name) => ReadWeight(key, value, name, 3)),
            m.Bool("premium")));
    }

    /// <summary>One <c>competency-id: weight</c> entry; the weight lies in 1..<paramref name="max"/>.</summary>
    private static Weight? ReadWeight(YamlCursor keyAt, YamlCursor valueAt, string competency, int max)
    {
        if (!FormatRules.IsId(competency))
        {
            keyAt.Report(FormatRules.IdProblem(competency));
        }

        if (!YamlText.TryInt(valueAt, out var value))
        {
            return null;
        }

        if (value < 1 || value > max)
        {
            valueAt.Report($"a weight must be between 1 and {max}, found {value}");
        }

        var weight = new Weight(competency, value);
        return keyAt.Context.Sources.Bind(weight, keyAt, new Dictionary<string, YamlCursor> { ["competency"] = keyAt, ["value"] = valueAt });
    }

    private static CompetencyArea ReadArea(YamlCursor at)
    {
        var m = MapReader.Open(at, AreaKeys);
        return m.Bind(new CompetencyArea(m.Id("id"), m.Text("name"), m.Text("description"), m.List("competencies", ReadCompetency, required: true, min: 1)));
    }

    private static Competency ReadCompetency(YamlCursor at)
    {
        var m = MapReader.Open(at, CompetencyKeys);
        return m.Bind(new Competency(
            m.Id("id"),
            m.Text("name"),
            m.Text("definition"),
            ReadDescriptors(m.Require("descriptors")),
            m.List("topics", MapReader.TextItem, required: true, min: 2)));
    }

    /// <summary>Exactly the four level codes, each with its text.</summary>
    private static LevelDescriptors ReadDescriptors(YamlCursor? at)
    {
        if (at is null)
        {
            return new LevelDescriptors("", "", "", "");
        }

        var m = MapReader.Open(at, LevelKeys, "level");
        return m.Bind(new LevelDescriptors(m.Text("junior"), m.Text("mid"), m.Text("senior"), m.Text("principal")));
    }

    private static Trait ReadTrait(YamlCursor at)
    {
        var m = MapReader.Open(at, TraitKeys);
        return m.Bind(new Trait(m.Id("id"), m.Text("name"), m.Text("definition")));
    }

    /// <summary>
    /// The fields every question has, with their minimums; which optional fields a kind needs or
    /// may not have is checked by the validator.
    /// </summary>
    private static Question ReadQuestion(YamlCursor at)
    {
        var m = MapReader.Open(at, QuestionKeys);
        return m.Bind(new Question(
            m.Id("id"),
            m.Code("kind", Vocabulary.QuestionKinds, "question kind"),
            m.OptionalId("competency"),
            m.OptionalId("trait"),
            m.LevelList("levels", required: true, min: 1),
            m.Id("round"),
            m.Text("title"),
            m.Text("prompt"),
            m.List("positive", item => ReadIndicator(item, cuesRequired: true), required: true, min: 4),
            m.List("negative", item => ReadIndicator(item, cuesRequired: false), required: true, min: 4),
            m.List("follow_ups", MapReader.TextItem, required: true, min: 2),
            m.OptionalText("model_answer"),
            m.List("assessment_points", MapReader.TextItem),
            m.List("pitfalls", item => ReadIndicator(item, cuesRequired: false)),
            m.List("red_flags", MapReader.TextItem),
            m.List("strong_answer", MapReader.TextItem)));
    }

    private static Indicator ReadIndicator(YamlCursor at, bool cuesRequired)
    {
        var m = MapReader.Open(at, IndicatorKeys);
        return m.Bind(new Indicator(m.Text("text"), m.List("cues", ReadCue, required: cuesRequired, min: cuesRequired ? 1 : 0)));
    }

    /// <summary>A cue is a phrase of one to four words.</summary>
    private static string? ReadCue(YamlCursor at)
    {
        var cue = MapReader.TextItem(at);
        if (cue is not null && FormatRules.WordCount(cue) > FormatRules.MaxCueWords)
        {
            at.Report($"a cue has 1 to {FormatRules.MaxCueWords} words, found {FormatRules.WordCount(cue)}");
        }

        return cue;
    }

    /// <summary>A group of at least two single lower-case words.</summary>
    private static ValueList<string> ReadSynonymGroup(YamlCursor at) =>
        MapReader.ListAt(at, ReadSynonymWord, min: 2);

    private static string? ReadSynonymWord(YamlCursor at)
    {
        var word = MapReader.TextItem(at);
        if (word is not null && !FormatRules.IsSynonymWord(word))
        {
            at.Report($"'{word}' is not a single lower-case word");
        }

        return word;
    }

    private static Exercise ReadExercise(YamlCursor at)
    {
        var m = MapReader.Open(at, ExerciseKeys);
        return m.Bind(new Exercise(
            m.Id("id"),
            m.Code("kind", Vocabulary.ExerciseKinds, "exercise kind"),
            m.Text("title"),
            m.Text("language"),
            m.Text("context"),
            m.Text("diff"),
            m.List("planted_issues", ReadPlantedIssue, required: true, min: 3),
            m.List("rubric", ReadRubricCriterion, required: true, min: 3)));
    }

    private static PlantedIssue ReadPlantedIssue(YamlCursor at)
    {
        var m = MapReader.Open(at, PlantedIssueKeys);
        return m.Bind(new PlantedIssue(
            m.Id("id"),
            m.Code("severity", Vocabulary.Severities, "severity"),
            m.Int("line", min: 1),
            m.Text("title"),
            m.Text("explanation"),
            m.Text("fix")));
    }

    private static RubricCriterion ReadRubricCriterion(YamlCursor at)
    {
        var m = MapReader.Open(at, RubricKeys);
        return m.Bind(new RubricCriterion(m.Id("id"), m.Text("name"), m.Text("strong"), m.Text("weak")));
    }

    private static WrittenScreen ReadWrittenScreen(YamlCursor at)
    {
        var m = MapReader.Open(at, WrittenScreenKeys);
        return m.Bind(new WrittenScreen(
            m.Id("id"),
            m.Text("title"),
            m.Text("instructions"),
            m.Int("deadline_days", 1, 30),
            m.List("questions", MapReader.IdItem, required: true, min: 3),
            m.Text("look_for"),
            m.List("red_flags", MapReader.TextItem)));
    }

    private static IntakeQuestion ReadIntakeQuestion(YamlCursor at)
    {
        var m = MapReader.Open(at, IntakeKeys);
        return m.Bind(new IntakeQuestion(
            m.Id("id"),
            m.Text("prompt"),
            m.Text("why"),
            m.Code("answer", Vocabulary.AnswerTypes, "answer type"),
            m.List("options", ReadIntakeOption),
            m.OptionalText("screen_note")));
    }

    private static IntakeOption ReadIntakeOption(YamlCursor at)
    {
        var m = MapReader.Open(at, OptionKeys);
        return m.Bind(new IntakeOption(m.Id("id"), m.Text("label"), ReadImplication(m.Require("implies"))));
    }

    private static IntakeImplication ReadImplication(YamlCursor? at)
    {
        if (at is null)
        {
            return new IntakeImplication(null, null, null, ValueList<Weight>.Empty, "");
        }

        var m = MapReader.Open(at, ImplicationKeys);
        return m.Bind(new IntakeImplication(
            m.OptionalId("specialisation"),
            m.OptionalLevel("level"),
            m.OptionalId("loop_template"),
            m.Entries("weights", (key, value, name) => ReadWeight(key, value, name, 2)),
            m.Text("screen_note")));
    }

    private static JobDescriptionGuide ReadJobDescription(YamlCursor at)
    {
        var m = MapReader.Open(at, JobDescriptionKeys);
        return m.Bind(new JobDescriptionGuide(m.List("sections", ReadJobSection), m.List("anti_patterns", ReadAntiPattern), ReadLint(m.Require("lint"))));
    }

    private static JobDescriptionSection ReadJobSection(YamlCursor at)
    {
        var m = MapReader.Open(at, JobSectionKeys);
        return m.Bind(new JobDescriptionSection(m.Id("id"), m.Text("title"), m.Text("guidance"), m.Text("example"), m.Bool("required")));
    }

    private static AntiPattern ReadAntiPattern(YamlCursor at)
    {
        var m = MapReader.Open(at, AntiPatternKeys);
        return m.Bind(new AntiPattern(m.Id("id"), m.Text("name"), m.Text("explanation"), m.Text("fix")));
    }

    private static JobDescriptionLintSettings ReadLint(YamlCursor? at)
    {
        if (at is null)
        {
            return new JobDescriptionLintSettings(0, ValueList<string>.Empty, ValueList<SeniorityWords>.Empty, ValueList<string>.Empty);
        }

        var m = MapReader.Open(at, LintKeys);
        return m.Bind(new JobDescriptionLintSettings(
            m.Int("max_technologies_without_primary", min: 1),
            m.List("technologies", MapReader.TextItem),
            m.Entries("seniority_words", ReadSeniorityWords),
            m.List("pay_range_required_in", MapReader.TextItem)));
    }

    private static SeniorityWords? ReadSeniorityWords(YamlCursor keyAt, YamlCursor valueAt, string code)
    {
        var words = MapReader.ListAt(valueAt, MapReader.TextItem, min: 1);
        if (!YamlText.TryLevel(keyAt, out var level))
        {
            return null;
        }

        var entry = new SeniorityWords(level, words);
        return keyAt.Context.Sources.Bind(entry, keyAt, new Dictionary<string, YamlCursor> { ["level"] = keyAt, ["words"] = valueAt });
    }

    private static LoopTemplate ReadLoopTemplate(YamlCursor at)
    {
        var m = MapReader.Open(at, LoopKeys);
        return m.Bind(new LoopTemplate(m.Id("id"), m.Text("name"), m.Text("description"), m.List("stages", ReadStage, required: true, min: 1)));
    }

    private static LoopStageTemplate ReadStage(YamlCursor at)
    {
        var m = MapReader.Open(at, StageKeys);
        return m.Bind(new LoopStageTemplate(
            m.Id("id"),
            m.Code("kind", Vocabulary.StageKinds, "stage kind"),
            m.Text("name"),
            m.Int("duration_min", 5, 480),
            m.Int("duration_max", 5, 480),
            m.List("focus", MapReader.IdItem),
            m.List("traits", MapReader.IdItem),
            m.List("questions", MapReader.IdItem),
            m.OptionalId("exercise"),
            m.OptionalBool("written_screen")));
    }

    private static ResumeFlags ReadResumeFlags(YamlCursor at)
    {
        var m = MapReader.Open(at, ResumeFlagsKeys);
        return m.Bind(new ResumeFlags(m.List("green", ReadResumeFlag), m.List("yellow", ReadResumeFlag)));
    }

    private static ResumeFlag ReadResumeFlag(YamlCursor at)
    {
        var m = MapReader.Open(at, ResumeFlagKeys);
        return m.Bind(new ResumeFlag(m.Id("id"), m.Text("text"), m.List("cues", ReadCue, required: true, min: 1)));
    }

    private static RedFlags ReadRedFlags(YamlCursor at)
    {
        var m = MapReader.Open(at, RedFlagsKeys);
        return m.Bind(new RedFlags(m.List("technical", ReadRedFlag), m.List("behavioural", ReadRedFlag)));
    }

    private static RedFlag ReadRedFlag(YamlCursor at)
    {
        var m = MapReader.Open(at, RedFlagKeys);
        return m.Bind(new RedFlag(m.Id("id"), m.Text("text")));
    }

    private static HiringMistake ReadHiringMistake(YamlCursor at)
    {
        var m = MapReader.Open(at, MistakeKeys);
        return m.Bind(new HiringMistake(m.Id("id"), m.Text("title"), m.Text("explanation")));
    }

    private static GlossaryTerm ReadGlossaryTerm(YamlCursor at)
    {
        var m = MapReader.Open(at, GlossaryKeys);
        return m.Bind(new GlossaryTerm(m.Text("term"), m.Text("meaning")));
    }

    private static Compensation ReadCompensation(YamlCursor at)
    {
        var m = MapReader.Open(at, CompensationKeys);
        return m.Bind(new Compensation(
            m.Text("source"),
            m.Date("as_of"),
            m.List("regions", ReadRegion),
            m.List("bands", ReadBand),
            ReadPremium(m.Require("premium")),
            ReadEquity(m.Require("equity")),
            m.OptionalText("notes")));
    }

    private static CompensationRegion ReadRegion(YamlCursor at)
    {
        var m = MapReader.Open(at, RegionKeys);
        var region = m.Bind(new CompensationRegion(m.Id("id"), m.Text("name"), m.Text("currency")));
        if (region.Currency.Length > 0 && !FormatRules.IsCurrency(region.Currency))
        {
            m.Fields["currency"].Report($"'{region.Currency}' is not an ISO 4217 currency code (three upper-case letters)");
        }

        return region;
    }

    private static CompensationBand ReadBand(YamlCursor at)
    {
        var m = MapReader.Open(at, BandKeys);
        return m.Bind(new CompensationBand(m.Level("level"), m.Id("region"), m.Int("min", min: 0), m.Int("max", min: 0)));
    }

    private static CompensationPremium ReadPremium(YamlCursor? at)
    {
        if (at is null)
        {
            return new CompensationPremium(0, 0, "");
        }

        var m = MapReader.Open(at, PremiumKeys);
        return m.Bind(new CompensationPremium(m.Decimal("min_percent", 0, 100), m.Decimal("max_percent", 0, 100), m.Text("note")));
    }

    private static EquityGuide ReadEquity(YamlCursor? at)
    {
        if (at is null)
        {
            return new EquityGuide("", ValueList<EquityRange>.Empty);
        }

        var m = MapReader.Open(at, EquityKeys);
        return m.Bind(new EquityGuide(m.Text("stage"), m.List("ranges", ReadEquityRange)));
    }

    private static EquityRange ReadEquityRange(YamlCursor at)
    {
        var m = MapReader.Open(at, EquityRangeKeys);
        return m.Bind(new EquityRange(m.Level("level"), m.Decimal("min_percent", 0, 100), m.Decimal("max_percent", 0, 100)));
    }

    private static OnboardingTemplate ReadOnboarding(YamlCursor at)
    {
        var m = MapReader.Open(at, OnboardingKeys);
        return m.Bind(new OnboardingTemplate(m.Text("summary"), m.List("phases", ReadPhase)));
    }

    private static OnboardingPhase ReadPhase(YamlCursor at)
    {
        var m = MapReader.Open(at, PhaseKeys);
        return m.Bind(new OnboardingPhase(
            m.Id("id"),
            m.Text("title"),
            m.Int("start_day", min: 1),
            m.Int("end_day", min: 1),
            m.Text("goal"),
            m.List("items", ReadOnboardingItem)));
    }

    private static OnboardingItem ReadOnboardingItem(YamlCursor at)
    {
        var m = MapReader.Open(at, ItemKeys);
        return m.Bind(new OnboardingItem(m.Id("id"), m.Text("title"), m.Text("description"), m.Code("owner", Vocabulary.Owners, "owner")));
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();
}
