using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hirekit.Core.Accounts;
using Hirekit.Core.AsyncScreens;
using Hirekit.Testing;
using Hirekit.Web.Tests.Api;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.AsyncScreens;

public sealed partial class AsyncScreenTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Send_WithNoBody_QueuesTheCandidatesMailWithTheLinkAndTheDeadline()
    {
        var s = await ScenarioAsync();
        var sentAt = App.Clock.GetUtcNow();

        var response = await s.Recruiter.PostAsync(new Uri($"/api/v1/applications/{s.Scenario.ApplicationId}/async-screen", UriKind.Relative), null);
        var screen = await Json(response);
        var mail = Assert.Single(await App.MailToAsync(s.Scenario.CandidateEmail));
        var read = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/async-screens/{screen.GetProperty("id").GetGuid()}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("sent", screen.GetProperty("status").GetString());
        Assert.Equal(3, screen.GetProperty("questions").GetArrayLength());
        Assert.All(screen.GetProperty("questions").EnumerateArray(), q => Assert.Equal(JsonValueKind.Null, q.GetProperty("answer").ValueKind));
        var deadline = screen.GetProperty("deadline").GetDateTimeOffset();
        Assert.Equal(sentAt.AddDays(5), deadline, TimeSpan.FromMinutes(1));
        Assert.Equal([s.Scenario.Manager.UserId], screen.GetProperty("reviewers").EnumerateArray().Select(r => r.GetGuid()));
        Assert.Equal("sent", read.GetProperty("status").GetString());
        Assert.Matches(LinkPattern(), mail.Body);
        Assert.Contains(AsyncScreenMail.Deadline(deadline, TimeZoneInfo.Utc), mail.Body, StringComparison.Ordinal);
        Assert.Null(mail.Calendar);
        Assert.Empty(await App.MailToAsync(s.Scenario.A.Email));
    }

    [Fact]
    public async Task Send_WhenTheLoopHasNoAsyncScreenStage_Answers422()
    {
        var s = await ScenarioAsync();
        var loop = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/jobs/{s.Scenario.JobId}/loop", UriKind.Relative))).RootElement.GetProperty("stages").EnumerateArray()
            .Select(st => new { id = st.GetProperty("id").GetGuid(), kind = st.GetProperty("kind").GetString(), name = st.GetProperty("name").GetString(), durationMinutes = st.GetProperty("durationMinutes").GetInt32() })
            .ToList();
        Assert.Contains(loop, st => st.kind == "async_screen");
        var saved = await s.Scenario.Api.PutAsJsonAsync($"/api/v1/jobs/{s.Scenario.JobId}/loop", new { stages = loop.Where(st => st.kind != "async_screen") });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var response = await s.Recruiter.PostAsJsonAsync($"/api/v1/applications/{s.Scenario.ApplicationId}/async-screen", new { });
        var problem = await ApiTokenAuthTests.Problem(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("async_screen.no_stage", problem.GetProperty("code").GetString());
        Assert.Empty(await App.MailToAsync(s.Scenario.CandidateEmail));
    }

    [Fact]
    public async Task Send_RefusesASecondLiveScreen_BadInput_AndMembersWhoAreNotRecruiters()
    {
        var s = await ScenarioAsync();
        var url = $"/api/v1/applications/{s.Scenario.ApplicationId}/async-screen";

        var past = await s.Recruiter.PostAsJsonAsync(url, new { deadline = App.Clock.GetUtcNow().AddHours(-1) });
        var far = await s.Recruiter.PostAsJsonAsync(url, new { deadline = App.Clock.GetUtcNow().AddDays(31) });
        var foreign = await s.Recruiter.PostAsJsonAsync(url, new { questions = new[] { "not-a-question" } });
        var stranger = await s.Recruiter.PostAsJsonAsync(url, new { reviewers = new[] { Guid.NewGuid() } });
        var manager = await s.Scenario.Api.PostAsJsonAsync(url, new { });
        var first = await s.Recruiter.PostAsJsonAsync(url, new { reviewers = new[] { s.Scenario.A.UserId } });
        var second = await s.Recruiter.PostAsJsonAsync(url, new { });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await ApiTokenAuthTests.Problem(past)).GetProperty("errors").TryGetProperty("deadline", out _));
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.True((await ApiTokenAuthTests.Problem(foreign)).GetProperty("errors").TryGetProperty("questions", out _));
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, manager.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("async_screen.exists", (await ApiTokenAuthTests.Problem(second)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Candidate_SavesDrafts_FindsThemOnReload_SubmitsOnce_AndASecondSubmitChangesNothing()
    {
        var s = await ScenarioAsync();
        var (screenId, link) = await SendAsync(s);
        var candidate = App.Browser();

        var page = await Forms.GetPageAsync(candidate, link);
        var questions = page.QuerySelectorAll("textarea").Select(t => t.GetAttribute("name")!).ToList();
        var draft = await Forms.SubmitAsync(candidate, page, $"{link}/Draft", new() { [questions[0]] = "First thoughts on the slow query." });
        var reloaded = await Forms.GetPageAsync(candidate, link);
        var during = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/async-screens/{screenId}", UriKind.Relative))).RootElement;
        var submit = await Forms.SubmitAsync(candidate, reloaded, $"{link}/Submit", new() { [questions[0]] = "The final answer about the slow query.", [questions[1]] = "Webhooks: dedupe by event id.", ["Confirm"] = "true" });
        var done = await Forms.GetPageAsync(candidate, link);
        var again = await Forms.SubmitAsync(candidate, reloaded, $"{link}/Submit", new() { [questions[0]] = "Changed after submitting.", ["Confirm"] = "true" });
        var laterDraft = await Forms.SubmitAsync(candidate, reloaded, $"{link}/Draft", new() { [questions[0]] = "Changed after submitting." });
        var staff = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/async-screens/{screenId}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal("First thoughts on the slow query.", reloaded.QuerySelector($"textarea[name='{questions[0]}']")!.TextContent);
        Assert.Equal("6 words", reloaded.QuerySelector(".word-count")!.TextContent.Trim());
        Assert.Equal("in_progress", during.GetProperty("status").GetString());
        Assert.All(during.GetProperty("questions").EnumerateArray(), q => Assert.Equal(JsonValueKind.Null, q.GetProperty("answer").ValueKind)); // drafts stay the candidate's
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Empty(done.QuerySelectorAll("textarea"));
        Assert.Contains("Thank you", done.QuerySelector("#done-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The final answer about the slow query.", done.QuerySelector(".screen-answer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already submitted", (await Forms.ParseAsync(again)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, laterDraft.StatusCode);
        Assert.Equal("submitted", staff.GetProperty("status").GetString());
        var answers = staff.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("answer").GetString()).ToList();
        Assert.Equal(["The final answer about the slow query.", "Webhooks: dedupe by event id.", ""], answers);
    }

    [Fact]
    public async Task Submit_TwiceAtTheSameMoment_YieldsOneSubmissionAndOneReviewInterview()
    {
        var s = await ScenarioAsync();
        var (screenId, link) = await SendAsync(s);
        var first = App.Browser();
        var second = App.Browser();
        var pageA = await Forms.GetPageAsync(first, link);
        var pageB = await Forms.GetPageAsync(second, link);
        var name = pageA.QuerySelector("textarea")!.GetAttribute("name")!;

        var results = await Task.WhenAll(
            Forms.SubmitAsync(first, pageA, $"{link}/Submit", new() { [name] = "From the laptop.", ["Confirm"] = "true" }),
            Forms.SubmitAsync(second, pageB, $"{link}/Submit", new() { [name] = "From the phone.", ["Confirm"] = "true" }));
        var staff = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/async-screens/{screenId}", UriKind.Relative))).RootElement;
        var interviews = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.Scenario.ApplicationId}/interviews", UriKind.Relative))).RootElement;
        var reschedule = await s.Recruiter.PostAsJsonAsync($"/api/v1/interviews/{staff.GetProperty("interviewId").GetGuid()}/reschedule", new { startsAt = App.Clock.GetUtcNow().AddDays(1) });

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("submitted", staff.GetProperty("status").GetString());
        Assert.Contains(staff.GetProperty("questions")[0].GetProperty("answer").GetString(), new[] { "From the laptop.", "From the phone." });
        Assert.Single(interviews.EnumerateArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reschedule.StatusCode);
    }

    [Fact]
    public async Task Candidate_AfterTheDeadline_CannotSaveOrSubmit_AndIsToldWhy()
    {
        var s = await ScenarioAsync();
        var (screenId, link) = await SendAsync(s, deadline: App.Clock.GetUtcNow().AddHours(2));
        var candidate = App.Browser();
        var page = await Forms.GetPageAsync(candidate, link);
        var name = page.QuerySelector("textarea")!.GetAttribute("name")!;
        await Forms.SubmitAsync(candidate, page, $"{link}/Draft", new() { [name] = "Written in time." });

        App.Clock.Advance(TimeSpan.FromHours(3));
        var submit = await Forms.SubmitAsync(candidate, page, $"{link}/Submit", new() { [name] = "Too late.", ["Confirm"] = "true" });
        var body = await Forms.ParseAsync(submit);
        var autosave = await AutosaveAsync(candidate, page, link, name, "Too late as well.");
        var after = await Forms.GetPageAsync(candidate, link);
        var staff = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/async-screens/{screenId}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, submit.StatusCode);
        Assert.Contains("deadline", body.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("has passed", body.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, autosave.StatusCode);
        Assert.Equal("async_screen.deadline_passed", JsonDocument.Parse(await autosave.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Empty(after.QuerySelectorAll("textarea"));
        Assert.Contains("Written in time.", after.QuerySelector(".screen-answer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("late", staff.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Links_OpenOnlyTheirOwnScreen_AndUnknownOrCancelledLinksAnswerTheSame404()
    {
        var s = await ScenarioAsync();
        var (_, link) = await SendAsync(s);
        var otherEmail = $"other-{Guid.NewGuid():N}@example.test";
        var otherCandidate = await ApiSeed.CreateCandidateAsync(s.Recruiter, "Other Person", otherEmail);
        var otherApplication = await ApiSeed.ApplyAsync(s.Recruiter, otherCandidate, s.Scenario.JobId);
        var other = await s.Recruiter.PostAsJsonAsync($"/api/v1/applications/{otherApplication}/async-screen", new { reviewers = new[] { s.Scenario.A.UserId } });
        var otherId = (await Json(other)).GetProperty("id").GetGuid();
        var otherLink = LinkPattern().Match((await App.MailToAsync(otherEmail)).Single().Body).Groups["path"].Value;
        var candidate = App.Browser();

        var mine = await Forms.GetPageAsync(candidate, link);
        var theirs = await Forms.GetPageAsync(candidate, otherLink);
        var unknown = await candidate.GetAsync(new Uri("/s/s_" + new string('A', 43), UriKind.Relative));
        var mangled = await candidate.GetAsync(new Uri(link[..^1] + (link[^1] == 'A' ? "B" : "A"), UriKind.Relative));
        var cancelled = await s.Recruiter.PostAsync(new Uri($"/api/v1/async-screens/{otherId}/cancel", UriKind.Relative), null);
        var afterCancel = await candidate.GetAsync(new Uri(otherLink, UriKind.Relative));
        var postCancelled = await Forms.SubmitAsync(candidate, theirs, $"{otherLink}/Draft", new() { ["Answers[screen-db-performance-diagnosis]"] = "x" });

        Assert.Contains("Casey Candidate", mine.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Other Person", mine.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Other Person", theirs.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mangled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterCancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, postCancelled.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await afterCancel.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Submit_RefusesEmptyAndOversizedAnswers_AndAnUnconfirmedSubmission()
    {
        var s = await ScenarioAsync();
        var (screenId, link) = await SendAsync(s);
        var candidate = App.Browser();
        var page = await Forms.GetPageAsync(candidate, link);
        var name = page.QuerySelector("textarea")!.GetAttribute("name")!;

        var empty = await Forms.SubmitAsync(candidate, page, $"{link}/Submit", new() { [name] = "   ", ["Confirm"] = "true" });
        var oversized = await Forms.SubmitAsync(candidate, page, $"{link}/Submit", new() { [name] = new string('w', AsyncScreenLinks.MaxAnswer + 1), ["Confirm"] = "true" });
        var unconfirmed = await Forms.SubmitAsync(candidate, page, $"{link}/Submit", new() { [name] = "A real answer." });
        var staff = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/async-screens/{screenId}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("at least one answer", (await Forms.ParseAsync(empty)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Contains("at most 20,000 characters", (await Forms.ParseAsync(oversized)).QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(unconfirmed)).QuerySelector("#confirm-error"));
        Assert.Equal("sent", staff.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Submission_GivesEachReviewerADraftScorecard_UnderTheIndependenceRules_WithTheAnswersOnTheKitPage()
    {
        var s = await ScenarioAsync();
        var (screenId, link) = await SendAsync(s, reviewers: [s.Scenario.A.UserId, s.Scenario.B.UserId]);
        var candidate = App.Browser();
        var page = await Forms.GetPageAsync(candidate, link);
        var names = page.QuerySelectorAll("textarea").Select(t => t.GetAttribute("name")!).ToList();
        await Forms.SubmitAsync(candidate, page, $"{link}/Submit", new() { [names[0]] = "EXPLAIN ANALYZE showed a seq scan.", ["Confirm"] = "true" });
        var screen = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/async-screens/{screenId}", UriKind.Relative))).RootElement;
        var interviewId = screen.GetProperty("interviewId").GetGuid();
        var interview = JsonDocument.Parse(await s.Scenario.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{interviewId}", UriKind.Relative))).RootElement;

        var draftA = await s.Scenario.ApiA.GetAsync(new Uri($"/api/v1/interviews/{interviewId}/scorecard", UriKind.Relative));
        var submitA = await s.Scenario.ApiA.PostAsJsonAsync($"/api/v1/interviews/{interviewId}/scorecard/submit", new { content = InterviewScenario.CompleteScorecard(interview) });
        var seenByB = JsonDocument.Parse(await s.Scenario.ApiB.GetStringAsync(new Uri($"/api/v1/applications/{s.Scenario.ApplicationId}/scorecards", UriKind.Relative))).RootElement;
        var seenByManager = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.Scenario.ApplicationId}/scorecards", UriKind.Relative))).RootElement;
        var kitPage = await Forms.GetPageAsync(await App.SignedInBrowserAsync(s.Scenario.B), $"/interviews/{interviewId}/kit");
        var toB = await App.MailToAsync(s.Scenario.B.Email);

        Assert.Equal("async_screen", interview.GetProperty("stageKind").GetString());
        Assert.False(interview.GetProperty("notifyCandidate").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, draftA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submitA.StatusCode);
        var bSees = seenByB.GetProperty("scorecards").EnumerateArray().Select(e => e.GetProperty("scorecard")).ToList();
        Assert.All(bSees, c => Assert.Equal(s.Scenario.B.UserId, c.GetProperty("interviewerId").GetGuid())); // only B's own draft
        Assert.Equal("draft", Assert.Single(bSees).GetProperty("status").GetString());
        Assert.Equal(1, seenByB.GetProperty("hidden").GetInt32());
        Assert.True(seenByB.GetProperty("waitingForYourScorecard").GetBoolean());
        Assert.Equal(s.Scenario.A.UserId, Assert.Single(seenByManager.GetProperty("scorecards").EnumerateArray()).GetProperty("scorecard").GetProperty("interviewerId").GetGuid());
        Assert.Contains("EXPLAIN ANALYZE showed a seq scan.", kitPage.QuerySelector(".candidate-answer")!.TextContent, StringComparison.Ordinal);
        var notice = Assert.Single(toB);
        Assert.Contains($"/interviews/{interviewId}/kit", notice.Body, StringComparison.Ordinal);
        Assert.Null(notice.Calendar);
        Assert.Single(await App.MailToAsync(s.Scenario.CandidateEmail)); // the invitation only: no calendar invite for a screen
    }

    [Fact]
    public async Task Reminder_GoesOnceADayBeforeTheDeadline_WithAWorkingLink_AndNotAfterSubmission()
    {
        var s = await ScenarioAsync();
        var (_, link) = await SendAsync(s);
        var reminders = App.Get<SendAsyncScreenReminders>();

        var early = await reminders.HandleAsync(CancellationToken.None);
        App.Clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1));
        var due = await reminders.HandleAsync(CancellationToken.None);
        var again = await reminders.HandleAsync(CancellationToken.None);
        var mail = await App.MailToAsync(s.Scenario.CandidateEmail);
        var reminderLink = LinkPattern().Match(mail[^1].Body).Groups["path"].Value;
        var opened = await App.Browser().GetAsync(new Uri(reminderLink, UriKind.Relative));

        Assert.Equal(0, early);
        Assert.True(due >= 1); // the fixture's other screens may be due too
        Assert.Equal(0, again);
        Assert.Equal(2, mail.Count);
        Assert.StartsWith("Reminder", mail[^1].Subject, StringComparison.Ordinal);
        Assert.NotEqual(link, reminderLink);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    [Fact]
    public async Task Pipeline_AndApplicationPage_ShowALateScreen()
    {
        var s = await ScenarioAsync();
        await SendAsync(s, deadline: App.Clock.GetUtcNow().AddHours(2));
        var before = await Forms.GetPageAsync(await App.SignedInBrowserAsync(s.Scenario.Manager), $"/jobs/{s.Scenario.JobId}/pipeline");
        App.Clock.Advance(TimeSpan.FromHours(3));
        var browser = await App.SignedInBrowserAsync(s.Scenario.Manager); // a new session: the first idled out while the clock moved
        var board = await Forms.GetPageAsync(browser, $"/jobs/{s.Scenario.JobId}/pipeline");
        var application = await Forms.GetPageAsync(browser, $"/applications/{s.Scenario.ApplicationId}");

        Assert.Contains("Screen sent, due", before.QuerySelector($"#card-{s.Scenario.ApplicationId} .screen-badge")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Screen expired", board.QuerySelector($"#card-{s.Scenario.ApplicationId} .screen-badge")!.TextContent.Trim());
        Assert.Contains("Screen expired", application.QuerySelector(".screen-badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_CachedBeforeTheCandidateStarts_ShowsTheStartThenTheSubmission()
    {
        // The board's cards are cached under the job's pipeline version (ADR 22); the first
        // draft and the submission must raise it, while later autosaves need not.
        var s = await ScenarioAsync();
        var (_, link) = await SendAsync(s);
        var url = new Uri($"/api/v1/jobs/{s.Scenario.JobId}/pipeline", UriKind.Relative);
        var candidate = App.Browser();
        var page = await Forms.GetPageAsync(candidate, link);
        var name = page.QuerySelector("textarea")!.GetAttribute("name")!;
        var sent = await ScreenOnCardAsync();

        await Forms.SubmitAsync(candidate, page, $"{link}/Draft", new() { [name] = "A first thought." });
        var started = await ScreenOnCardAsync();
        await Forms.SubmitAsync(candidate, await Forms.GetPageAsync(candidate, link), $"{link}/Submit", new() { [name] = "The answer.", ["Confirm"] = "true" });
        var submitted = await ScreenOnCardAsync();

        Assert.Equal(JsonValueKind.Null, sent.GetProperty("startedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, started.GetProperty("startedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, started.GetProperty("submittedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, submitted.GetProperty("submittedAt").ValueKind);

        async Task<JsonElement> ScreenOnCardAsync()
        {
            var columns = JsonDocument.Parse(await s.Scenario.Api.GetStringAsync(url)).RootElement.GetProperty("columns");
            return columns.EnumerateArray().SelectMany(c => c.GetProperty("cards").EnumerateArray())
                .Single(c => c.GetProperty("applicationId").GetGuid() == s.Scenario.ApplicationId).GetProperty("writtenScreen");
        }
    }

    [Fact]
    public async Task Board_WithScreensOnItsCards_RunsAsManyQueriesAsWithout()
    {
        var s = await ScenarioAsync();
        var url = new Uri($"/api/v1/jobs/{s.Scenario.JobId}/pipeline", UriKind.Relative);
        var withoutRead = await s.Scenario.Api.GetAsync(url); // the scenario has used the token and parsed the kit already
        var without = await s.Scenario.Api.GetAsync(url);
        await SendAsync(s);
        for (var i = 0; i < 3; i++)
        {
            var candidate = await ApiSeed.CreateCandidateAsync(s.Recruiter, $"Extra {i}");
            var application = await ApiSeed.ApplyAsync(s.Recruiter, candidate, s.Scenario.JobId);
            var sent = await s.Recruiter.PostAsJsonAsync($"/api/v1/applications/{application}/async-screen", new { reviewers = new[] { s.Scenario.A.UserId } });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var withRead = await s.Scenario.Api.GetAsync(url); // the cards changed: read again, then cached
        var with = await s.Scenario.Api.GetAsync(url);
        var cards = JsonDocument.Parse(await with.Content.ReadAsStringAsync()).RootElement.GetProperty("columns")[0].GetProperty("cards");

        Assert.Equal(Queries(withoutRead), Queries(withRead));
        Assert.Equal(Queries(without), Queries(with));
        Assert.Equal(4, cards.EnumerateArray().Count(c => c.GetProperty("writtenScreen").ValueKind == JsonValueKind.Object));
    }

    [Fact]
    public async Task ApplicationPage_SendsAScreenWithTheForm()
    {
        var s = await ScenarioAsync();
        var browser = await App.SignedInBrowserAsync(s.RecruiterMember);
        var url = $"/applications/{s.Scenario.ApplicationId}";
        var page = await Forms.GetPageAsync(browser, url);
        var form = FormState.Of(page.QuerySelector("form.send-screen")!);

        var sent = await form.PostAsync(browser, page.QuerySelector("form.send-screen")!.GetAttribute("action")!);
        var after = await Forms.GetPageAsync(browser, url);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Screen sent, due", after.QuerySelector(".screen-badge")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("form.send-screen"));
        Assert.Single(await App.MailToAsync(s.Scenario.CandidateEmail));
    }

    private sealed record Setup(InterviewScenario Scenario, HttpClient Recruiter, TestMember RecruiterMember);

    private async Task<Setup> ScenarioAsync()
    {
        var scenario = await InterviewScenario.CreateAsync(App);
        var recruiter = await App.AddMemberAsync(scenario.Manager.OrganizationId, Role.Recruiter, "Rita Recruiter");
        return new Setup(scenario, App.Api(await App.TokenForAsync(recruiter)), recruiter);
    }

    /// <summary>Sends a screen and returns its id and the link from the candidate's e-mail (a path).</summary>
    private async Task<(Guid ScreenId, string Link)> SendAsync(Setup s, DateTimeOffset? deadline = null, IReadOnlyList<Guid>? reviewers = null)
    {
        var response = await s.Recruiter.PostAsJsonAsync($"/api/v1/applications/{s.Scenario.ApplicationId}/async-screen", new { deadline, reviewers = reviewers ?? [s.Scenario.A.UserId] });
        var screen = await Json(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var mail = (await App.MailToAsync(s.Scenario.CandidateEmail)).Single(m => m.Body.Contains("/s/", StringComparison.Ordinal));
        return (screen.GetProperty("id").GetGuid(), LinkPattern().Match(mail.Body).Groups["path"].Value);
    }

    private static async Task<HttpResponseMessage> AutosaveAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string link, string name, string text)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{link}/Draft", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [name] = text, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Autosave", "1");
        return await client.SendAsync(request);
    }


    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/s/s_[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();
}
