using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Core.Kits.Format;
using static Hirekit.Core.Common.ValueList;

namespace Hirekit.Core.Tests.Kits;

/// <summary>Export then import gives an equal kit, and the export text is canonical.</summary>
public sealed class KitRoundTripTests
{
    /// <summary>Strings that trip naive YAML writers; none ends in white space (the loader right-trims text).</summary>
    public static readonly string[] AwkwardStrings =
    [
        "  two leading spaces",
        "colon: inside the text",
        "ends with a colon:",
        "# looks like a comment",
        "a hash # after a space",
        "\"double quoted\" and 'single quoted'",
        "'starts with a single quote",
        "unicode: naïve café, 日本語, Ελληνικά, ✓ and an emoji 🚀",
        "null", "~", "Null", "true", "no", "off", "123", "-1.5", "0x1F", "1e3", ".inf", "2026-04-15", "12:30",
        "- looks like a list item",
        "[looks, like, a flow list]",
        "{looks: like a mapping}",
        "&anchor", "*alias", "!tag", "%directive", "@at sign", "`backtick", "| pipe", "> greater than", "? question mark",
        "--- three dashes", "... three dots",
        "tab\tinside",
        "\tleading tab",
        "back\\slash C:\\temp\\file",
        "line one\nline two\n\nline four after an empty line",
        "  indented first line\nsecond line",
        "first\n  indented second\n\tthird with a tab",
        "trailing spaces on a line   \nnext line",
        "a line of one space follows\n \nand then text, as in a diff",
        "\nstarts with a line break",
        "carriage\r\nreturn",
        "control \u0001 character and \u007f delete",
        "line\u2028separator and next\u0085line",
        "no-break\u00A0space and zero\u200Bwidth",
        "a long line that keeps going well past the emitter's preferred width so that it must be folded,  with  double  spaces  inside  that  must  survive the fold exactly as written, and then some more words",
    ];

    [Fact]
    public void ShippedKit_RoundTripsThroughTheExportFormat()
    {
        var kit = ShippedKit.Load();

        var yaml = KitWriter.ToYaml(kit);
        var reloaded = KitLoader.Parse(yaml, "backend-developer.yaml");

        Assert.Empty(reloaded.Problems);
        Assert.Equal(kit, reloaded.Kit);
    }

