using Hirekit.Core.Kits;

namespace Hirekit.Core.Practice;

/// <summary>
/// A question offered in practice mode, with the names a visitor needs to find it.
/// <paramref name="Group"/> is the competency or trait the question is about.
/// </summary>
public sealed record PracticeQuestion(Kit Kit, Question Question, string Group, string RoundName)
{
    public string Id => Question.Id;
}

/// <summary>
/// The questions practice mode offers: those of the public built-in kits (content/kits, kit
/// <c>public: true</c>) whose kind is competency, technical, design or attitude and that have
/// positive indicators. Organisations' own kits are never offered, so no sign-in is needed and
/// nothing private can leak. Question ids are unique within a kit; if two shipped kits used the
/// same id, the kit read first (ordinal folder order) keeps it.
/// </summary>
public sealed class PracticeCatalog
{
    public static readonly IReadOnlyList<string> Kinds = ["competency", "technical", "design", "attitude"];

    private readonly Dictionary<string, PracticeQuestion> _byId = new(StringComparer.Ordinal);

    public PracticeCatalog(BuiltInKitCatalog builtIn)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        var questions = new List<PracticeQuestion>();
        foreach (var kit in builtIn.Kits.Select(d => d.Kit).Where(k => k.Info.Public))
        {
            foreach (var question in kit.Questions.Where(q => Kinds.Contains(q.Kind) && q.Positive.Count > 0))
            {
                var group = (question.Competency is { } c ? kit.FindCompetency(c)?.Name : null)
                    ?? (question.Trait is { } t ? kit.FindTrait(t)?.Name : null)
                    ?? "Other";
                var practice = new PracticeQuestion(kit, question, group, kit.FindRound(question.Round)?.Name ?? question.Round);
                if (_byId.TryAdd(question.Id, practice))
                {
                    questions.Add(practice);
                }
            }
        }

        Questions = questions;
        Matchers = builtIn.Kits.Select(d => d.Kit).Where(k => k.Info.Public).ToDictionary(k => k.Info.Slug, k => new PracticeMatcher(k), StringComparer.Ordinal);
    }

    public IReadOnlyList<PracticeQuestion> Questions { get; }

    private Dictionary<string, PracticeMatcher> Matchers { get; }

    public PracticeQuestion? Find(string? questionId) =>
        questionId is not null && _byId.TryGetValue(questionId, out var question) ? question : null;

    /// <summary>The matcher of the question's kit (it carries that kit's synonym groups).</summary>
    public PracticeMatcher MatcherFor(PracticeQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Matchers[question.Kit.Info.Slug];
    }

    /// <summary>Questions whose title, prompt, group or round contains every word of <paramref name="text"/>.</summary>
    public IReadOnlyList<PracticeQuestion> Search(string? text, string? kind)
    {
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Questions
            .Where(q => string.IsNullOrEmpty(kind) || q.Question.Kind == kind)
            .Where(q => words.All(w =>
                q.Question.Title.Contains(w, StringComparison.OrdinalIgnoreCase)
                || q.Question.Prompt.Contains(w, StringComparison.OrdinalIgnoreCase)
                || q.Group.Contains(w, StringComparison.OrdinalIgnoreCase)
                || q.RoundName.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }
}
