using Hirekit.Core.Kits;
using Hirekit.Core.Kits.Format;
using static Hirekit.Core.Tests.Kits.KitFixtures;

namespace Hirekit.Core.Tests.Kits;

/// <summary>Format rules: every malformed input gives problems naming file, line, column and field path.</summary>
public sealed class KitLoaderTests
{
    [Fact]
    public void Parse_TheFixtureKit_IsValid()
    {
        var result = KitLoader.Parse(Files());

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        var kit = result.Kit!;
        Assert.Equal("test-kit", kit.Info.Slug);
        Assert.Equal("What the role does.\n\nWhy it matters.", kit.Info.Overview); // block scalar, right-trimmed
        Assert.Equal(["api-idempotent-create", "att-ownership-incident"], kit.Questions.Select(q => q.Id));
        Assert.Equal([Level.Mid, Level.Senior], kit.Questions[0].Levels);
        Assert.Equal("ownership", kit.Questions[1].Trait);
        Assert.Null(kit.Questions[1].Competency);
        Assert.Null(kit.WrittenScreen);
    }

    [Fact]
    public void Parse_WithUnknownTrait_ReportsFileLineAndField()
    {
        var result = ParseWith(QuestionsFile, "trait: ownership", "trait: ownershipp");

        var problem = Assert.Single(result.Problems);
        var (line, column) = Locate(QuestionsYaml, "ownership\n");
        Assert.Null(result.Kit);
        Assert.False(result.IsValid);
        Assert.Equal(new KitProblem(QuestionsFile, line, column, "questions[1].trait", "unknown trait 'ownershipp' (did you mean 'ownership'?)"), problem);
        Assert.Equal($"questions/core.yaml:{line}:{column}: questions[1].trait: unknown trait 'ownershipp' (did you mean 'ownership'?)", problem.ToString());
    }

