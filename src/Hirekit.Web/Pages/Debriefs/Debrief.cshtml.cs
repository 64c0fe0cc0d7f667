using System.Globalization;
using Hirekit.Core.Common;
using Hirekit.Core.Debriefs;
using Hirekit.Core.Kits;
using Hirekit.Core.Offers;
using Hirekit.Core.Scorecards;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Debriefs;

/// <summary>
/// The debrief of an application: the level matrix (readable without colour and in print), the
/// levelling rule and its result against the target, red flags and recommendations, then the
/// decision form for the job's hiring managers and admins, and the offer that follows a hire.
/// </summary>
public sealed class DebriefModel(GetDebrief getDebrief, RecordDecision decide, CreateOffer createOffer, TimeProvider time) : HirekitPageModel
{
    public Debrief Debrief { get; private set; } = null!;

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    [BindProperty]
    public OfferForm Offer { get; set; } = new();

    /// <summary>The columns of the matrix: every submitted scorecard the member may read.</summary>
    public IReadOnlyList<ScorecardEntry> Columns => Debrief.Submitted;

    public Kit Kit => Debrief.Application.Job.Kit;

    public bool IsFinal => Core.Candidates.PipelineStages.IsFinal(Debrief.Application.Summary.Application.Stage);

    /// <summary>A hire was decided and no offer is in play: the offer form is offered.</summary>
    public bool CanOffer =>
        Actor.Role is Core.Accounts.Role.Admin or Core.Accounts.Role.Recruiter or Core.Accounts.Role.HiringManager
        && Debrief.Decisions.Count > 0 && Debrief.Decisions[0].Outcome == DecisionOutcomes.Hire
        && Debrief.OpenOffer is null
        && Debrief.Application.Summary.Application.Stage == Core.Candidates.PipelineStages.Offer;

    public IReadOnlyList<FormError> Errors => FormErrors.Summary(ModelState, FormErrors.IdOf, ["Decision.Outcome", "Decision.Level", "Decision.Rationale", "Decision.OverrideReason", "Offer.Level", "Offer.Region", "Offer.BaseSalary", "Offer.EquityPercent", "Offer.StartDate"]);

    public async Task<IActionResult> OnGetAsync(Guid applicationId, CancellationToken ct)
    {
        if (await LoadAsync(applicationId, ct) is { } refusal)
        {
            return refusal;
        }

        Decision.Level = Debrief.Levelling.Overall?.Code() ?? Debrief.Target.Code();
        Offer = new OfferForm
        {
            Level = ((Debrief.Decisions.Count > 0 ? Debrief.Decisions[0].Level : null) ?? Debrief.Target).Code(),
            Region = Debrief.Application.Job.Job.CompensationRegion,
            StartDate = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid applicationId, CancellationToken ct)
    {
        Level? level = Decision.Outcome == DecisionOutcomes.Hire && Levels.TryParse(Decision.Level, out var l) ? l : null;
        var result = await decide.HandleAsync(Actor, applicationId, new RecordDecision.Request(Decision.Outcome, level, Decision.Rationale, Decision.OverrideReason), ct);
        if (result.IsSuccess)
        {
            Flash = result.Value.Outcome == DecisionOutcomes.Hire ? $"Decision recorded: hire at {result.Value.Level!.Value.Label()}. The application moved to Offer." : "Decision recorded: no hire. The application was rejected.";
            return RedirectToPage(new { applicationId });
        }

        if (Refusal(result.Error!) is { } refused)
        {
            return refused;
        }

        AddErrors(result.Error!, nameof(Decision));
        if (result.Error!.Code == "decision.scorecards_missing")
        {
            ModelState.AddModelError("Decision.OverrideReason", "Scorecards are missing: give the reason to decide without them, or wait.");
        }

        return await LoadAsync(applicationId, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostOfferAsync(Guid applicationId, CancellationToken ct)
    {
        Level? level = Levels.TryParse(Offer.Level, out var l) ? l : null;
        var start = DateOnly.TryParseExact(Offer.StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var result = await createOffer.HandleAsync(Actor, applicationId, new CreateOffer.Request(level, Offer.Region, Offer.BaseSalary, null, Offer.EquityPercent, start), ct);
        if (result.IsSuccess)
        {
            Flash = result.Value.Band.Within ? "Offer drafted inside its band." : "Offer drafted outside its band: an admin must approve it.";
            return Redirect($"/offers/{result.Value.Id}");
        }

        if (Refusal(result.Error!) is { } refused)
        {
            return refused;
        }

        AddErrors(result.Error!, nameof(Offer));
        return await LoadAsync(applicationId, ct) ?? Page();
    }

    public static string LevelText(Level? level) => level is { } l ? $"{l.Label()} ({(int)l})" : "—";

    public static string CellText(PanelRating? rating) => rating switch
    {
        null => "—",
        { NoEvidence: true } => "No evidence",
        { Level: { } l } => $"{l.Label()} ({(int)l})",
        _ => "—",
    };

    public static string CellClass(PanelRating? rating) => rating?.Level is { } l ? $"lvl lvl-{(int)l}" : "lvl lvl-none";

    public static string Percent(decimal share) => share.ToString("P0", CultureInfo.InvariantCulture);

    public string When(DateTimeOffset instant) => instant.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public string ComparisonText => Debrief.Comparison switch
    {
        "meets" => $"Meets the {Debrief.Target.Label()} target",
        "above" => $"Above the {Debrief.Target.Label()} target",
        "below" => $"Below the {Debrief.Target.Label()} target",
        _ => "Not enough evidence to level",
    };

    private async Task<IActionResult?> LoadAsync(Guid applicationId, CancellationToken ct)
    {
        var debrief = await getDebrief.HandleAsync(Actor, applicationId, ct);
        if (!debrief.IsSuccess)
        {
            return Refusal(debrief.Error!) ?? NotFound();
        }

        Debrief = debrief.Value;
        return null;
    }

    public sealed class DecisionForm
    {
        public string? Outcome { get; set; }

        public string? Level { get; set; }

        public string? Rationale { get; set; }

        public string? OverrideReason { get; set; }
    }

    public sealed class OfferForm
    {
        public string? Level { get; set; }

        public string? Region { get; set; }

        public int? BaseSalary { get; set; }

        public decimal? EquityPercent { get; set; }

        public string? StartDate { get; set; }
    }
}
