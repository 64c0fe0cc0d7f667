using Hirekit.Core.Interviews;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Settings;

namespace Hirekit.Core.Tests.Scorecards;

public sealed class ScorecardVisibilityTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ScorecardVisibilities.AfterOwnSubmission, false, false)]
    [InlineData(ScorecardVisibilities.AfterOwnSubmission, true, true)]
    [InlineData(ScorecardVisibilities.Always, false, true)]
    [InlineData(ScorecardVisibilities.Always, true, true)]
    [InlineData(ScorecardVisibilities.Never, false, false)]
    [InlineData(ScorecardVisibilities.Never, true, false)]
    public void AnInterviewer_SeesOthersPerTheSetting(string setting, bool ownSubmitted, bool expected) =>
        Assert.Equal(expected, ScorecardVisibility.SeesOthers(setting, managesJob: false, [Own(ownSubmitted)]));

    [Theory]
    [InlineData(ScorecardVisibilities.AfterOwnSubmission)]
    [InlineData(ScorecardVisibilities.Always)]
    [InlineData(ScorecardVisibilities.Never)]
    public void AManagerWithoutAScorecard_AlwaysSeesSubmittedOnes(string setting) =>
        Assert.True(ScorecardVisibility.SeesOthers(setting, managesJob: true, []));

    [Fact]
    public void AManagerWhoAlsoInterviewed_WaitsForTheirOwnSubmission_UnlessTheSettingIsAlways()
    {
        Assert.False(ScorecardVisibility.SeesOthers(ScorecardVisibilities.AfterOwnSubmission, managesJob: true, [Own(false)]));
        Assert.False(ScorecardVisibility.SeesOthers(ScorecardVisibilities.Never, managesJob: true, [Own(false)]));
        Assert.True(ScorecardVisibility.SeesOthers(ScorecardVisibilities.Always, managesJob: true, [Own(false)]));
        Assert.True(ScorecardVisibility.SeesOthers(ScorecardVisibilities.AfterOwnSubmission, managesJob: true, [Own(true)]));
    }

    [Fact]
    public void AnInterviewerWithNoScorecardOnTheApplication_SeesNothingOfOthers() =>
        Assert.False(ScorecardVisibility.SeesOthers(ScorecardVisibilities.Always, managesJob: false, []));

    [Fact]
    public void ADraftOfACancelledInterview_DoesNotHoldTheInterviewerBack()
    {
        var cancelledDraft = Own(false, InterviewStatuses.Cancelled);

        Assert.True(ScorecardVisibility.SeesOthers(ScorecardVisibilities.AfterOwnSubmission, managesJob: false, [cancelledDraft, Own(true)]));
        Assert.False(ScorecardVisibility.SeesOthers(ScorecardVisibilities.AfterOwnSubmission, managesJob: false, [cancelledDraft])); // and does not count as taking part
    }

    private static ScorecardEntry Own(bool submitted, string interviewStatus = InterviewStatuses.Scheduled)
    {
        var card = Scorecard.NewDraft(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now);
        if (submitted)
        {
            card = card with { Status = ScorecardStatuses.Submitted, SubmittedAt = Now };
        }

        return new ScorecardEntry(card, "Me", "Coding", interviewStatus, Now, Now.AddHours(1));
    }
}
