using System.Globalization;
using Hirekit.Core.Kits;

namespace Hirekit.Web.Pages.Kits;

/// <summary>How the kit pages word the kit format's codes (origins, kinds, stage kinds, diff sections) for people.</summary>
public static class KitText
{
    public static string Origin(string origin) => origin switch
    {
        KitOrigins.BuiltIn => "Built-in template",
        KitOrigins.Fork => "Remix",
        KitOrigins.Import => "Imported",
        _ => origin,
    };

    /// <summary>The CSS modifier of an origin badge.</summary>
    public static string OriginClass(string origin) => origin switch
    {
        KitOrigins.BuiltIn => "badge origin-builtin",
        KitOrigins.Fork => "badge origin-remix",
        _ => "badge origin-import",
    };

    public static string Kind(string kind) => kind switch
    {
        "competency" => "Competency",
        "attitude" => "Attitude",
        "technical" => "Technical",
        "focus" => "Focus area",
        "screen" => "Written screen",
        "design" => "System design",
        _ => kind,
    };

    public static string KindHeading(string kind) => kind switch
    {
        "competency" => "Competency questions",
        "attitude" => "Attitude questions",
        "technical" => "Technical questions",
        "focus" => "Focus-area questions",
        "screen" => "Written-screen questions",
        "design" => "System design questions",
        _ => kind,
    };

    public static string StageKind(string kind) => kind switch
    {
        "cv_review" => "CV review",
        "pre_screen" => "Pre-screen",
        "async_screen" => "Async screen",
        "technical" => "Technical",
        "system_design" => "System design",
        "code_review" => "Code review",
        "knowledge" => "Knowledge",
        "behavioural" => "Behavioural",
        "hiring_manager" => "Hiring manager",
        _ => kind,
    };

    public static string Section(string section) => section switch
    {
        "kit" => "Kit information",
        "rounds" => "Rounds",
        "specialisations" => "Specialisations",
        "areas" => "Competency areas",
        "competencies" => "Competencies",
        "traits" => "Traits",
        "questions" => "Questions",
        "exercises" => "Exercises",
        "written_screen" => "Written screen",
        "role_intake" => "Role intake",
        "job_description" => "Job description guidance",
        "loop_templates" => "Loop templates",
        "resume_flags" => "Resume flags",
        "red_flags" => "Red flags",
        "hiring_mistakes" => "Hiring mistakes",
        "glossary" => "Glossary",
        "compensation" => "Compensation",
        "onboarding" => "Onboarding plan",
        "synonyms" => "Synonyms",
        _ => section,
    };

    public static string ChangeClass(ChangeType type) => type switch
    {
        ChangeType.Added => "badge ok",
        ChangeType.Removed => "badge danger",
        ChangeType.Moved => "badge off",
        _ => "badge info",
    };

    public static string LevelList(IEnumerable<Level> levels) => string.Join(", ", levels.Select(l => l.Label()));

    /// <summary>The levels of a question-bank level mask (Junior 1, Mid 2, Senior 4, Principal 8).</summary>
    public static IReadOnlyList<Level> LevelsOf(int mask) => Levels.All.Where(l => (mask & QuestionProjection.Bit(l)) != 0).ToList();

    public static string Minutes(int min, int max) =>
        min == max ? string.Create(CultureInfo.InvariantCulture, $"{min} min") : string.Create(CultureInfo.InvariantCulture, $"{min}–{max} min");

    public static string Date(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Plain kit text (not Markdown) as paragraphs: blank lines separate paragraphs, and the hard
    /// line breaks of YAML block scalars inside a paragraph become spaces.
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                Flush();
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(string.Join(' ', current));
                current.Clear();
            }
        }
    }

    /// <summary>The start of a text on one line, cut at a word boundary.</summary>
    public static string Excerpt(string? text, int max = 180)
    {
        var flat = string.Join(' ', Paragraphs(text?.Replace("`", "", StringComparison.Ordinal)));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', max);
        return string.Concat(flat.AsSpan(0, cut > max / 2 ? cut : max), "…");
    }
}
