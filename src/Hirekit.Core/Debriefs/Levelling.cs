using Hirekit.Core.Kits;
using Hirekit.Core.Scorecards;

namespace Hirekit.Core.Debriefs;

/// <summary>One interviewer's judgement of one competency, as the debrief shows it.</summary>
public sealed record PanelRating(Guid ScorecardId, Guid InterviewerId, string InterviewerName, string StageName, Level? Level, bool NoEvidence, string Evidence);

/// <summary>
/// A competency across the panel: every rating, the spread, the assessed level, and the two
/// warnings a debrief must not miss: a disagreement (levels two or more apart) and a gap (the
/// competency matters for the job and nobody saw evidence of it).
/// </summary>
public sealed record CompetencyLine(
    string CompetencyId,
    string Name,
    int Weight,
    IReadOnlyList<PanelRating> Ratings,
    Level? Assessed,
    Level? Lowest,
    Level? Highest,
    bool Disagreement,
    bool Gap);

/// <summary>The weighted share of the assessed competencies that reach a level.</summary>
public sealed record LevelShare(Level Level, decimal Share);

public sealed record LevellingResult(IReadOnlyList<CompetencyLine> Competencies, IReadOnlyList<LevelShare> Shares, Level? Overall);

/// <summary>
/// The levelling rule, stated once and applied everywhere (page, API, docs):
/// <list type="number">
/// <item>A competency's assessed level is the median of the levels the panel gave it ("no
/// evidence" counts as no rating); with an even number of ratings, the lower of the two middle
/// levels, so a split panel never rounds up.</item>
/// <item>A competency is weighted by the job (1 to 5, from the role intake); competencies the
/// panel rated without the job weighting them count with weight 1. It is a gap when its weight is
/// <see cref="MattersWeight"/> or more and nobody rated it.</item>
/// <item>The overall level is the highest level that at least <see cref="OverallShare"/> of the
/// weight reaches, counting assessed competencies and gaps (a gap reaches no level).</item>
/// <item>Ratings two or more levels apart on one competency are a disagreement to discuss.</item>
/// </list>
/// </summary>
public static class Levelling
{
    public const int MattersWeight = 3;
    public const decimal OverallShare = 0.75m;

    /// <summary>The rule in words, for the debrief page, the API and the docs.</summary>
    public const string Rule =
        "Each competency's level is the median of the panel's levels (the lower middle one when the count is even; \"no evidence\" is not a level). " +
        "The overall level is the highest level reached by at least three quarters of the job's weighted competencies, " +
        "where a competency the job weights 3 or more that nobody found evidence for counts as a gap that reaches no level. " +
        "Levels two or more apart on one competency are flagged as a disagreement.";

    public static LevellingResult Compute(Kit kit, IReadOnlyDictionary<string, int> weights, IReadOnlyList<(ScorecardEntry Entry, CompetencyRating Rating)> ratings)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(ratings);
        var ids = weights.Where(w => w.Value >= 1).Select(w => w.Key).Concat(ratings.Select(r => r.Rating.CompetencyId)).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var lines = new List<CompetencyLine>();

        // Kit order first (the framework's areas), then anything the kit does not know (a renamed competency).
        var ordered = kit.Competencies.Select(c => c.Id).Where(ids.Contains).Concat(ids.Where(id => kit.FindCompetency(id) is null).Order(StringComparer.Ordinal));
        foreach (var id in ordered)
        {
            var panel = ratings.Where(r => r.Rating.CompetencyId == id)
                .Select(r => new PanelRating(r.Entry.Card.Id, r.Entry.Card.InterviewerId, r.Entry.InterviewerName, r.Entry.StageName, r.Rating.Level, r.Rating.NoEvidence, r.Rating.Evidence))
                .ToList();
            var levels = panel.Where(p => p.Level is not null).Select(p => p.Level!.Value).Order().ToList();
            var weight = weights.TryGetValue(id, out var w) && w >= 1 ? w : 1;
            lines.Add(new CompetencyLine(
                id,
                kit.FindCompetency(id)?.Name ?? id,
                weight,
                panel,
                Median(levels),
                levels.Count > 0 ? levels[0] : null,
                levels.Count > 0 ? levels[^1] : null,
                levels.Count > 0 && levels[^1] - levels[0] >= 2,
                levels.Count == 0 && weight >= MattersWeight));
        }

        var counted = lines.Where(l => l.Assessed is not null || l.Gap).ToList();
        var total = counted.Sum(l => l.Weight);
        var shares = Levels.All.Select(level => new LevelShare(level, total == 0 ? 0m : Math.Round((decimal)counted.Where(l => l.Assessed >= level).Sum(l => l.Weight) / total, 4))).ToList();
        var overall = total == 0 ? null : shares.Where(s => s.Share >= OverallShare).Select(s => (Level?)s.Level).LastOrDefault();
        return new LevellingResult(lines, shares, overall);
    }

    /// <summary>The median of sorted levels; the lower middle one for an even count; null for none.</summary>
    public static Level? Median(IReadOnlyList<Level> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? null : sorted[(sorted.Count - 1) / 2];
    }

    /// <summary>"below", "meets" or "above" the target; "unknown" without an overall level.</summary>
    public static string Compare(Level? overall, Level target) => overall switch
    {
        null => "unknown",
        { } o when o < target => "below",
        { } o when o > target => "above",
        _ => "meets",
    };
}