    [Fact]
    public void Parse_WithUnknownCompetencyFromAnotherFile_ReportsItInTheReferencingFile()
    {
        var result = ParseWith(KitFile, "focus: [service-api]", "focus: [service-apis]");

        var problem = Assert.Single(result.Problems);
        var (line, column) = Locate(KitYaml, "service-api]");
        Assert.Equal((KitFile, line, column, "loop_templates[0].stages[0].focus[0]"), (problem.File, problem.Line, problem.Column, problem.Path));
        Assert.StartsWith("unknown competency 'service-apis'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithYamlSyntaxError_ReportsThePositionOfTheError()
    {
        var result = ParseWith(QuestionsFile, "title: An incident you caused", "title: 'An incident you caused");

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Kit);
        Assert.Equal(QuestionsFile, problem.File);
        Assert.Equal(Locate(QuestionsYaml, "An incident you caused").Line, problem.Line);
        Assert.StartsWith("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithSyntaxErrorInOneFile_StillReportsTheOtherFilesOwnProblems()
    {
        var files = FilesWith(QuestionsFile, "title: An incident you caused", "title: 'An incident you caused");
        files[0] = (KitFile, files[0].Yaml.Replace("public: false", "public: nope", StringComparison.Ordinal));

        var result = KitLoader.Parse(files);

        // No "unknown question" for the loop stage: what the broken file defines is unknown.
        Assert.Equal([(KitFile, "kit.public"), (QuestionsFile, "")], result.Problems.Select(p => (p.File, p.Path)));
    }

    [Fact]
    public void Parse_WithUnclosedFlowList_ReportsASyntaxErrorInsteadOfThrowing()
    {
        var result = ParseWith(QuestionsFile, "levels: [mid, senior]", "levels: [mid, senior");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(QuestionsFile, problem.File);
        Assert.True(problem.Line >= Locate(QuestionsYaml, "levels: [mid, senior]").Line);
        Assert.StartsWith("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithMappingWhereTextIsExpected_ReportsWrongType()
    {
        // The classic slip: an unquoted list item containing ": " is read as a mapping.
        var result = ParseWith(QuestionsFile, "- How long do you keep the keys?", "- Retention: how long do you keep the keys?");

        var problem = Assert.Single(result.Problems);
        var (line, column) = Locate(QuestionsYaml, "How long do you keep the keys?");
        Assert.Equal(new KitProblem(QuestionsFile, line, column, "questions[0].follow_ups[1]", "expected text, found a mapping"), problem);
    }

    [Fact]
    public void Parse_WithListWhereTextIsExpected_ReportsWrongType()
    {
        var result = ParseWith(QuestionsFile, "title: Idempotent create endpoint", "title: [Idempotent, create]");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("questions[0].title", problem.Path);
        Assert.Equal("expected text, found a list", problem.Message);
    }

    [Fact]
    public void Parse_WithMissingRequiredField_ReportsTheMappingPosition()
    {
        var result = ParseWith(QuestionsFile, "    prompt: Tell me about a production incident your change caused.\n", "");

        var problem = Assert.Single(result.Problems);
        var (line, column) = Locate(QuestionsYaml, "id: att-ownership-incident");
        Assert.Equal(new KitProblem(QuestionsFile, line, column, "questions[1]", "missing required field 'prompt'"), problem);
    }

    [Fact]
    public void Parse_WithEmptyText_ReportsItAsMissing()
    {
        var result = ParseWith(KitFile, "name: Test kit", "name: \"   \"");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("kit.name", problem.Path);
        Assert.Equal("missing required field 'name' (the value is empty)", problem.Message);
    }

    [Fact]
    public void Parse_WithUnknownKey_ReportsTheKeyWithASuggestion()
    {
        var result = ParseWith(QuestionsFile, "    follow_ups:\n      - Who", "    folow_ups:\n      - Who");

        Assert.Contains(result.Problems, p => p.Path == "questions[1].folow_ups"
            && p.Message == "unknown field 'folow_ups' (did you mean 'follow_ups'?)"
            && (p.Line, p.Column) == Locate(QuestionsYaml, "follow_ups:\n      - Who"));
        Assert.Contains(result.Problems, p => p.Path == "questions[1]" && p.Message == "missing required field 'follow_ups'");
    }

    [Fact]
    public void Parse_WithUnknownSection_ReportsIt()
    {
        var result = ParseWith(KitFile, "traits:\n", "glosary: []\ntraits:\n");

        var problem = Assert.Single(result.Problems);
        var (line, column) = Locate(KitYaml, "traits:\n");
        Assert.Equal(new KitProblem(KitFile, line, column, "glosary", "unknown section 'glosary' (did you mean 'glossary'?)"), problem);
    }

    [Fact]
    public void Parse_WithDuplicateIdInAnotherFile_ReportsTheRepeatAndTheFirstDefinition()
    {
        var files = Files();
        files.Add(("questions/more.yaml", QuestionsYaml.Replace("id: att-ownership-incident", "id: att-ownership-other", StringComparison.Ordinal)));

        var result = KitLoader.Parse(files);

        var problem = Assert.Single(result.Problems);
        var (line, column) = Locate(QuestionsYaml, "api-idempotent-create\n    kind");
        Assert.Equal(("questions/more.yaml", line, column, "questions[0].id"), (problem.File, problem.Line, problem.Column, problem.Path));
        Assert.Equal($"duplicate question id 'api-idempotent-create' (first defined at {QuestionsFile}:{line}:{column})", problem.Message);
    }

    [Fact]
    public void Parse_WithBadLevelCode_ReportsTheListItem()
    {
        var result = ParseWith(QuestionsFile, "levels: [mid, senior]", "levels: [mid, expert]");

        var problem = Assert.Single(result.Problems);
        var (line, column) = Locate(QuestionsYaml, "senior]");
        Assert.Equal(new KitProblem(QuestionsFile, line, column, "questions[0].levels[1]", "unknown level 'expert'; expected junior, mid, senior, principal"), problem);
    }

    [Theory]
    [InlineData("id: att-ownership-incident", "id: Att_Ownership", "questions[1].id", "'Att_Ownership' is not a valid id")]
    [InlineData("kind: competency", "kind: behavioural", "questions[0].kind", "unknown question kind 'behavioural'")]
    [InlineData("round: peer-technical\n    title: Idempotent", "round: onsite\n    title: Idempotent", "questions[0].round", "unknown round 'onsite'")]
    [InlineData("      - How long do you keep the keys?\n", "", "questions[0].follow_ups", "needs at least 2 items, found 1")]
    [InlineData("cues: [expiry]", "cues: []", "questions[0].positive[3].cues", "needs at least 1 item, found 0")]
    [InlineData("cues: [stored response]", "cues: [return the stored response again]", "questions[0].positive[1].cues[0]", "a cue has 1 to 4 words, found 5")]
    [InlineData("- text: Ignores concurrent duplicates.", "- text: Deduplicates on the REQUEST body only.", "questions[0].negative[2].text", "repeats the indicator at")]
    public void Parse_WithBrokenQuestion_ReportsTheField(string find, string replace, string path, string message)
    {
        var result = ParseWith(QuestionsFile, find, replace);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(QuestionsFile, problem.File);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public: false", "public: maybe", "kit.public", "expected true or false, found 'maybe'")]
    [InlineData("duration_min: 45", "duration_min: 45.5", "loop_templates[0].stages[0].duration_min", "expected a whole number, found '45.5'")]
    [InlineData("duration_min: 45", "duration_min: 4", "loop_templates[0].stages[0].duration_min", "must be between 5 and 480, found 4")]
    [InlineData("duration_max: 60", "duration_max: 30", "loop_templates[0].stages[0].duration_max", "duration_max (30) is less than duration_min (45)")]
    [InlineData("stage_kind: technical", "stage_kind: onsite", "rounds[0].stage_kind", "unknown stage kind 'onsite'")]
    [InlineData("          - Pagination with cursors\n", "", "areas[0].competencies[0].topics", "needs at least 2 items, found 1")]
    [InlineData("          principal: Sets API standards for the organisation.\n", "", "areas[0].competencies[0].descriptors", "missing required field 'principal'")]
    [InlineData("questions: [api-idempotent-create]", "questions: [api-idempotent-create, api-idempotent-create]", "loop_templates[0].stages[0].questions[1]", "question 'api-idempotent-create' is listed twice")]
    [InlineData("format: hirekit-kit/1", "format: hirekit-kit/2", "format", "unsupported format 'hirekit-kit/2'; expected 'hirekit-kit/1'")]
    public void Parse_WithBrokenKitFile_ReportsTheField(string find, string replace, string path, string message)
    {
        var result = ParseWith(KitFile, find, replace);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((KitFile, path), (problem.File, problem.Path));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithDescriptorsForOtherLevels_ReportsUnknownAndMissingLevels()
    {
        var result = ParseWith(KitFile, "principal: Sets", "expert: Sets");

        Assert.Equal(
            [
                ("areas[0].competencies[0].descriptors", "missing required field 'principal'"),
                ("areas[0].competencies[0].descriptors.expert", "unknown level 'expert'"),
            ],
            result.Problems.Select(p => (p.Path, p.Message)));
    }

    [Fact]
    public void Parse_WithSeveralProblems_ReportsAllInOnePassSortedByFileLineAndColumn()
    {
        var files = FilesWith(QuestionsFile, "trait: ownership", "trait: ownershipp");
        files[1] = (QuestionsFile, files[1].Yaml
            .Replace("levels: [mid, senior]", "levels: [mid, expert]", StringComparison.Ordinal)
            .Replace("    prompt: Tell me about a production incident your change caused.\n", "", StringComparison.Ordinal)
            .Replace("- How long do you keep the keys?", "- Retention: how long?", StringComparison.Ordinal));
        files[0] = (KitFile, files[0].Yaml.Replace("public: false", "public: nope", StringComparison.Ordinal).Replace("traits: [ownership]", "traits: [owner]", StringComparison.Ordinal));

        var result = KitLoader.Parse(files);

        Assert.Null(result.Kit);
        Assert.Equal(
            [
                "kit.public", "loop_templates[0].stages[0].traits[0]",
                "questions[0].levels[1]", "questions[0].follow_ups[1]", "questions[1]", "questions[1].trait",
            ],
            result.Problems.Select(p => p.Path));
        var ordered = result.Problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column);
        Assert.Equal(ordered, result.Problems);
    }

    [Fact]
    public void Parse_WithMappingSectionInTwoFiles_ReportsTheSecond()
    {
        var files = Files();
        files.Add(("zz.yaml", "kit:\n  slug: other\n  name: Other\n  summary: S.\n  overview: O.\n  public: true\n"));

        var result = KitLoader.Parse(files);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("zz.yaml", 1, 1, "kit"), (problem.File, problem.Line, problem.Column, problem.Path));
        Assert.Contains("already defined at kit.yaml:3:1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithListSectionsInSeveralFiles_ConcatenatesThemInFileOrder()
    {
        var files = Files();
        files.Add(("traits-more.yaml", "traits:\n  - id: learning\n    name: Learning\n    definition: Keeps learning.\n"));

        var result = KitLoader.Parse(files);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(["ownership", "learning"], result.Kit!.Traits.Select(t => t.Id));
    }

    [Fact]
    public void Parse_WithFormatTwiceOrNever_ReportsIt()
    {
        var twice = Files();
        twice[1] = (QuestionsFile, "format: hirekit-kit/1\n" + QuestionsYaml);
        var never = FilesWith(KitFile, "format: hirekit-kit/1\n", "");

        var twiceProblem = Assert.Single(KitLoader.Parse(twice).Problems);
        var neverProblem = Assert.Single(KitLoader.Parse(never).Problems);

        Assert.Equal((QuestionsFile, 1, 1, "format"), (twiceProblem.File, twiceProblem.Line, twiceProblem.Column, twiceProblem.Path));
        Assert.Contains("already declared at kit.yaml:1:1", twiceProblem.Message, StringComparison.Ordinal);
        Assert.Equal((KitFile, "format"), (neverProblem.File, neverProblem.Path));
        Assert.Contains("exactly one file must declare it", neverProblem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithKindRulesBroken_ReportsEachRule()
    {
        var files = FilesWith(QuestionsFile, "kind: attitude\n    trait: ownership", "kind: attitude\n    competency: service-api");
        files[1] = (QuestionsFile, files[1].Yaml.Replace("kind: competency\n    competency: service-api", "kind: technical", StringComparison.Ordinal));

        var result = KitLoader.Parse(files);

        var messages = result.Problems.Select(p => $"{p.Path}: {p.Message}").ToList();
        Assert.Contains("questions[0]: missing required field 'model_answer' (required for technical questions)", messages);
        Assert.Contains("questions[0]: missing required field 'assessment_points' (required for technical questions)", messages);
        Assert.Contains("questions[0]: missing required field 'pitfalls' (required for technical questions)", messages);
        Assert.Contains("questions[1]: missing required field 'trait' (required for attitude questions)", messages);
        Assert.Contains(messages, m => m.StartsWith("questions[1].competency: 'competency' applies to", StringComparison.Ordinal));
        Assert.Equal(5, messages.Count);
    }

    [Fact]
    public void Parse_WithWrittenScreenOfNonScreenQuestions_ReportsEachItem()
    {
        var screen = """
            written_screen:
              id: screen
              title: Written screen
              instructions: Answer in writing.
              deadline_days: 31
              questions: [api-idempotent-create, att-ownership-incident, missing-one]
              look_for: Reasoning.
            """;
        var files = Files();
        files.Add(("screen.yaml", screen));

        var result = KitLoader.Parse(files);

        Assert.Equal(
            [
                ("written_screen.deadline_days", "must be between 1 and 30, found 31"),
                ("written_screen.questions[0]", "question 'api-idempotent-create' is of kind competency; the written screen takes screen questions only"),
                ("written_screen.questions[1]", "question 'att-ownership-incident' is of kind attitude; the written screen takes screen questions only"),
                ("written_screen.questions[2]", "unknown question 'missing-one'"),
            ],
            result.Problems.Select(p => (p.Path, p.Message)));
    }

    [Fact]
    public void Parse_WithExerciseIssuesOutsideTheDiff_ReportsTheLine()
    {
        var exercise = """
            exercises:
              - id: review
                kind: code_review
                title: Review a change
                language: python
                context: A small change.
                diff: |
                  --- a/x.py
                  +++ b/x.py
                  @@ -1 +1 @@
                  -a = 1
                  +a = 2
                planted_issues:
                  - {id: one, severity: high, line: 5, title: T, explanation: E, fix: F}
                  - {id: two, severity: urgent, line: 4, title: T, explanation: E, fix: F}
                  - {id: one, severity: low, line: 6, title: T, explanation: E, fix: F}
                rubric:
                  - {id: a, name: A, strong: S, weak: W}
                  - {id: b, name: B, strong: S, weak: W}
            """;
        var files = Files();
        files.Add(("exercise.yaml", exercise));

        var result = KitLoader.Parse(files);

        Assert.Equal(
            [
                ("exercises[0].planted_issues[1].severity", "unknown severity 'urgent'; expected one of critical, high, medium, low"),
                ("exercises[0].planted_issues[2].id", "duplicate planted issue id 'one' (first defined at exercise.yaml:14:14)"),
                ("exercises[0].planted_issues[2].line", "line 6 is past the end of the diff, which has 5 lines"),
                ("exercises[0].rubric", "needs at least 3 items, found 2"),
            ],
            result.Problems.Select(p => (p.Path, p.Message)));
    }

    [Fact]
    public void Parse_WithCompensationAndOnboardingErrors_ReportsRangesAndReferences()
    {
        var extra = """
            compensation:
              source: Test figures.
              as_of: 2026-02-30
              regions:
                - {id: us, name: United States, currency: usd}
              bands:
                - {level: mid, region: us, min: 100, max: 90}
                - {level: lead, region: eu, min: 1, max: 2}
              premium: {min_percent: 25, max_percent: 15, note: N.}
              equity: {stage: seed, ranges: [{level: mid, min_percent: 0.1, max_percent: 0.2}]}
            onboarding:
              summary: Ninety days.
              phases:
                - {id: first, title: First, start_day: 0, end_day: 14, goal: G}
                - {id: second, title: Second, start_day: 30, end_day: 20, goal: G, items: [{id: a, title: T, description: D, owner: boss}]}
            """;
        var files = Files();
        files.Add(("more.yaml", extra));

        var result = KitLoader.Parse(files);

        Assert.Equal(
            [
                ("compensation.as_of", "expected a date as YYYY-MM-DD, found '2026-02-30'"),
                ("compensation.regions[0].currency", "'usd' is not an ISO 4217 currency code (three upper-case letters)"),
                ("compensation.bands[0].max", "max (90) is less than min (100)"),
                ("compensation.bands[1].level", "unknown level 'lead'; expected junior, mid, senior, principal"),
                ("compensation.bands[1].region", "unknown region 'eu'"),
                ("compensation.premium.max_percent", "max_percent is less than min_percent"),
                ("onboarding.phases[0].start_day", "must be at least 1, found 0"),
                ("onboarding.phases[1].end_day", "end_day (20) is before start_day (30)"),
                ("onboarding.phases[1].items[0].owner", "unknown owner 'boss'; expected one of hiring_manager, new_hire, buddy, team"),
            ],
            result.Problems.Select(p => (p.Path, p.Message)));
    }

    [Fact]
    public void Parse_WithRoleIntakeErrors_ReportsAnswerRulesAndImplications()
    {
        var intake = """
            role_intake:
              - id: stack
                prompt: Which stack?
                why: Sets the exercise language.
                answer: text
              - id: shape
                prompt: Which shape?
                why: Picks the loop.
                answer: choice
                options:
                  - id: one
                    label: One
                    implies: {specialisation: generalist, level: staff, loop_template: short-loop, weights: {service-api: 3}, screen_note: N.}
                  - id: two
                    label: Two
                    implies: {loop_template: long-loop, screen_note: N.}
            """;
        var files = Files();
        files.Add(("intake.yaml", intake));

        var result = KitLoader.Parse(files);

        Assert.Equal(
            [
                ("role_intake[0]", "missing required field 'screen_note' (required for text answers)"),
                ("role_intake[1].options[0].implies.specialisation", "unknown specialisation 'generalist'"),
                ("role_intake[1].options[0].implies.level", "unknown level 'staff'; expected junior, mid, senior, principal"),
                ("role_intake[1].options[0].implies.weights.service-api", "a weight must be between 1 and 2, found 3"),
                ("role_intake[1].options[1].implies.loop_template", "unknown loop template 'long-loop'"),
            ],
            result.Problems.Select(p => (p.Path, p.Message)));
    }

    [Fact]
    public void Parse_WithSynonymErrors_ReportsWordsAndGroups()
    {
        var files = Files();
        files.Add(("synonyms.yaml", "synonyms:\n  - [dedupe, Deduplicate]\n  - [rollback]\n  - [revert, dedupe, roll back]\n"));

        var result = KitLoader.Parse(files);

        Assert.Equal(
            [
                ("synonyms[0][1]", "'Deduplicate' is not a single lower-case word"),
                ("synonyms[1]", "needs at least 2 items, found 1"),
                ("synonyms[2][1]", "'dedupe' is already listed at synonyms.yaml:2:6; a word belongs to one synonym group"),
                ("synonyms[2][2]", "'roll back' is not a single lower-case word"),
            ],
            result.Problems.Select(p => (p.Path, p.Message)));
    }

    [Fact]
    public void Parse_WithEmptyOrNonMappingFile_ReportsIt()
    {
        var result = KitLoader.Parse([("kit.yaml", KitYaml), ("questions/core.yaml", QuestionsYaml), ("empty.yaml", "# nothing\n"), ("list.yaml", "- a\n- b\n")]);

        Assert.Equal(
            [
                ("empty.yaml", "the file is empty; expected a mapping of kit sections"),
                ("list.yaml", "expected a mapping of kit sections (format, kit, questions...), found a list"),
            ],
            result.Problems.Select(p => (p.File, p.Message)));
    }

    [Fact]
    public void Parse_WithDuplicateYamlKey_ReportsASyntaxError()
    {
        var result = ParseWith(KitFile, "  name: Test kit\n", "  name: Test kit\n  name: Again\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((KitFile, Locate(KitYaml, "name: Test kit").Line + 1), (problem.File, problem.Line));
        Assert.Contains("Duplicate key", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsScalarsByTheSchemaNotByYamlTyping()
    {
        var result = ParseWith(QuestionsFile, "title: Idempotent create endpoint", "title: 2024");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("2024", result.Kit!.Questions[0].Title);
    }

    [Fact]
    public void LoadDirectory_MergesFilesInOrdinalPathOrderWithRelativeNames()
    {
        var dir = Directory.CreateTempSubdirectory("hirekit-kit-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "questions"));
            File.WriteAllText(Path.Combine(dir.FullName, "kit.yaml"), KitYaml);
            File.WriteAllText(Path.Combine(dir.FullName, "questions", "core.yaml"), QuestionsYaml.Replace("trait: ownership", "trait: ownershipp", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir.FullName, "questions", "a-more.yaml"), "traits:\n  - {id: learning, name: Learning, definition: Keeps learning.}\n");
            File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "not a kit file");

            var result = KitLoader.LoadDirectory(dir.FullName);

            var problem = Assert.Single(result.Problems);
            Assert.Equal(("questions/core.yaml", "questions[1].trait"), (problem.File, problem.Path));
            Assert.Contains("did you mean 'ownership'", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadDirectoryAndLoadFile_ReportMissingPaths()
    {
        var missing = Path.Combine(Path.GetTempPath(), "hirekit-no-such-kit-" + Guid.NewGuid().ToString("N"));

        Assert.Contains("does not exist", Assert.Single(KitLoader.LoadDirectory(missing).Problems).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Single(KitLoader.LoadFile(missing + ".yaml").Problems).Message, StringComparison.Ordinal);
    }
}
