using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;
using Hirekit.Core.Scorecards;

namespace Hirekit.Web.Pages.Interviews;

/// <summary>
/// The scorecard as the kit page's form posts it. Ratings post "1".."4" or "none" from one radio
/// group per competency, so "no evidence" is an explicit choice rather than a missing answer.
/// </summary>
public sealed class ScorecardForm
{
    public const string NoEvidence = "none";

    public int Revision { get; set; }

    public List<QuestionInput> Questions { get; set; } = [];

    public List<RatingInput> Ratings { get; set; } = [];

    public List<string> RedFlags { get; set; } = [];

    public string? RedFlagNote { get; set; }

    public int? Recommendation { get; set; }

    public string? Summary { get; set; }

    public sealed class QuestionInput
    {
        public string QuestionId { get; set; } = "";

        public List<int> Positive { get; set; } = [];

        public List<int> Negative { get; set; } = [];

        public string? Notes { get; set; }
    }

    public sealed class RatingInput
    {
        public string CompetencyId { get; set; } = "";

        public string? Choice { get; set; }

        public string? Evidence { get; set; }
    }

    /// <summary>A form for every planned question and focus competency, filled from the saved content.</summary>
    public static ScorecardForm From(Scorecard card, InterviewPlan plan)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(plan);
        var c = card.Content;
        return new ScorecardForm
        {
            Revision = card.Revision,
            Questions = plan.Questions.Select(id => c.Questions.FirstOrDefault(q => q.QuestionId == id) is { } q
                ? new QuestionInput { QuestionId = id, Positive = [.. q.Positive], Negative = [.. q.Negative], Notes = q.Notes }
                : new QuestionInput { QuestionId = id }).ToList(),
            Ratings = plan.Focus.Select(id => c.Ratings.FirstOrDefault(r => r.CompetencyId == id) is { } r
                ? new RatingInput { CompetencyId = id, Choice = r.NoEvidence ? NoEvidence : ((int?)r.Level)?.ToString(System.Globalization.CultureInfo.InvariantCulture), Evidence = r.Evidence }
                : new RatingInput { CompetencyId = id }).ToList(),
            RedFlags = [.. c.RedFlags],
            RedFlagNote = c.RedFlagNote,
            Recommendation = (int?)c.Recommendation,
            Summary = c.Summary,
        };
    }

    public ScorecardContent ToContent() => new(
        Questions.Select(q => new QuestionNotes(q.QuestionId, q.Positive, q.Negative, q.Notes ?? "")).ToList(),
        Ratings.Select(r => new CompetencyRating(
            r.CompetencyId,
            int.TryParse(r.Choice, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level) ? (Level)level : null,
            r.Choice == NoEvidence,
            r.Evidence ?? "")).ToList(),
        RedFlags,
        RedFlagNote ?? "",
        Recommendation is { } rec ? (Recommendation)rec : null,
        Summary ?? "");

    /// <summary>The form field a use case's error key ("ratings.api-design", "recommendation") belongs to.</summary>
    public string FieldOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.StartsWith("ratings.", StringComparison.Ordinal))
        {
            var index = Ratings.FindIndex(r => r.CompetencyId == key["ratings.".Length..]);
            return index >= 0 ? $"Form.Ratings[{index}].Choice" : "";
        }

        if (key.StartsWith("questions.", StringComparison.Ordinal))
        {
            var index = Questions.FindIndex(q => q.QuestionId == key["questions.".Length..]);
            return index >= 0 ? $"Form.Questions[{index}].Notes" : "";
        }

        return key switch
        {
            "recommendation" => "Form.Recommendation",
            "summary" => "Form.Summary",
            "redFlags" or "redFlagNote" => "Form.RedFlagNote",
            _ => "",
        };
    }
}
