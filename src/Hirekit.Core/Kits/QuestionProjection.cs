namespace Hirekit.Core.Kits;

/// <summary>One question of a kit document as the question bank filters and searches it.</summary>
public sealed record ProjectedQuestion(
    string Key,
    int Position,
    string Kind,
    string? Competency,
    string? Trait,
    string Round,
    int LevelMask,
    string Title,
    string Prompt,
    string Body);

public static class QuestionProjection
{
    /// <summary>The bit of a level in a level mask: Junior 1, Mid 2, Senior 4, Principal 8.</summary>
    public static int Bit(Level level) => 1 << ((int)level - 1);

    public static int Mask(IEnumerable<Level> levels) => levels.Aggregate(0, (mask, level) => mask | Bit(level));

    /// <summary>
    /// The searchable rows of a kit. The body carries everything an interviewer might search for
    /// besides title and prompt: the competency or trait name, indicators, follow-ups, points,
    /// pitfalls, red flags and model-answer notes.
    /// </summary>
    public static IReadOnlyList<ProjectedQuestion> From(Kit kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        return kit.Questions.Select((q, index) =>
        {
            var subject = q.Competency is { } c ? kit.FindCompetency(c)?.Name : q.Trait is { } t ? kit.FindTrait(t)?.Name : null;
            var body = string.Join(
                "\n",
                new[] { subject, q.ModelAnswer }
                    .Concat(q.Positive.Select(i => i.Text))
                    .Concat(q.Negative.Select(i => i.Text))
                    .Concat(q.FollowUps)
                    .Concat(q.AssessmentPoints)
                    .Concat(q.Pitfalls.Select(i => i.Text))
                    .Concat(q.RedFlags)
                    .Concat(q.StrongAnswer)
                    .Where(s => !string.IsNullOrWhiteSpace(s)));
            return new ProjectedQuestion(q.Id, index, q.Kind, q.Competency, q.Trait, q.Round, Mask(q.Levels), q.Title, q.Prompt, body);
        }).ToList();
    }
}
