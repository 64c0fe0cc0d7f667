using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using static Hirekit.Core.Tests.Jobs.JobFixtures;

namespace Hirekit.Core.Tests.Jobs;

public sealed class RoleIntakeTests
{
    [Fact]
    public void Answers_ChooseSpecialisationLoopTemplateAndLevel()
    {
        var outcome = RoleIntake.Apply(ShippedKit, Answers()).Value;

        Assert.Equal("data-intensive", outcome.Specialisation);
        Assert.Equal("written-screen-loop", outcome.LoopTemplate);
        Assert.Equal(Level.Senior, outcome.ImpliedLevel);
        Assert.Equal(7, outcome.Notes.Count);
        Assert.All(outcome.Notes, n => Assert.False(string.IsNullOrWhiteSpace(n.ScreenNote)));
    }

    [Fact]
    public void Weights_StartFromTheSpecialisationAndGrowWithTheAnswers()
    {
        var outcome = RoleIntake.Apply(ShippedKit, Answers()).Value;

        // data-intensive weighs data-persistence 3; write-heavy adds 2: capped at 5.
        Assert.Equal(5, outcome.Weights["data-persistence"]);
        // The written-screen loop focuses on security-compliance; no answer adds to it.
        Assert.Equal(1, outcome.Weights["security-compliance"]);
        Assert.All(outcome.Weights.Values, w => Assert.InRange(w, 1, RoleIntake.MaxWeight));
        Assert.DoesNotContain("iot-edge", outcome.Weights.Keys);
    }

    [Fact]
    public void ADifferentWorkload_PointsToAnotherSpecialisation()
    {
        var answers = Answers();
        answers["database-workload"] = "read-heavy-latency";

        Assert.Equal("systems-performance", RoleIntake.Apply(ShippedKit, answers).Value.Specialisation);
    }

    [Fact]
    public void MissingAndUnknownAnswers_AreReportedPerQuestion()
    {
        var answers = Answers();
        answers.Remove("deployment-model");
        answers["database-workload"] = "quantum";
        answers["favourite-colour"] = "blue";

        var error = RoleIntake.Apply(ShippedKit, answers).Error!;

        Assert.Equal("intake.invalid", error.Code);
        Assert.Equal(["intake.database-workload", "intake.deployment-model", "intake.favourite-colour"], error.Fields!.Keys.Order());
    }
}
