namespace Hirekit.Core.Kits;

/// <summary>The closed vocabularies of the kit format (docs/kit-format.md), as their YAML codes.</summary>
public static class Vocabulary
{
    public const string Format = "hirekit-kit/1";

    public static readonly IReadOnlyList<string> StageKinds =
        ["cv_review", "pre_screen", "async_screen", "technical", "system_design", "code_review", "knowledge", "behavioural", "hiring_manager"];

    public static readonly IReadOnlyList<string> QuestionKinds = ["competency", "attitude", "technical", "focus", "screen", "design"];

    public static readonly IReadOnlyList<string> Severities = ["critical", "high", "medium", "low"];

    public static readonly IReadOnlyList<string> Owners = ["hiring_manager", "new_hire", "buddy", "team"];

    public static readonly IReadOnlyList<string> AnswerTypes = ["choice", "text"];

    public static readonly IReadOnlyList<string> ExerciseKinds = ["code_review"];
}
