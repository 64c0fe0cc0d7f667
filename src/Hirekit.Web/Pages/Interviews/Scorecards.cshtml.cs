using Hirekit.Core.Applications;
using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Settings;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Interviews;

/// <summary>
/// The scorecards of an application the member may read (see <see cref="ScorecardVisibility"/>):
/// a grid of levels per competency and interviewer, then each scorecard in full. Interviewers who
/// still owe theirs are told why others are hidden.
/// </summary>
public sealed class ScorecardsModel(GetApplication getApplication, ListApplicationScorecards list, ListApplicationInterviews interviews) : HirekitPageModel
{
    public ApplicationDetails Application { get; private set; } = null!;

    public ApplicationScorecards Cards { get; private set; } = null!;

    public IReadOnlyList<InterviewSummary> Interviews { get; private set; } = [];

    public Kit Kit => Application.Job.Kit;

    public IReadOnlyList<ScorecardEntry> Submitted => Cards.Visible.Where(e => e.Card.IsSubmitted).ToList();

    /// <summary>Every competency some visible submitted scorecard rated, in kit order.</summary>
    public IReadOnlyList<Competency> Rated =>
        Kit.Competencies.Where(c => Submitted.Any(e => e.Card.Content.Ratings.Any(r => r.CompetencyId == c.Id))).ToList();

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        var application = await getApplication.HandleAsync(Actor, applicationId, ct);
        if (!application.IsSuccess)
        {
            return NotFound();
        }

        Application = application.Value;
        Cards = (await list.HandleAsync(Actor, applicationId, ct)).Value;
        Interviews = (await interviews.HandleAsync(Actor, applicationId, ct)).Value;
        return Page();
    }

    public string HiddenNote => Cards.Settings.ScorecardVisibility switch
    {
        ScorecardVisibilities.Never when !Cards.WaitingForOwn => $"{Cards.Hidden} more submitted {Plural(Cards.Hidden)} by other interviewers. In this organisation, interviewers read only their own.",
        _ => $"{Cards.Hidden} more submitted {Plural(Cards.Hidden)} will show here once you submit yours, so your judgement stays your own.",
    };

    public static string Cell(CompetencyRating? rating) => rating switch
    {
        null => "",
        { NoEvidence: true } => "No evidence",
        { Level: { } level } => $"{level} ({(int)level})",
        _ => "",
    };

    public static string RecommendationLabel(Recommendation? recommendation) => recommendation switch
    {
        Recommendation.StrongNo => "Strong no",
        Recommendation.No => "No",
        Recommendation.Yes => "Yes",
        Recommendation.StrongYes => "Strong yes",
        _ => "No recommendation yet",
    };

    public string When(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Cards.Settings.Zone).ToString("ddd d MMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Plural(int n) => n == 1 ? "scorecard" : "scorecards";
}
