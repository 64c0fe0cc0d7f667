using Hirekit.Core.Jobs;
using static Hirekit.Core.Tests.Jobs.JobFixtures;

namespace Hirekit.Core.Tests.Jobs;

public sealed class LoopCoverageTests
{
    private static readonly Guid Ada = Guid.NewGuid();
    private static readonly Guid Bo = Guid.NewGuid();

    [Fact]
    public void AWellStaffedLoop_CoversEveryWeightedCompetencyWithoutFindings()
    {
        var weights = new Dictionary<string, int> { ["data-persistence"] = 3, ["service-api"] = 1 };
        var stages = new[]
        {
            Stage("technical", 60, ["data-persistence", "service-api"], ["tech-slow-query"], Ada),
            Stage("system_design", 60, ["data-persistence", "service-api"], ["focus-url-shortener"], Bo),
        };

        var report = LoopCoverage.Check(ShippedKit, weights, stages);

        Assert.Empty(report.Findings);
        Assert.Equal(120, report.LiveMinutes);
    }

    [Fact]
    public void UncoveredCompetency_SingleInterviewer_AndReusedQuestion_AreFlagged()
    {
        var weights = new Dictionary<string, int> { ["data-persistence"] = 3, ["security-compliance"] = 2 };
        var stages = new[]
        {
            Stage("technical", 60, ["data-persistence"], ["tech-slow-query"], Ada),
            Stage("knowledge", 45, [], ["tech-slow-query"], Ada),
        };

        var findings = LoopCoverage.Check(ShippedKit, weights, stages).Findings;

        Assert.Contains(findings, f => f is { Rule: "uncovered_competency", Competency: "security-compliance" });
        Assert.Contains(findings, f => f is { Rule: "single_interviewer", Competency: "data-persistence" });
        Assert.Contains(findings, f => f is { Rule: "reused_question", Question: "tech-slow-query" });
    }

    [Fact]
    public void StagesWithoutQuestionsOrInterviewers_AreFlagged_AndTheScreenIsNotLiveTime()
    {
        var stages = new[]
        {
            Stage("cv_review", 30, [], []),
            Stage("async_screen", 45, ["performance"], ["screen-cache-review-stampede"], Ada) with { WrittenScreen = true },
            Stage("behavioural", 45, [], []),
        };

        var report = LoopCoverage.Check(ShippedKit, new Dictionary<string, int> { ["performance"] = 1 }, stages);

        Assert.Equal(45, report.LiveMinutes);
        Assert.True(report.HasWrittenScreen);
        Assert.Contains(report.Findings, f => f.Rule == "stage_without_questions" && f.Stage == stages[2].Id);
        Assert.Contains(report.Findings, f => f.Rule == "stage_without_interviewers" && f.Stage == stages[2].Id);
        Assert.DoesNotContain(report.Findings, f => f.Rule == "single_interviewer"); // the written screen is read by several reviewers
    }

    private static LoopStage Stage(string kind, int minutes, string[] focus, string[] questions, params Guid[] interviewers) =>
        new(Guid.NewGuid(), kind, kind, minutes, focus, [], questions, null, false, interviewers);
}
