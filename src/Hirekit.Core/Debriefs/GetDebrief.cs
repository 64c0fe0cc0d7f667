using Hirekit.Core.Applications;
using Hirekit.Core.Common;
using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;
using Hirekit.Core.Offers;
using Hirekit.Core.Scorecards;

namespace Hirekit.Core.Debriefs;

/// <summary>A red flag one interviewer raised, with their note.</summary>
public sealed record RedFlagMention(string InterviewerName, string StageName, string? FlagId, string Text, string Note);

/// <summary>A scorecard the panel still owes, on an interview that was not cancelled.</summary>
public sealed record MissingScorecard(Guid InterviewId, string InterviewerName, string StageName, DateTimeOffset InterviewStartsAt);

/// <summary>
/// The debrief of an application: the levelling of every competency, the overall level against
/// the job's target, red flags, the tally of recommendations, what is still missing, and the
/// decisions and offers so far.
/// </summary>
public sealed record Debrief(
    ApplicationDetails Application,
    LevellingResult Levelling,
    string Comparison,
    IReadOnlyDictionary<Recommendation, int> Tally,
    IReadOnlyList<RedFlagMention> RedFlags,
    IReadOnlyList<ScorecardEntry> Submitted,
    IReadOnlyList<MissingScorecard> Missing,
    int Hidden,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyList<Offer> Offers,
    bool CanDecide)
{
    public Level Target => Application.Job.Job.TargetLevel;

    public Offer? OpenOffer => Offers.FirstOrDefault(o => o.IsOpen);
}

/// <summary>
/// Builds the debrief from the scorecards the caller may read (the same independence rules as
/// the scorecards page), in a fixed number of queries whatever the panel size.
/// </summary>
public sealed class GetDebrief(GetApplication getApplication, ListApplicationScorecards scorecards, IScorecardStore store, IDecisionStore decisions, IOfferStore offers)
{
    public async Task<Result<Debrief>> HandleAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var application = await getApplication.HandleAsync(actor, applicationId, ct);
        if (!application.IsSuccess)
        {
            return application.Error!;
        }

        var visible = (await scorecards.HandleAsync(actor, applicationId, ct)).Value;
        var all = await store.ListForApplicationAsync(actor.OrganizationId, applicationId, ct);
        var history = await decisions.ListForApplicationAsync(actor.OrganizationId, applicationId, ct);
        var offerList = await offers.ListForApplicationAsync(actor.OrganizationId, applicationId, ct);
        return Build(application.Value, visible.Visible, all, visible.Hidden, history, offerList, RecordDecision.MayDecide(actor, application.Value));
    }

    public static Debrief Build(ApplicationDetails application, IReadOnlyList<ScorecardEntry> visible, IReadOnlyList<ScorecardEntry> all, int hidden, IReadOnlyList<Decision> decisions, IReadOnlyList<Offer> offers, bool canDecide)
    {
        ArgumentNullException.ThrowIfNull(application);
        var kit = application.Job.Kit;
        var submitted = visible.Where(e => e.Card.IsSubmitted).ToList();
        var ratings = submitted.SelectMany(e => e.Card.Content.Ratings.Select(r => (e, r))).ToList();
        var levelling = Levelling.Compute(kit, application.Job.Job.Weights, ratings);
        var tally = Enum.GetValues<Recommendation>().ToDictionary(r => r, r => submitted.Count(e => e.Card.Content.Recommendation == r));
        var flagTexts = ScorecardRules.KitRedFlags(kit).ToDictionary(f => f.Id, f => f.Text, StringComparer.Ordinal);
        var redFlags = submitted.SelectMany(e =>
            e.Card.Content.RedFlags.Select(f => new RedFlagMention(e.InterviewerName, e.StageName, f, flagTexts.GetValueOrDefault(f, f), e.Card.Content.RedFlagNote))
                .Concat(e.Card.Content.RedFlags.Count == 0 && e.Card.Content.RedFlagNote.Length > 0 ? [new RedFlagMention(e.InterviewerName, e.StageName, null, "Noted by the interviewer", e.Card.Content.RedFlagNote)] : []))
            .ToList();
        var missing = MissingOf(all);
        return new Debrief(application, levelling, Levelling.Compare(levelling.Overall, application.Job.Job.TargetLevel), tally, redFlags, submitted, missing, hidden, decisions, offers, canDecide);
    }

    /// <summary>Drafts on interviews that were not cancelled: the scorecards a decision would be taken without.</summary>
    public static IReadOnlyList<MissingScorecard> MissingOf(IReadOnlyList<ScorecardEntry> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        return all.Where(e => !e.Card.IsSubmitted && e.InterviewStatus != InterviewStatuses.Cancelled)
            .Select(e => new MissingScorecard(e.Card.InterviewId, e.InterviewerName, e.StageName, e.InterviewStartsAt))
            .ToList();
    }
}
