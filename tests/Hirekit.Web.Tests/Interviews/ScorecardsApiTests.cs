using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Hirekit.Core.Scorecards;
using Hirekit.Testing;
using Hirekit.Web.Tests.Api;

namespace Hirekit.Web.Tests.Interviews;

public sealed class ScorecardsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Draft_SavesAndReads_ThenSubmitLocksIt_AndASecondSubmitConflicts()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();

        var saved = await s.ApiA.PutAsJsonAsync($"/api/v1/interviews/{id}/scorecard", InterviewScenario.CompleteScorecard(interview, revision: 0));
        var read = JsonDocument.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{id}/scorecard", UriKind.Relative))).RootElement;
        var submitted = await s.ApiA.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new { revision = 1 });
        var again = await s.ApiA.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new { });
        var edit = await s.ApiA.PutAsJsonAsync($"/api/v1/interviews/{id}/scorecard", new { summary = "changed my mind" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, read.GetProperty("revision").GetInt32());
        Assert.Equal("yes", read.GetProperty("recommendation").GetString());
        Assert.Equal([0, 1], read.GetProperty("questions")[0].GetProperty("positive").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Contains(read.GetProperty("ratings").EnumerateArray(), r => r.GetProperty("noEvidence").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("submitted", JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("scorecard.already_submitted", (await ApiTokenAuthTests.Problem(again)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("scorecard.submitted", (await ApiTokenAuthTests.Problem(edit)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Submit_WithAnUnratedFocusCompetencyOrNoRecommendation_Answers422NamingEach()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();
        var focus = interview.GetProperty("focus").EnumerateArray().Select(f => f.GetString()!).ToList();

        var partial = await s.ApiA.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new
        {
            content = new { ratings = new[] { new { competencyId = focus[0], level = 3, evidence = "Clear reasoning." } } },
        });
        var problem = await ApiTokenAuthTests.Problem(partial);
        var stored = JsonDocument.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{id}/scorecard", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, partial.StatusCode);
        Assert.Equal("scorecard.incomplete", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("recommendation", out _));
        Assert.False(errors.TryGetProperty($"ratings.{focus[0]}", out _));
        Assert.All(focus.Skip(1), c => Assert.True(errors.TryGetProperty($"ratings.{c}", out _), c));
        Assert.Equal("draft", stored.GetProperty("status").GetString());
        Assert.Equal(0, stored.GetProperty("ratings").GetArrayLength()); // a refused submission writes nothing
    }

    [Fact]
    public async Task Save_RefusesWhatIsNotInTheInterview_AndAStaleRevision()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();
        var question = interview.GetProperty("questions")[0].GetString();

        var foreign = await s.ApiA.PutAsJsonAsync($"/api/v1/interviews/{id}/scorecard", new
        {
            questions = new object[] { new { questionId = "not-a-question", notes = "asked anyway" }, new { questionId = question, positive = new[] { 99 } } },
            ratings = new[] { new { competencyId = "not-in-focus", level = 2 } },
            redFlags = new[] { "made-up-flag" },
            recommendation = 9,
        });
        var first = await s.ApiA.PutAsJsonAsync($"/api/v1/interviews/{id}/scorecard", new { summary = "tab one", revision = 0 });
        var second = await s.ApiA.PutAsJsonAsync($"/api/v1/interviews/{id}/scorecard", new { summary = "tab two", revision = 0 });
        var stored = JsonDocument.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{id}/scorecard", UriKind.Relative))).RootElement;

        var errors = (await ApiTokenAuthTests.Problem(foreign)).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.All(new[] { "questions.not-a-question", $"questions.{question}", "ratings.not-in-focus", "redFlags", "recommendation" }, f => Assert.True(errors.TryGetProperty(f, out _), f));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("scorecard.changed", (await ApiTokenAuthTests.Problem(second)).GetProperty("code").GetString());
        Assert.Equal("tab one", stored.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task TwoInterviewersSubmittingAtTheSameMoment_BothSucceed()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();
        var body = new { content = InterviewScenario.CompleteScorecard(interview) };

        var results = await Task.WhenAll(
            s.ApiA.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", body),
            s.ApiB.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", body));
        var visible = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/scorecards", UriKind.Relative))).RootElement;

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, visible.GetProperty("scorecards").EnumerateArray().Count(e => e.GetProperty("scorecard").GetProperty("status").GetString() == "submitted"));
    }

    [Fact]
    public async Task OneInterviewerSubmittingTwiceAtTheSameMoment_YieldsExactlyOneSubmission()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();

        for (var round = 0; round < 3; round++)
        {
            var contenders = Enumerable.Range(0, 4).Select(i => s.ApiA.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new { content = InterviewScenario.CompleteScorecard(interview, i % 2 == 0 ? "yes" : "strong_yes") }));
            var results = await Task.WhenAll(contenders);
            var wins = results.Count(r => r.StatusCode == HttpStatusCode.OK);
            Assert.Equal(round == 0 ? 1 : 0, wins);
            Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        }

        var admin = App.Api(await App.TokenForAsync(await App.AddMemberAsync(s.Manager.OrganizationId, Role.Admin)));
        var audit = await admin.GetStringAsync(new Uri("/api/v1/audit", UriKind.Relative));
        Assert.Equal(1, CountOccurrences(audit, "scorecard.submitted"));
    }

    [Fact]
    public async Task AnotherInterviewer_ReadingADraft_GetsNotFound()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();
        await s.ApiA.PutAsJsonAsync($"/api/v1/interviews/{id}/scorecard", new { summary = "Private first impressions." });
        var draftA = JsonDocument.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{id}/scorecard", UriKind.Relative))).RootElement.GetProperty("id").GetGuid();

        var byB = await s.ApiB.GetAsync(new Uri($"/api/v1/scorecards/{draftA}", UriKind.Relative));
        var byManager = await s.Api.GetAsync(new Uri($"/api/v1/scorecards/{draftA}", UriKind.Relative));
        var ownB = JsonDocument.Parse(await s.ApiB.GetStringAsync(new Uri($"/api/v1/interviews/{id}/scorecard", UriKind.Relative))).RootElement;
        var listB = await s.ApiB.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/scorecards", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, byB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byManager.StatusCode);
        Assert.NotEqual(draftA, ownB.GetProperty("id").GetGuid());
        Assert.Equal("", ownB.GetProperty("summary").GetString());
        Assert.DoesNotContain("Private first impressions", listB, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("after_submit")]
    [InlineData("always")]
    [InlineData("never")]
    public async Task Visibility_FollowsTheOrganisationSetting(string setting)
    {
        var s = await InterviewScenario.CreateAsync(App);
        var admin = App.Api(await App.TokenForAsync(await App.AddMemberAsync(s.Manager.OrganizationId, Role.Admin)));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/settings", new { scorecardVisibility = setting })).StatusCode);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();
        await s.ApiA.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new { content = InterviewScenario.CompleteScorecard(interview) });

        var bBefore = await VisibleAsync(s.ApiB, s.ApplicationId);
        var managerView = await VisibleAsync(s.Api, s.ApplicationId);
        await s.ApiB.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new { content = InterviewScenario.CompleteScorecard(interview, "no") });
        var bAfter = await VisibleAsync(s.ApiB, s.ApplicationId);

        var others = new Func<JsonElement, int>(v => v.GetProperty("scorecards").EnumerateArray().Count(e => e.GetProperty("scorecard").GetProperty("interviewerId").GetGuid() == s.A.UserId));
        Assert.Equal(setting == "always" ? 1 : 0, others(bBefore));
        Assert.Equal(setting == "never" ? 0 : 1, others(bAfter));
        Assert.Equal(setting is "after_submit" or "never", bBefore.GetProperty("hidden").GetInt32() == 1);
        Assert.Equal(1, others(managerView)); // the hiring manager reads submitted scorecards under every setting
        Assert.Equal(setting, JsonDocument.Parse(await s.ApiB.GetStringAsync(new Uri("/api/v1/settings", UriKind.Relative))).RootElement.GetProperty("scorecardVisibility").GetString());
    }

    [Fact]
    public async Task Settings_AreForAdminsOnly_AndValidated()
    {
        var admin = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var interviewer = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.HiringManager)));

        var badZone = await admin.PutAsJsonAsync("/api/v1/settings", new { timeZone = "Mars/Olympus" });
        var badRule = await admin.PutAsJsonAsync("/api/v1/settings", new { scorecardVisibility = "sometimes" });
        var good = await admin.PutAsJsonAsync("/api/v1/settings", new { timeZone = "Europe/Berlin" });
        var forbidden = await interviewer.PutAsJsonAsync("/api/v1/settings", new { timeZone = "Europe/Berlin" });

        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRule.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("after_submit", JsonDocument.Parse(await good.Content.ReadAsStringAsync()).RootElement.GetProperty("scorecardVisibility").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Reminder_GoesOnceToWhoeverHasNotSubmitted_ADayAfterTheInterviewEnded()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync(s.Tomorrow(10));
        var id = interview.GetProperty("id").GetGuid();
        await s.ApiA.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new { content = InterviewScenario.CompleteScorecard(interview) });
        var reminders = App.Get<SendScorecardReminders>();

        App.Clock.Set(s.Tomorrow(11).AddHours(23));
        await reminders.HandleAsync(CancellationToken.None);
        var early = (await App.MailToAsync(s.B.Email)).Count(m => m.Subject.StartsWith("Scorecard due", StringComparison.Ordinal));
        var pending = JsonDocument.Parse(await s.ApiB.GetStringAsync(new Uri("/api/v1/me/work", UriKind.Relative))).RootElement.GetProperty("pendingScorecards");
        App.Clock.Set(s.Tomorrow(11).AddHours(25));
        await reminders.HandleAsync(CancellationToken.None);
        await reminders.HandleAsync(CancellationToken.None);
        var toB = (await App.MailToAsync(s.B.Email)).Where(m => m.Subject.StartsWith("Scorecard due", StringComparison.Ordinal)).ToList();
        var toA = (await App.MailToAsync(s.A.Email)).Where(m => m.Subject.StartsWith("Scorecard due", StringComparison.Ordinal)).ToList();

        Assert.Equal(0, early);
        Assert.Equal(id, Assert.Single(pending.EnumerateArray()).GetProperty("interviewId").GetGuid());
        var reminder = Assert.Single(toB);
        Assert.Contains($"/interviews/{id}/kit", reminder.Body, StringComparison.Ordinal);
        Assert.Empty(toA);
    }

    [Fact]
    public async Task Reminder_FollowsAReschedule_AndStopsWhenTheInterviewIsCancelled()
    {
        // The due drafts are found through the copy of the interview's end on each draft (ADR 29);
        // moving or cancelling the interview must move or clear that copy.
        var s = await InterviewScenario.CreateAsync(App);
        var moved = (await s.ScheduledAsync(s.Tomorrow(10))).GetProperty("id").GetGuid();
        var cancelled = (await s.ScheduledAsync(s.Tomorrow(13))).GetProperty("id").GetGuid();
        var reminders = App.Get<SendScorecardReminders>();
        Assert.Equal(HttpStatusCode.OK, (await s.Api.PostAsJsonAsync($"/api/v1/interviews/{moved}/reschedule", new { startsAt = s.Tomorrow(10).AddDays(2) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Api.PostAsJsonAsync($"/api/v1/interviews/{cancelled}/cancel", new { reason = "Paused." })).StatusCode);

        async Task<List<string>> DueMailAsync() =>
            (await App.MailToAsync(s.A.Email)).Where(m => m.Subject.StartsWith("Scorecard due", StringComparison.Ordinal)).Select(m => m.Body).ToList();

        App.Clock.Set(s.Tomorrow(12).AddDays(1)); // a day after the original ends: nothing is due
        await reminders.HandleAsync(CancellationToken.None);
        var beforeTheNewEnd = await DueMailAsync();
        App.Clock.Set(s.Tomorrow(12).AddDays(3)); // a day after the new end
        await reminders.HandleAsync(CancellationToken.None);
        var after = await DueMailAsync();

        Assert.Empty(beforeTheNewEnd);
        var reminder = Assert.Single(after);
        Assert.Contains($"/interviews/{moved}/kit", reminder, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> VisibleAsync(HttpClient api, Guid application) =>
        JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/applications/{application}/scorecards", UriKind.Relative))).RootElement.Clone();

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
