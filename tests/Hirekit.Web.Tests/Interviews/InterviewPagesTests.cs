using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Xunit.Abstractions;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.Interviews;

public sealed class InterviewPagesTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task AHiringManager_SchedulesThroughTheForm_InTheOrganisationsTimeZone()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var admin = App.Api(await App.TokenForAsync(await App.AddMemberAsync(s.Manager.OrganizationId, Role.Admin)));
        await admin.PutAsJsonAsync("/api/v1/settings", new { timeZone = "Europe/Berlin" });
        var browser = await App.SignedInBrowserAsync(s.Manager);
        var page = await Forms.GetPageAsync(browser, $"/applications/{s.ApplicationId}/interviews/new");
        var date = s.Tomorrow(0).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var form = FormState.Of(page.QuerySelector("main form")!)
            .Set("Input.StageId", s.CodingStage.ToString())
            .Set("Input.Start", $"{date}T14:30")
            .Set("Input.DurationMinutes", "45")
            .Add("Input.Interviewers", s.A.UserId.ToString())
            .Set("Input.VideoUrl", "https://meet.example.test/room");
        var response = await form.PostAsync(browser, $"/applications/{s.ApplicationId}/interviews/new");
        var location = response.Headers.Location?.ToString();
        var details = await Forms.GetPageAsync(browser, location!);
        var interview = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1{location}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Europe/Berlin", page.QuerySelector("#Input_Start-hint")?.TextContent, StringComparison.Ordinal);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal(new DateTimeOffset(s.Tomorrow(14).AddMinutes(30).DateTime, berlin.GetUtcOffset(s.Tomorrow(14).DateTime)), interview.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(45, interview.GetProperty("durationMinutes").GetInt32());
        Assert.Contains("Interview scheduled", details.QuerySelector(".flash, [role=status]")?.TextContent ?? details.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("14:30", details.QuerySelector("header time")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADoubleBooking_IsShownWithScheduleAnyway_AndNothingIsWrittenUntilConfirmed()
    {
        var s = await InterviewScenario.CreateAsync(App);
        await s.ScheduledAsync(s.Tomorrow(10));
        var browser = await App.SignedInBrowserAsync(s.Manager);
        var page = await Forms.GetPageAsync(browser, $"/applications/{s.ApplicationId}/interviews/new?stageId={s.Stages[3]}");
        var form = FormState.Of(page.QuerySelector("main form")!)
            .Set("Input.Start", s.Tomorrow(10).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture))
            .Add("Input.Interviewers", s.A.UserId.ToString());

        var warned = await form.PostAsync(browser, $"/applications/{s.ApplicationId}/interviews/new");
        var warning = await Forms.ParseAsync(warned);
        var before = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/interviews", UriKind.Relative))).RootElement.GetArrayLength();
        var confirmed = await FormState.Of(warning.QuerySelector("main form")!).Add("Input.AllowDoubleBooking", "true").PostAsync(browser, $"/applications/{s.ApplicationId}/interviews/new");
        var after = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/interviews", UriKind.Relative))).RootElement.GetArrayLength();

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Ana Interviewer", warning.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(warning.QuerySelector("button[name='Input.AllowDoubleBooking']"));
        Assert.Equal(1, before);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, after);
    }

    [Fact]
    public async Task TheKit_ShowsQuestionsAndLevels_SavesADraftWithoutScript_AndSubmitLocksIt()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();
        var browser = await App.SignedInBrowserAsync(s.A);
        var url = $"/interviews/{id}/kit";
        var page = await Forms.GetPageAsync(browser, url);
        var focus = interview.GetProperty("focus").EnumerateArray().Select(f => f.GetString()!).ToList();

        Assert.Equal(interview.GetProperty("questions").GetArrayLength(), page.QuerySelectorAll("article.kit-question").Length);
        Assert.Equal(focus.Count, page.QuerySelectorAll("fieldset.rating").Length);
        Assert.Equal(focus.Count * 5, page.QuerySelectorAll("fieldset.rating input[type=radio]").Length); // four levels and "no evidence"
        Assert.NotNull(page.QuerySelector("section.timer[hidden]")); // shown by the script only
        Assert.Empty(page.QuerySelectorAll("[style], script:not([src])"));

        var draft = FormState.Of(page.QuerySelector("form.scorecard-form")!)
            .Add("Form.Questions[0].Positive", "0")
            .Set("Form.Questions[0].Notes", "Talked about idempotency keys.")
            .Set("Form.Ratings[0].Choice", "3")
            .Set("Form.Ratings[0].Evidence", "Named the race and the fix.");
        var saved = await draft.PostAsync(browser, $"{url}?handler=Save");
        var reloaded = await Forms.GetPageAsync(browser, url);
        var incomplete = await FormState.Of(reloaded.QuerySelector("form.scorecard-form")!).PostAsync(browser, $"{url}?handler=Submit");
        var problems = await Forms.ParseAsync(incomplete);
        var complete = FormState.Of(reloaded.QuerySelector("form.scorecard-form")!);
        for (var i = 1; i < focus.Count; i++)
        {
            complete.Set($"Form.Ratings[{i}].Choice", "none");
        }

        var submitted = await complete.Set("Form.Recommendation", "4").PostAsync(browser, $"{url}?handler=Submit");
        var locked = await Forms.GetPageAsync(browser, url);
        var again = await complete.PostAsync(browser, $"{url}?handler=Submit");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Talked about idempotency keys.", reloaded.QuerySelector("textarea[name='Form.Questions[0].Notes']")?.TextContent);
        Assert.True(((IHtmlInputElement)reloaded.QuerySelector("input[name='Form.Ratings[0].Choice'][value='3']")!).IsChecked);
        Assert.Equal(422, (int)incomplete.StatusCode);
        var summary = problems.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Form_Recommendation", summary);
        Assert.Contains("#Form_Ratings_1__Choice", summary);
        Assert.Equal("Talked about idempotency keys.", problems.QuerySelector("textarea[name='Form.Questions[0].Notes']")?.TextContent); // what was typed stays
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("It is locked", locked.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(locked.QuerySelectorAll("button[formaction*=Submit]"));
        Assert.All(locked.QuerySelectorAll("form.scorecard-form input[type=radio]"), r => Assert.True(r.HasAttribute("disabled")));
        Assert.Equal(409, (int)again.StatusCode);
    }

    [Fact]
    public async Task Autosave_AnswersWithTheNewRevision_AndRefusesAStaleOne()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync()).GetProperty("id").GetGuid();
        var browser = await App.SignedInBrowserAsync(s.A);
        var url = $"/interviews/{id}/kit";
        var page = await Forms.GetPageAsync(browser, url);
        var form = FormState.Of(page.QuerySelector("form.scorecard-form")!).Set("Form.Summary", "Typed during the interview.");

        async Task<HttpResponseMessage> Autosave()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{url}?handler=Save", UriKind.Relative)) { Content = new FormUrlEncodedContent(form.Fields) };
            request.Headers.Add("X-Autosave", "1");
            return await browser.SendAsync(request);
        }

        var first = await Autosave();
        var stale = await Autosave(); // the same revision again, as a second tab would send
        var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, body.GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("scorecard.changed", JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheKit_IsNotFoundForOthers_AndReadOnlyForTheHiringManager()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync()).GetProperty("id").GetGuid();
        var outsider = await App.SignedInBrowserAsync(await App.AddMemberAsync(s.Manager.OrganizationId, Role.Interviewer));
        var manager = await App.SignedInBrowserAsync(s.Manager);

        var refused = await outsider.GetAsync(new Uri($"/interviews/{id}/kit", UriKind.Relative));
        var details = await outsider.GetAsync(new Uri($"/interviews/{id}", UriKind.Relative));
        var managerKit = await Forms.GetPageAsync(manager, $"/interviews/{id}/kit");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.Empty(managerKit.QuerySelectorAll("form.scorecard-form input[type=radio], form.scorecard-form textarea"));
        Assert.NotEmpty(managerKit.QuerySelectorAll(".levels li"));
        Assert.Contains("Only the interview's interviewers", managerKit.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScorecardsPage_HidesOthersUntilYoursIsIn_ThenShowsTheLevelGrid()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();
        await s.ApiA.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new { content = InterviewScenario.CompleteScorecard(interview, "strong_yes") });
        var browser = await App.SignedInBrowserAsync(s.B);
        var url = $"/applications/{s.ApplicationId}/scorecards";

        var before = await Forms.GetPageAsync(browser, url);
        await s.ApiB.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new { content = InterviewScenario.CompleteScorecard(interview, "no") });
        var after = await Forms.GetPageAsync(browser, url);
        var manager = await Forms.GetPageAsync(await App.SignedInBrowserAsync(s.Manager), url);

        Assert.Contains("1 more submitted scorecard", before.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Single(before.QuerySelectorAll("article.scorecard-entry"));
        Assert.Equal(2, after.QuerySelectorAll("article.scorecard-entry").Length);
        Assert.Equal(["Strong yes", "No"], after.QuerySelectorAll("article.scorecard-entry .badge").Select(b => b.TextContent).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(2, manager.QuerySelectorAll("table.level-grid thead th").Length - 1);
        Assert.Contains("Senior", manager.QuerySelector("table.level-grid tbody")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboard_ListsUpcomingInterviews_ThenTheScorecardsStillOwed()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync(s.Tomorrow(10))).GetProperty("id").GetGuid();
        var browser = await App.SignedInBrowserAsync(s.A);

        var before = await Forms.GetPageAsync(browser, "/");
        App.Clock.Set(s.Tomorrow(12));
        var after = await Forms.GetPageAsync(await App.SignedInBrowserAsync(s.A), "/"); // a day later the old session has expired

        Assert.Equal($"/interviews/{id}/kit", before.QuerySelector(".upcoming-interviews a")?.GetAttribute("href"));
        Assert.Null(before.QuerySelector(".pending-scorecards"));
        Assert.Equal($"/interviews/{id}/kit", after.QuerySelector(".pending-scorecards a")?.GetAttribute("href"));
        Assert.Null(after.QuerySelector(".upcoming-interviews"));
    }

    [Fact]
    public async Task TheInterviewPage_ReschedulesAndCancels_AndServesTheCalendarFile()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync(s.Tomorrow(10))).GetProperty("id").GetGuid();
        var browser = await App.SignedInBrowserAsync(s.Manager);
        var url = $"/interviews/{id}";
        var page = await Forms.GetPageAsync(browser, url);

        var moved = await FormState.Of(page.QuerySelector("form[action*=Reschedule]")!)
            .Set("Move.Start", s.Tomorrow(16).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture))
            .Set("Move.Location", "")
            .PostAsync(browser, $"{url}?handler=Reschedule");
        var ics = await browser.GetAsync(new Uri($"{url}?handler=Invite", UriKind.Relative));
        var calendar = Ics.Parse(await ics.Content.ReadAsStringAsync());
        var afterMove = await Forms.GetPageAsync(browser, url);
        var stale = await FormState.Of(page.QuerySelector("form[action*=Cancel]")!).PostAsync(browser, $"{url}?handler=Cancel");
        var cancelled = await FormState.Of(afterMove.QuerySelector("form[action*=Cancel]")!).Set("Stop.Reason", "Hired someone else.").PostAsync(browser, $"{url}?handler=Cancel");
        var afterCancel = await Forms.GetPageAsync(browser, url);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.Equal(s.Tomorrow(16), Ics.Time(Ics.One(Ics.Event(calendar), "DTSTART")));
        Assert.Equal("1", Ics.One(Ics.Event(calendar), "SEQUENCE"));
        Assert.DoesNotContain(Ics.Event(calendar), p => p.Name == "LOCATION" && p.Value.Contains("Room", StringComparison.Ordinal)); // cleared
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode); // the page from before the move: refused with a message
        Assert.Contains("changed the interview meanwhile", (await Forms.ParseAsync(stale)).QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal("Cancelled", afterCancel.QuerySelector("header .badge")?.TextContent);
        Assert.Null(afterCancel.QuerySelector("form[action*=Reschedule]"));
    }

    [Fact]
    public async Task TheSettingsPage_IsForAdmins_AndSavesTheTimeZone()
    {
        var admin = await App.NewOrganizationAsync();
        var browser = await App.SignedInBrowserAsync(admin);
        var recruiter = await App.SignedInBrowserAsync(await App.AddMemberAsync(admin.OrganizationId, Role.Recruiter));

        var page = await Forms.GetPageAsync(browser, "/admin/settings");
        var saved = await FormState.Of(page.QuerySelector("main form")!).Set("Form.TimeZone", "America/New_York").PostAsync(browser, "/admin/settings");
        var bad = await FormState.Of(page.QuerySelector("main form")!).Set("Form.TimeZone", "Nowhere/Atlantis").PostAsync(browser, "/admin/settings");
        var reloaded = await Forms.GetPageAsync(browser, "/admin/settings");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("America/New_York", (reloaded.QuerySelector("select[name='Form.TimeZone'] option[selected]") as IHtmlOptionElement)?.Value);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(bad)).QuerySelector(".field-error:not(:empty)"));
        Assert.Equal(HttpStatusCode.Forbidden, (await recruiter.GetAsync(new Uri("/admin/settings", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task KitAndScorecardsPages_CostTheSameQueriesWithOneInterviewAndWithFive()
    {
        var one = await InterviewScenario.CreateAsync(App);
        var five = await InterviewScenario.CreateAsync(App);
        var first = (await one.ScheduledAsync(one.Tomorrow(8))).GetProperty("id").GetGuid();
        for (var i = 0; i < 5; i++)
        {
            var interview = await five.ScheduledAsync(five.Tomorrow(8 + i));
            await five.ApiA.PostAsJsonAsync($"/api/v1/interviews/{interview.GetProperty("id").GetGuid()}/scorecard/submit", new { content = InterviewScenario.CompleteScorecard(interview) });
        }

        var lastOfFive = JsonDocument.Parse(await five.Api.GetStringAsync(new Uri($"/api/v1/applications/{five.ApplicationId}/interviews", UriKind.Relative))).RootElement[4].GetProperty("id").GetGuid();
        var small = await App.SignedInBrowserAsync(one.Manager);
        var large = await App.SignedInBrowserAsync(five.Manager);
        await small.GetAsync(new Uri($"/interviews/{first}/kit", UriKind.Relative));
        await large.GetAsync(new Uri($"/interviews/{lastOfFive}/kit", UriKind.Relative));

        var kitSmall = Queries(await small.GetAsync(new Uri($"/interviews/{first}/kit", UriKind.Relative)));
        var kitLarge = Queries(await large.GetAsync(new Uri($"/interviews/{lastOfFive}/kit", UriKind.Relative)));
        var cardsSmall = Queries(await small.GetAsync(new Uri($"/applications/{one.ApplicationId}/scorecards", UriKind.Relative)));
        var cardsLarge = Queries(await large.GetAsync(new Uri($"/applications/{five.ApplicationId}/scorecards", UriKind.Relative)));
        var homeSmall = Queries(await App.SignedInBrowserAsync(one.A).ContinueWith(t => t.Result.GetAsync(new Uri("/", UriKind.Relative))).Unwrap());
        var homeLarge = Queries(await App.SignedInBrowserAsync(five.A).ContinueWith(t => t.Result.GetAsync(new Uri("/", UriKind.Relative))).Unwrap());

        output.WriteLine($"Queries: kit {kitSmall}/{kitLarge}, scorecards {cardsSmall}/{cardsLarge}, dashboard {homeSmall}/{homeLarge}");
        Assert.Equal(kitSmall, kitLarge);
        Assert.Equal(cardsSmall, cardsLarge);
        Assert.Equal(homeSmall, homeLarge);
    }

    [Fact]
    public async Task TheApplicationAndProfilePages_ListTheInterviews_ToThoseWhoMayOpenThem()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync(s.Tomorrow(10))).GetProperty("id").GetGuid();
        var onTeamOnly = await App.AddMemberAsync(s.Manager.OrganizationId, Role.Interviewer);
        await s.Api.PutAsJsonAsync($"/api/v1/jobs/{s.JobId}/team", new { hiringManagers = new[] { s.Manager.UserId }, interviewers = new[] { onTeamOnly.UserId, s.A.UserId, s.B.UserId } });
        var manager = await App.SignedInBrowserAsync(s.Manager);

        var application = await Forms.GetPageAsync(manager, $"/applications/{s.ApplicationId}");
        var profile = await Forms.GetPageAsync(manager, $"/candidates/{s.CandidateId}");
        var asA = await Forms.GetPageAsync(await App.SignedInBrowserAsync(s.A), $"/candidates/{s.CandidateId}");
        var asTeamOnly = await Forms.GetPageAsync(await App.SignedInBrowserAsync(onTeamOnly), $"/candidates/{s.CandidateId}");

        Assert.Equal($"/interviews/{id}", application.QuerySelector(".application-interviews a")?.GetAttribute("href"));
        Assert.NotNull(application.QuerySelector($"a[href='/applications/{s.ApplicationId}/interviews/new']"));
        Assert.Equal($"/interviews/{id}", profile.QuerySelector(".upcoming-interviews a")?.GetAttribute("href"));
        Assert.NotNull(asA.QuerySelector(".upcoming-interviews a"));
        Assert.Null(asTeamOnly.QuerySelector(".upcoming-interviews a")); // on the job, but not on this interview
    }

}
