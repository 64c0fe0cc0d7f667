using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Scorecards;

/// <summary>
/// What a scorecard may contain (shape, checked on every save) and what it must contain to be
/// submitted (a level or "no evidence" for every focus competency, and a recommendation).
/// </summary>
public static class ScorecardRules
{
    public const int MaxNotes = 10_000;
    public const int MaxEvidence = 4_000;
    public const int MaxSummary = 10_000;
    public const int MaxRedFlagNote = 2_000;

    /// <summary>Trims text, orders indicator positions, and drops entries that say nothing.</summary>
    public static ScorecardContent Normalize(ScorecardContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ScorecardContent(
            content.Questions
                .Select(q => new QuestionNotes(q.QuestionId, q.Positive.Distinct().Order().ToList(), q.Negative.Distinct().Order().ToList(), (q.Notes ?? "").Trim()))
                .Where(q => q.Positive.Count > 0 || q.Negative.Count > 0 || q.Notes.Length > 0)
                .ToList(),
            content.Ratings
                .Select(r => new CompetencyRating(r.CompetencyId, r.NoEvidence ? null : r.Level, r.NoEvidence, (r.Evidence ?? "").Trim()))
                .Where(r => r.Level is not null || r.NoEvidence || r.Evidence.Length > 0)
                .ToList(),
            content.RedFlags.Distinct(StringComparer.Ordinal).ToList(),
            (content.RedFlagNote ?? "").Trim(),
            content.Recommendation,
            (content.Summary ?? "").Trim());
    }

    public static Dictionary<string, string[]> CheckShape(ScorecardContent content, Kit kit, InterviewPlan plan)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(plan);
        var fields = new Dictionary<string, string[]>();
        foreach (var group in content.Questions.GroupBy(q => q.QuestionId).Where(g => g.Count() > 1))
        {
            fields[$"questions.{group.Key}"] = ["Each question appears once."];
        }

        foreach (var notes in content.Questions)
        {
            var question = plan.Questions.Contains(notes.QuestionId) ? kit.FindQuestion(notes.QuestionId) : null;
            if (question is null)
            {
                fields[$"questions.{notes.QuestionId}"] = ["This question is not part of the interview."];
                continue;
            }

            var problems = new List<string>();
            if (notes.Positive.Any(p => p < 0 || p >= question.Positive.Count))
            {
                problems.Add($"Positive indicators are numbered 0 to {question.Positive.Count - 1}.");
            }

            if (notes.Negative.Any(p => p < 0 || p >= question.Negative.Count))
            {
                problems.Add($"Negative indicators are numbered 0 to {question.Negative.Count - 1}.");
            }

            if (notes.Notes.Length > MaxNotes)
            {
                problems.Add($"Notes have at most {MaxNotes} characters.");
            }

            if (problems.Count > 0)
            {
                fields[$"questions.{notes.QuestionId}"] = [.. problems];
            }
        }

        foreach (var group in content.Ratings.GroupBy(r => r.CompetencyId).Where(g => g.Count() > 1))
        {
            fields[$"ratings.{group.Key}"] = ["Each competency is rated once."];
        }

        foreach (var rating in content.Ratings)
        {
            if (!plan.Focus.Contains(rating.CompetencyId))
            {
                fields[$"ratings.{rating.CompetencyId}"] = ["This competency is not a focus of the interview."];
            }
            else if (rating.Level is { } level && !Enum.IsDefined(level))
            {
                fields[$"ratings.{rating.CompetencyId}"] = ["A level is 1 (Junior) to 4 (Principal)."];
            }
            else if (rating.Evidence.Length > MaxEvidence)
            {
                fields[$"ratings.{rating.CompetencyId}"] = [$"Evidence has at most {MaxEvidence} characters."];
            }
        }

        var flags = KitRedFlags(kit).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = content.RedFlags.Where(f => !flags.Contains(f)).ToList();
        if (unknown.Count > 0)
        {
            fields["redFlags"] = [$"Unknown red flags: {string.Join(", ", unknown)}."];
        }

        if (content.RedFlagNote.Length > MaxRedFlagNote)
        {
            fields["redFlagNote"] = [$"The red flag note has at most {MaxRedFlagNote} characters."];
        }

        if (content.Recommendation is { } recommendation && !Enum.IsDefined(recommendation))
        {
            fields["recommendation"] = ["A recommendation is 1 (strong no) to 4 (strong yes)."];
        }

        if (content.Summary.Length > MaxSummary)
        {
            fields["summary"] = [$"The summary has at most {MaxSummary} characters."];
        }

        return fields;
    }

    /// <summary>The kit's red flags interviewers can tick: technical first, then behavioural; none when the kit has none.</summary>
    public static IReadOnlyList<RedFlag> KitRedFlags(Kit kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        return kit.RedFlags is { } flags ? [.. flags.Technical, .. flags.Behavioural] : [];
    }

    /// <summary>What is missing before the scorecard can be submitted, by field, naming each competency.</summary>
    public static Dictionary<string, string[]> CheckComplete(ScorecardContent content, Kit kit, InterviewPlan plan)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(plan);
        var fields = new Dictionary<string, string[]>();
        foreach (var competency in plan.Focus)
        {
            var rating = content.Ratings.FirstOrDefault(r => r.CompetencyId == competency);
            if (rating is null || (rating.Level is null && !rating.NoEvidence))
            {
                fields[$"ratings.{competency}"] = [$"Rate {kit.FindCompetency(competency)?.Name ?? competency} or mark it as no evidence."];
            }
        }

        if (content.Recommendation is null)
        {
            fields["recommendation"] = ["Choose an overall recommendation."];
        }

        return fields;
    }
}
