using Hirekit.Core.Debriefs;
using Hirekit.Core.Kits;
using Hirekit.Core.Scorecards;

namespace Hirekit.Core.Feedback;

/// <summary>
/// Writes the first draft of a candidate's report from the submitted scorecards. It reads only
/// levels, the competencies rated and the positions of positive indicators observed, and takes
/// every sentence it shows from the kit or from fixed wording here; interviewer names, notes, red
/// flags and negative indicators are never read, so they cannot leak into the report.
/// </summary>
public static class FeedbackReportBuilder
{
    public static FeedbackContent Build(Kit kit, Level target, string jobTitle, string organizationName, IReadOnlyList<ScorecardEntry> submitted)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(submitted);
        var cards = submitted.Where(e => e.Card.IsSubmitted).ToList();
        var ratings = cards.SelectMany(e => e.Card.Content.Ratings.Where(r => r.Level is not null).Select(r => (e, r))).ToList();
        var levelling = Levelling.Compute(kit, new Dictionary<string, int>(), ratings);
        var sections = new List<FeedbackSection>();
        foreach (var line in levelling.Competencies.Where(l => l.Assessed is not null))
        {
            var competency = kit.FindCompetency(line.CompetencyId);
            if (competency is null)
            {
                continue;
            }

            var observed = ObservedIndicators(kit, competency.Id, cards);
            var strength = line.Assessed!.Value >= target;
            var next = line.Assessed.Value < Level.Principal ? line.Assessed.Value + 1 : (Level?)null;
            var nextStep = strength
                ? next is { } n ? $"To go further, the {n.Label()} level looks like this: {competency.Descriptors.For(n)}" : "You showed this at the highest level we describe; keep teaching it to others."
                : $"To grow here, aim for what we expect at {(next ?? target).Label()} level: {competency.Descriptors.For(next ?? target)}";
            sections.Add(new FeedbackSection(
                competency.Id,
                competency.Name,
                strength ? FeedbackKinds.Strength : FeedbackKinds.Growth,
                strength
                    ? $"A strength. Across the interviews you showed {competency.Name.ToLowerInvariant()} at the level this role asks for, or above."
                    : $"An area to grow. The interviews showed less of {competency.Name.ToLowerInvariant()} than this role asks for.",
                observed,
                nextStep,
                strength ? [] : [.. competency.Topics]));
        }

        // Strengths first, then growth areas, each in the kit's order.
        sections = [.. sections.Where(s => s.Kind == FeedbackKinds.Strength), .. sections.Where(s => s.Kind == FeedbackKinds.Growth)];
        return new FeedbackContent(
            $"Thank you for the time you gave to the interviews for {jobTitle} at {organizationName}. This report tells you what came through, competency by competency, so you can use it whatever the outcome. It is based on structured scorecards; it does not repeat anyone's private notes.",
            sections,
            "We hope this helps. If something here is unclear, reply to the e-mail that brought you this report.");
    }

    /// <summary>The kit's wording of the positive indicators interviewers ticked on questions of this competency, without repeats.</summary>
    private static List<string> ObservedIndicators(Kit kit, string competencyId, IReadOnlyList<ScorecardEntry> cards) =>
        cards.SelectMany(e => e.Card.Content.Questions)
            .Select(q => (Question: kit.FindQuestion(q.QuestionId), q.Positive))
            .Where(x => x.Question is { } question && question.Competency == competencyId)
            .SelectMany(x => x.Positive.Where(p => p >= 0 && p < x.Question!.Positive.Count).Select(p => x.Question!.Positive[p].Text))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
