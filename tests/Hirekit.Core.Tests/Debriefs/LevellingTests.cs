using Hirekit.Core.Debriefs;
using Hirekit.Core.Interviews;
using Hirekit.Core.Kits;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Tests.Jobs;

namespace Hirekit.Core.Tests.Debriefs;

public sealed class LevellingTests
{
    private const string Api = "service-api";
    private const string Data = "data-persistence";
    private const string Architecture = "technical-architecture";
    private const string Security = "security-compliance";

    private static Kit Kit => JobFixtures.ShippedKit;

    [Fact]
    public void AUnanimousPanel_IsLevelledAtItsLevel_Everywhere()
    {
        var result = Compute(Weights((Api, 5), (Data, 3)), Panel(("Ana", Api, Level.Senior), ("Ben", Api, Level.Senior), ("Ana", Data, Level.Senior), ("Ben", Data, Level.Senior)));

        Assert.All(result.Competencies, c => Assert.Equal(Level.Senior, c.Assessed));
        Assert.All(result.Competencies, c => Assert.False(c.Disagreement || c.Gap));
        Assert.Equal(Level.Senior, result.Overall);
        Assert.Equal(1m, result.Shares.Single(s => s.Level == Level.Senior).Share);
        Assert.Equal(0m, result.Shares.Single(s => s.Level == Level.Principal).Share);
    }

    [Fact]
    public void ASplitPanel_TakesTheLowerMiddleLevel_SoItNeverRoundsUp()
    {
        var result = Compute(Weights((Api, 4)), Panel(("Ana", Api, Level.Senior), ("Ben", Api, Level.Mid), ("Cy", Api, Level.Senior), ("Di", Api, Level.Mid)));

        var api = Assert.Single(result.Competencies);
        Assert.Equal(Level.Mid, api.Assessed);
        Assert.Equal((Level.Mid, Level.Senior), (api.Lowest!.Value, api.Highest!.Value));
        Assert.False(api.Disagreement); // one level apart is normal spread
        Assert.Equal(Level.Mid, result.Overall);
    }

    [Fact]
    public void OneOutlier_DoesNotMoveTheMedian_ButIsFlaggedAsADisagreement()
    {
        var result = Compute(Weights((Api, 5)), Panel(("Ana", Api, Level.Senior), ("Ben", Api, Level.Senior), ("Cy", Api, Level.Junior)));

        var api = Assert.Single(result.Competencies);
        Assert.Equal(Level.Senior, api.Assessed);
        Assert.True(api.Disagreement);
        Assert.Equal(Level.Senior, result.Overall);
    }

    [Fact]
    public void AGap_IsACompetencyThatMatters_WithNoEvidence_AndItCountsAgainstTheOverallLevel()
    {
        // API (5) and data (3) reach senior; architecture (4) matters and nobody saw it: 8 of 12 weight = 67 % < 75 %.
        var panel = Panel(("Ana", Api, Level.Senior), ("Ana", Data, Level.Senior)).Concat(NoEvidence("Ben", Architecture)).ToList();
        var withGap = Compute(Weights((Api, 5), (Data, 3), (Architecture, 4), (Security, 2)), panel);

        var architecture = withGap.Competencies.Single(c => c.CompetencyId == Architecture);
        var security = withGap.Competencies.Single(c => c.CompetencyId == Security);
        Assert.True(architecture.Gap);
        Assert.Null(architecture.Assessed);
        Assert.False(security.Gap); // weight 2: not assessed, but not a gap either
        Assert.Equal(0.6667m, withGap.Shares.Single(s => s.Level == Level.Senior).Share);
        Assert.Null(withGap.Overall); // junior is reached by 8 of 12 too: no level has three quarters
    }

    [Fact]
    public void TheOverallLevel_IsTheHighestLevelThreeQuartersOfTheWeightReach()
    {
        // Senior on 5 + 3 + 4 = 12 of 14 weight (86 %); principal on 5 of 14 (36 %).
        var result = Compute(
            Weights((Api, 5), (Data, 3), (Architecture, 4), (Security, 2)),
            Panel(("Ana", Api, Level.Principal), ("Ana", Data, Level.Senior), ("Ben", Architecture, Level.Senior), ("Ben", Security, Level.Mid)));

        Assert.Equal(Level.Senior, result.Overall);
        Assert.Equal("meets", Levelling.Compare(result.Overall, Level.Senior));
        Assert.Equal("below", Levelling.Compare(result.Overall, Level.Principal));
        Assert.Equal("above", Levelling.Compare(result.Overall, Level.Mid));
        Assert.Equal("unknown", Levelling.Compare(null, Level.Mid));
    }

    [Fact]
    public void ACompetencyTheJobDoesNotWeight_CountsOnce_WhenThePanelRatedIt()
    {
        var result = Compute(Weights((Api, 3)), Panel(("Ana", Api, Level.Senior), ("Ana", Security, Level.Junior)));

        Assert.Equal(1, result.Competencies.Single(c => c.CompetencyId == Security).Weight);
        Assert.Equal(Level.Senior, result.Overall); // 3 of 4 weight reach senior: exactly three quarters
    }

    [Fact]
    public void NoEvidence_IsNotALevel_AndANoRatingPanelHasNoOverallLevel()
    {
        var result = Compute(Weights((Api, 2)), NoEvidence("Ana", Api).ToList());

        Assert.Null(result.Competencies.Single().Assessed);
        Assert.Single(result.Competencies.Single().Ratings);
        Assert.Null(result.Overall);
    }

    [Fact]
    public void CompetenciesComeInTheKitsOrder()
    {
        var result = Compute(Weights((Security, 3), (Api, 3)), []);
        var kitOrder = Kit.Competencies.Select(c => c.Id).ToList();

        Assert.Equal(result.Competencies.Select(c => c.CompetencyId).OrderBy(kitOrder.IndexOf), result.Competencies.Select(c => c.CompetencyId));
    }

    private static LevellingResult Compute(Dictionary<string, int> weights, List<(ScorecardEntry, CompetencyRating)> panel) => Levelling.Compute(Kit, weights, panel);

    private static Dictionary<string, int> Weights(params (string Id, int Weight)[] weights) => weights.ToDictionary(w => w.Id, w => w.Weight);

    private static List<(ScorecardEntry, CompetencyRating)> Panel(params (string Interviewer, string Competency, Level Level)[] ratings) =>
        ratings.Select(r => (Entry(r.Interviewer), new CompetencyRating(r.Competency, r.Level, false, $"{r.Interviewer} saw {r.Level}"))).ToList();

    private static IEnumerable<(ScorecardEntry, CompetencyRating)> NoEvidence(string interviewer, string competency) =>
        [(Entry(interviewer), new CompetencyRating(competency, null, true, ""))];

    private static ScorecardEntry Entry(string interviewer)
    {
        var now = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        var card = Scorecard.NewDraft(Guid.Empty, Guid.NewGuid(), Guid.Empty, Guid.NewGuid(), now) with { Status = ScorecardStatuses.Submitted, SubmittedAt = now };
        return new ScorecardEntry(card, interviewer, "Coding", InterviewStatuses.Scheduled, now, now.AddHours(1));
    }
}