    [Fact]
    public void LoadFile_OfAnExportedKit_GivesTheEqualKit()
    {
        var kit = ShippedKit.Load();
        var path = Path.Combine(Path.GetTempPath(), $"hirekit-export-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, KitWriter.ToYaml(kit));
        try
        {
            var reloaded = KitLoader.LoadFile(path);

            Assert.Empty(reloaded.Problems);
            Assert.Equal(kit, reloaded.Kit);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ToYaml_IsStable()
    {
        var kit = ShippedKit.Load();

        var first = KitWriter.ToYaml(kit);
        var second = KitWriter.ToYaml(KitLoader.Parse(first).Kit!);

        Assert.Equal(first, second);
        Assert.Equal(first, KitWriter.ToYaml(kit));
    }

    [Fact]
    public void ToYaml_WritesFormatFirstAndSectionsInSpecOrder()
    {
        var yaml = KitWriter.ToYaml(ShippedKit.Load());

        var sections = yaml.Split('\n').Where(line => line.Length > 0 && char.IsAsciiLetterLower(line[0])).Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]).ToList();
        Assert.StartsWith("format: hirekit-kit/1\n", yaml, StringComparison.Ordinal);
        Assert.Equal(
            [
                "format", "kit", "rounds", "specialisations", "areas", "traits", "questions", "synonyms", "exercises", "written_screen",
                "role_intake", "job_description", "loop_templates", "resume_flags", "red_flags", "hiring_mistakes", "glossary",
                "compensation", "onboarding",
            ],
            sections);
        Assert.Contains("  as_of: \"2026-04-15\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    levels: [junior, mid, senior, principal]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    - {level: senior, region: us, min: 150000, max: 210000}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      - {level: mid, min_percent: 0.02, max_percent: 0.05}\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void HandBuiltKit_WithAwkwardStrings_RoundTrips()
    {
        var kit = HandBuiltKit();

        var yaml = KitWriter.ToYaml(kit);
        var reloaded = KitLoader.Parse(yaml, "hand-built.yaml");

        Assert.Empty(reloaded.Problems);
        Assert.Equal(kit, reloaded.Kit);
        Assert.Equal(AwkwardStrings, reloaded.Kit!.Questions[0].FollowUps);
        Assert.Equal(yaml, KitWriter.ToYaml(reloaded.Kit));
    }

    [Theory]
    [MemberData(nameof(EachAwkwardString))]
    public void HandBuiltKit_WithAwkwardStringInEveryTextPosition_RoundTrips(string text)
    {
        var kit = HandBuiltKit();
        var question = kit.Questions[1];
        var changed = kit with
        {
            Info = kit.Info with { Name = text, Overview = text },
            Traits = Of(kit.Traits[0] with { Definition = text }),
            Questions = Of([kit.Questions[0], question with { Title = text.Length <= 120 ? text : question.Title, Prompt = text, ModelAnswer = text, Positive = Of([question.Positive[0] with { Text = text }, .. question.Positive.Skip(1)]) }, .. kit.Questions.Skip(2)]),
            Glossary = Of(new GlossaryTerm(text, text)),
        };

        var reloaded = KitLoader.Parse(KitWriter.ToYaml(changed));

        Assert.Empty(reloaded.Problems);
        Assert.Equal(changed, reloaded.Kit);
    }

    public static TheoryData<string> EachAwkwardString() => [.. AwkwardStrings];

    [Fact]
    public void ToYaml_LeavesOutAbsentOptionalFieldsAndKeepsPresentOnes()
    {
        var kit = HandBuiltKit();

        var yaml = KitWriter.ToYaml(kit);
        var reloaded = KitLoader.Parse(yaml).Kit!;

        var attitude = reloaded.Questions[2];
        Assert.Null(attitude.Competency);
        Assert.Null(attitude.ModelAnswer);
        Assert.Empty(attitude.AssessmentPoints);
        Assert.Empty(attitude.Negative[0].Cues);
        Assert.Equal("A note for interviewers.", reloaded.Questions[1].ModelAnswer);
        Assert.Null(reloaded.Compensation!.Notes);
        Assert.Null(reloaded.RoleIntake[1].ScreenNote);
        Assert.Null(reloaded.RoleIntake[1].Options[0].Implies.Level);
        Assert.Equal(Level.Senior, reloaded.RoleIntake[1].Options[1].Implies.Level);
        Assert.DoesNotContain("notes:", yaml, StringComparison.Ordinal);
        var attitudeYaml = QuestionBlock(yaml, "attitude-one");
        Assert.DoesNotContain("model_answer:", attitudeYaml, StringComparison.Ordinal);
        Assert.DoesNotContain("competency:", attitudeYaml, StringComparison.Ordinal);
        Assert.DoesNotContain("assessment_points:", attitudeYaml, StringComparison.Ordinal);
        Assert.Contains("model_answer: A note for interviewers.", QuestionBlock(yaml, "technical-one"), StringComparison.Ordinal);
    }

    private static string QuestionBlock(string yaml, string id)
    {
        var start = yaml.IndexOf($"  - id: {id}\n", StringComparison.Ordinal);
        var end = yaml.IndexOf("  - id: ", start + 1, StringComparison.Ordinal);
        return yaml[start..end];
    }

    [Fact]
    public void ToYaml_OfTheSameKitFromDifferentFileSplits_IsIdentical()
    {
        var oneFile = KitLoader.Parse(KitFixtures.Files()).Kit!;
        var otherSplit = KitLoader.Parse(
        [
            ("a.yaml", KitFixtures.KitYaml),
            ("b.yaml", KitFixtures.QuestionsYaml),
        ]).Kit!;

        Assert.Equal(KitWriter.ToYaml(oneFile), KitWriter.ToYaml(otherSplit));
    }

    /// <summary>A valid kit built in code with every section, optional fields both present and absent, and awkward strings.</summary>
    internal static Kit HandBuiltKit()
    {
        static ValueList<Indicator> Indicators(string prefix, bool cues) =>
            Of(Enumerable.Range(1, 4).Select(i => new Indicator($"{prefix} indicator {i}", cues ? Of($"cue {i}", "c#", "node.js") : ValueList<string>.Empty)).ToArray());

        var descriptors = new LevelDescriptors("Junior: \"quoted\".", "Mid:\nsecond line", "  Senior, indented", "Principal # not a comment");
        var competency = new Competency("service-api", "Service APIs", "Designing contracts.\n\n- a markdown list\n- with: colons", descriptors, Of("Idempotency keys", "Cursor pagination: why"));
        var questions = Of(
            new Question(
                "awkward-follow-ups", "competency", "service-api", null, Of(Level.Mid), "peer-technical", "Awkward strings", "Prompt.",
                Indicators("Positive", cues: true), Indicators("Negative", cues: false), Of(AwkwardStrings), null,
                ValueList<string>.Empty, ValueList<Indicator>.Empty, ValueList<string>.Empty, ValueList<string>.Empty),
            new Question(
                "technical-one", "technical", null, "ownership", Of(Level.Junior, Level.Principal), "peer-technical", "Technical: a title", "Prompt\nover lines.",
                Indicators("Strong", cues: true), Indicators("Weak", cues: true), Of("Follow-up one?", "Follow-up two?"), "A note for interviewers.",
                Of("Point one", "Point two"), Of(new Indicator("Pitfall one", Of("pitfall")), new Indicator("Pitfall two", ValueList<string>.Empty)), ValueList<string>.Empty, ValueList<string>.Empty),
            new Question(
                "attitude-one", "attitude", null, "ownership", Of(Level.Senior), "peer-technical", "Attitude", "Prompt.",
                Indicators("Good", cues: true), Indicators("Bad", cues: false), Of("One?", "Two?"), null,
                ValueList<string>.Empty, ValueList<Indicator>.Empty, ValueList<string>.Empty, ValueList<string>.Empty),
            new Question(
                "screen-one", "screen", "service-api", null, Of(Level.Mid, Level.Senior), "peer-technical", "Screen", "Write it down.",
                Indicators("Clear", cues: true), Indicators("Vague", cues: false), Of("One?", "Two?"), "Model.",
                ValueList<string>.Empty, ValueList<Indicator>.Empty, Of("Red flag"), Of("Strong 1", "Strong 2", "Strong 3")),
            new Question(
                "screen-two", "screen", null, null, Of(Level.Mid), "peer-technical", "Screen two", "Write.",
                Indicators("Sharp", cues: true), Indicators("Blunt", cues: false), Of("One?", "Two?"), "Model.",
                ValueList<string>.Empty, ValueList<Indicator>.Empty, Of("Red flag"), Of("Strong 1", "Strong 2", "Strong 3")),
            new Question(
                "screen-three", "screen", null, null, Of(Level.Mid), "peer-technical", "Screen three", "Write.",
                Indicators("Exact", cues: true), Indicators("Loose", cues: false), Of("One?", "Two?"), "Model.",
                ValueList<string>.Empty, ValueList<Indicator>.Empty, Of("Red flag"), Of("Strong 1", "Strong 2", "Strong 3")));

        var diff = "--- a/app.py\n+++ b/app.py\n@@ -1,3 +1,4 @@\n import os\n \n-x = 1\n+x = f\"{os.environ['X']}\"  # trailing comment\n+y: int = 2";
        var exercise = new Exercise(
            "review-one", "code_review", "Review: a small change", "python", "Context with `code` and a > quote.", diff,
            Of(new PlantedIssue("env-lookup", "high", 7, "Unchecked lookup", "Raises KeyError.", "Use get()."),
               new PlantedIssue("type-hint", "low", 8, "Hint", "Odd.", "Drop it."),
               new PlantedIssue("import", "medium", 4, "Import", "Unused?", "Check.")),
            Of(new RubricCriterion("finds", "Finds issues", "All", "None"),
               new RubricCriterion("explains", "Explains", "Why", "What"),
               new RubricCriterion("tone", "Tone", "Kind", "Harsh")));

        return new Kit(
            new KitInfo("hand-built", "Hand-built kit", "Summary: with a colon.", "Overview\n\nwith paragraphs.", true),
            Of(new Round("peer-technical", "Peer technical", "technical", "Depth.")),
            Of(new Specialisation("apis", "APIs", "Summary.", "Emphasis.", Of(new Weight("service-api", 3)), true),
               new Specialisation("plain", "Plain", "Summary.", "Emphasis.", ValueList<Weight>.Empty, false)),
            Of(new CompetencyArea("architecture", "Architecture", "Description.", Of(competency))),
            Of(new Trait("ownership", "Ownership", "Owns outcomes.")),
            questions,
            Of(exercise),
            new WrittenScreen("screen", "Written screen", "Instructions:\n- one\n- two", 5, Of("screen-one", "screen-two", "screen-three"), "Look for reasoning.", ValueList<string>.Empty),
            Of(new IntakeQuestion("stack", "Which stack?", "Sets the language.", "text", ValueList<IntakeOption>.Empty, "Screen for it."),
               new IntakeQuestion("shape", "Which shape?", "Picks the loop.", "choice",
                   Of(new IntakeOption("small", "Small", new IntakeImplication(null, null, null, ValueList<Weight>.Empty, "Note.")),
                      new IntakeOption("big", "Big: really", new IntakeImplication("apis", Level.Senior, "loop", Of(new Weight("service-api", 2)), "Note."))),
                   null)),
            new JobDescriptionGuide(
                Of(new JobDescriptionSection("stack", "Our stack", "Guidance.", "Example: Go.", true)),
                Of(new AntiPattern("tool-list", "Tool list", "Explanation.", "Fix.")),
                new JobDescriptionLintSettings(8, Of("c#", ".net", "node.js", "c++"), Of(new SeniorityWords(Level.Junior, Of("junior", "entry-level")), new SeniorityWords(Level.Principal, Of("staff"))), Of("US-CA", "EU"))),
            Of(new LoopTemplate("loop", "Loop", "Description.", Of(
                new LoopStageTemplate("screen", "async_screen", "Screen", 5, 480, ValueList<string>.Empty, ValueList<string>.Empty, ValueList<string>.Empty, null, true),
                new LoopStageTemplate("review", "code_review", "Review", 45, 60, Of("service-api"), Of("ownership"), Of("technical-one"), "review-one", false)))),
            new ResumeFlags(Of(new ResumeFlag("named-language", "Names a language.", Of("python", "c#"))), ValueList<ResumeFlag>.Empty),
            new RedFlags(Of(new RedFlag("no-tests", "No tests.")), Of(new RedFlag("blames", "Blames others."))),
            Of(new HiringMistake("puzzles", "Puzzles", "They measure the wrong thing.")),
            Of(new GlossaryTerm("CI/CD", "Continuous integration: and delivery.")),
            new Compensation(
                "Source: test data.", new DateOnly(2026, 4, 15),
                Of(new CompensationRegion("us", "United States", "USD")),
                Of(new CompensationBand(Level.Mid, "us", 110000, 150000)),
                new CompensationPremium(12.5m, 25m, "Premium note."),
                new EquityGuide("series-a", Of(new EquityRange(Level.Mid, 0.02m, 0.05m))),
                null),
            new OnboardingTemplate("Ninety days.", Of(new OnboardingPhase("first", "Weeks 1-2: read", 1, 14, "Goal.", Of(new OnboardingItem("access", "Access", "Ready on day one.", "hiring_manager"))))),
            Of(Of("dedupe", "deduplicate"), Of("naïve", "naive")));
    }
}

/// <summary>The shipped backend kit, loaded once per test run.</summary>
internal static class ShippedKit
{
    private static readonly Lazy<KitLoadResult> Result = new(() => KitLoader.LoadDirectory(KitFixtures.ShippedKitDirectory));

    public static KitLoadResult LoadResult => Result.Value;

    public static Kit Load()
    {
        Assert.Empty(Result.Value.Problems);
        return Result.Value.Kit!;
    }
}
