using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Hirekit.Web.Tests.Api;

namespace Hirekit.Web.Tests.Interviews;

public sealed class InterviewsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Schedule_CopiesTheStagePlan_GivesEachInterviewerADraft_AndQueuesInvitations()
    {
        var s = await InterviewScenario.CreateAsync(App);

        var interview = await s.ScheduledAsync(s.Tomorrow(10));
        var id = interview.GetProperty("id").GetGuid();
        var ownA = await s.ApiA.GetAsync(new Uri($"/api/v1/interviews/{id}/scorecard", UriKind.Relative));
        var application = await s.ApiA.GetAsync(new Uri($"/api/v1/applications/{s.ApplicationId}", UriKind.Relative));
        var toA = await App.MailToAsync(s.A.Email);
        var toCandidate = await App.MailToAsync(s.CandidateEmail);

        Assert.Equal("scheduled", interview.GetProperty("status").GetString());
        Assert.Equal(0, interview.GetProperty("sequence").GetInt32());
        Assert.Equal(s.CodingStagePlan.GetProperty("focus").EnumerateArray().Select(f => f.GetString()), interview.GetProperty("focus").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(s.CodingStagePlan.GetProperty("questions").EnumerateArray().Select(f => f.GetString()), interview.GetProperty("questions").EnumerateArray().Select(f => f.GetString()));
        Assert.True(interview.GetProperty("questions").GetArrayLength() > 0);
        Assert.Equal(s.Tomorrow(11), interview.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, ownA.StatusCode);
        Assert.Equal("draft", JsonDocument.Parse(await ownA.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, application.StatusCode); // scheduling put the interviewer on the job's team
        var invite = Assert.Single(toA);
        Assert.Contains("Casey Candidate", invite.Subject, StringComparison.Ordinal);
        Assert.Contains($"/interviews/{id}/kit", invite.Body, StringComparison.Ordinal);
        Assert.Contains("method=REQUEST", invite.Calendar!.ContentType, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(invite.Attachment("invite.ics"));
        var candidateInvite = Assert.Single(toCandidate);
        Assert.DoesNotContain("/kit", candidateInvite.Body, StringComparison.Ordinal);
        var attendees = Ics.Event(Ics.Parse(candidateInvite.Calendar!.Text)).Where(p => p.Name == "ATTENDEE").ToList();
        Assert.Equal([$"mailto:{s.CandidateEmail}"], attendees.Select(a => a.Value));
    }

    [Fact]
    public async Task InviteIcs_Parses_KeepsItsUidAcrossReschedule_AndGrowsTheSequence()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync(s.Tomorrow(10))).GetProperty("id").GetGuid();

        var first = Ics.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{id}/invite.ics", UriKind.Relative)));
        var moved = await s.Api.PostAsJsonAsync($"/api/v1/interviews/{id}/reschedule", new { startsAt = s.Tomorrow(14), durationMinutes = 45 });
        var second = Ics.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{id}/invite.ics", UriKind.Relative)));
        var cancelled = await s.Api.PostAsJsonAsync($"/api/v1/interviews/{id}/cancel", new { reason = "Candidate asked to pause." });
        var third = Ics.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{id}/invite.ics", UriKind.Relative)));

        var e1 = Ics.Event(first);
        var e2 = Ics.Event(second);
        var e3 = Ics.Event(third);
        Assert.Equal("REQUEST", Ics.One(first, "METHOD"));
        Assert.Equal("2.0", Ics.One(first, "VERSION"));
        Assert.False(string.IsNullOrEmpty(Ics.One(first, "PRODID")));
        Assert.Equal(s.Tomorrow(10), Ics.Time(Ics.One(e1, "DTSTART")));
        Assert.Equal(s.Tomorrow(11), Ics.Time(Ics.One(e1, "DTEND")));
        Assert.Equal("Room 4\\, Berlin office", Ics.One(e1, "LOCATION"));
        Assert.Equal("Room 4, Berlin office", e1.Single(p => p.Name == "LOCATION").Text);
        Assert.Equal(2, e1.Count(p => p.Name == "ATTENDEE"));
        Assert.Contains(e1, p => p.Name == "ORGANIZER" && p.Value == $"mailto:{s.Manager.Email}");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(Ics.One(e1, "UID"), Ics.One(e2, "UID"));
        Assert.Equal(Ics.One(e1, "UID"), Ics.One(e3, "UID"));
        Assert.Equal([0, 1, 2], new[] { e1, e2, e3 }.Select(e => int.Parse(Ics.One(e, "SEQUENCE"), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(s.Tomorrow(14), Ics.Time(Ics.One(e2, "DTSTART")));
        Assert.Equal(s.Tomorrow(14).AddMinutes(45), Ics.Time(Ics.One(e2, "DTEND")));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("CANCEL", Ics.One(third, "METHOD"));
        Assert.Equal("CANCELLED", Ics.One(e3, "STATUS"));
    }

    [Fact]
    public async Task Reschedule_UpdatesTheInvitations_AndCancelsForAnInterviewerTakenOff()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync(s.Tomorrow(9))).GetProperty("id").GetGuid();

        var moved = await s.Api.PostAsJsonAsync($"/api/v1/interviews/{id}/reschedule", new { startsAt = s.Tomorrow(15), interviewers = new[] { s.A.UserId }, expectedSequence = 0 });
        var stale = await s.Api.PostAsJsonAsync($"/api/v1/interviews/{id}/reschedule", new { startsAt = s.Tomorrow(16), expectedSequence = 0 });
        var toA = await App.MailToAsync(s.A.Email);
        var toB = await App.MailToAsync(s.B.Email);
        var toCandidate = await App.MailToAsync(s.CandidateEmail);
        var bScorecard = await s.ApiB.GetAsync(new Uri($"/api/v1/interviews/{id}/scorecard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("interview.changed", (await ApiTokenAuthTests.Problem(stale)).GetProperty("code").GetString());
        Assert.Equal(2, toA.Count);
        Assert.Contains(toA, m => Ics.One(Ics.Event(Ics.Parse(m.Calendar!.Text)), "SEQUENCE") == "1" && m.Subject.StartsWith("Updated", StringComparison.Ordinal));
        Assert.Equal(2, toB.Count);
        var cancel = Assert.Single(toB, m => Ics.One(Ics.Parse(m.Calendar!.Text), "METHOD") == "CANCEL");
        Assert.Equal("1", Ics.One(Ics.Event(Ics.Parse(cancel.Calendar!.Text)), "SEQUENCE"));
        Assert.Equal(2, toCandidate.Count);
        Assert.Equal(HttpStatusCode.NotFound, bScorecard.StatusCode); // B is off the interview and their empty draft is gone
    }

    [Fact]
    public async Task DoubleBooking_IsRefusedWithTheClash_UnlessKeptOnPurpose()
    {
        var s = await InterviewScenario.CreateAsync(App);
        await s.ScheduledAsync(s.Tomorrow(10));
        var other = await CandidateForSameJobAsync(s, "Other Person");

        var clash = await s.ScheduleAsync(s.Tomorrow(10).AddMinutes(30), [s.A.UserId], applicationId: other);
        var kept = await s.ScheduleAsync(s.Tomorrow(10).AddMinutes(30), [s.A.UserId], allowDoubleBooking: true, applicationId: other);
        var later = await s.ScheduleAsync(s.Tomorrow(11), [s.B.UserId], applicationId: other); // touching, not overlapping

        var problem = await ApiTokenAuthTests.Problem(clash);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("interview.double_booked", problem.GetProperty("code").GetString());
        Assert.Contains("Ana Interviewer", problem.GetProperty("errors").GetProperty("interviewers")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
        Assert.Equal(s.A.UserId, JsonDocument.Parse(await kept.Content.ReadAsStringAsync()).RootElement.GetProperty("doubleBookings")[0].GetProperty("userId").GetGuid());
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task BadInput_GetsClearProblems_AndWritesNothing()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var (otherJob, otherStages) = await Candidates.PipelineApiTests.JobWithLoopAsync(s.Api);

        var otherStage = await s.Api.PostAsJsonAsync("/api/v1/interviews", new { applicationId = s.ApplicationId, stageId = otherStages[2], startsAt = s.Tomorrow(10), interviewers = new[] { s.A.UserId } });
        var noInterviewers = await s.Api.PostAsJsonAsync("/api/v1/interviews", new { applicationId = s.ApplicationId, stageId = s.CodingStage, startsAt = s.Tomorrow(10), interviewers = Array.Empty<Guid>() });
        var stranger = await s.Api.PostAsJsonAsync("/api/v1/interviews", new { applicationId = s.ApplicationId, stageId = s.CodingStage, startsAt = s.Tomorrow(10), interviewers = new[] { Guid.NewGuid() } });
        var badLink = await s.Api.PostAsJsonAsync("/api/v1/interviews", new { applicationId = s.ApplicationId, stageId = s.CodingStage, startsAt = s.Tomorrow(10), interviewers = new[] { s.A.UserId }, videoUrl = "javascript:alert(1)", durationMinutes = 2 });
        var longAgo = await s.Api.PostAsJsonAsync("/api/v1/interviews", new { applicationId = s.ApplicationId, stageId = s.CodingStage, startsAt = s.Tomorrow(10).AddYears(-1), interviewers = new[] { s.A.UserId } });
        var missing = await s.Api.PostAsJsonAsync("/api/v1/interviews", new { applicationId = s.ApplicationId });
        var listed = await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/interviews", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherStage.StatusCode);
        Assert.Equal("interview.stage_not_in_job", (await ApiTokenAuthTests.Problem(otherStage)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noInterviewers.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        var link = await ApiTokenAuthTests.Problem(badLink);
        Assert.Equal(HttpStatusCode.BadRequest, badLink.StatusCode);
        Assert.True(link.GetProperty("errors").TryGetProperty("videoUrl", out _));
        Assert.True(link.GetProperty("errors").TryGetProperty("durationMinutes", out _));
        Assert.Equal(HttpStatusCode.BadRequest, longAgo.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("[]", listed);
        Assert.NotEqual(Guid.Empty, otherJob);
    }

    [Fact]
    public async Task AnInterviewerOfAnotherInterview_OrAHiringManagerOfAnotherJob_GetsNotFound()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync()).GetProperty("id").GetGuid();
        var outsider = await App.AddMemberAsync(s.Manager.OrganizationId, Role.Interviewer);
        var otherManager = await App.AddMemberAsync(s.Manager.OrganizationId, Role.HiringManager);
        var recruiter = await App.AddMemberAsync(s.Manager.OrganizationId, Role.Recruiter);
        var elsewhere = await App.NewOrganizationAsync();

        foreach (var member in new[] { outsider, otherManager, elsewhere })
        {
            var api = App.Api(await App.TokenForAsync(member));
            foreach (var path in new[] { "", "/kit", "/invite.ics", "/scorecard" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/v1/interviews/{id}{path}", UriKind.Relative))).StatusCode);
            }
        }

        var recruiterApi = App.Api(await App.TokenForAsync(recruiter));
        Assert.Equal(HttpStatusCode.OK, (await recruiterApi.GetAsync(new Uri($"/api/v1/interviews/{id}/kit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recruiterApi.GetAsync(new Uri($"/api/v1/interviews/{id}/scorecard", UriKind.Relative))).StatusCode); // not an interviewer: no scorecard of their own
        Assert.Equal(HttpStatusCode.Forbidden, (await s.ApiA.PostAsJsonAsync($"/api/v1/interviews/{id}/cancel", new { })).StatusCode);
    }

    [Fact]
    public async Task Kit_ShowsQuestionsWithIndicators_FocusCompetenciesWithLevels_AndTheCallersScorecard()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync()).GetProperty("id").GetGuid();

        var kit = JsonDocument.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{id}/kit", UriKind.Relative))).RootElement;
        var managerKit = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/interviews/{id}/kit", UriKind.Relative))).RootElement;

        var question = kit.GetProperty("questions")[0];
        Assert.Equal(s.CodingStagePlan.GetProperty("questions").GetArrayLength(), kit.GetProperty("questions").GetArrayLength());
        Assert.True(question.GetProperty("positive").GetArrayLength() > 0);
        Assert.True(question.GetProperty("negative").GetArrayLength() > 0);
        Assert.False(string.IsNullOrWhiteSpace(question.GetProperty("prompt").GetString()));
        var competency = kit.GetProperty("focus")[0];
        Assert.All(new[] { "junior", "mid", "senior", "principal" }, level => Assert.False(string.IsNullOrWhiteSpace(competency.GetProperty(level).GetString())));
        Assert.True(kit.GetProperty("redFlags").GetArrayLength() > 0);
        Assert.Equal(s.A.UserId, kit.GetProperty("scorecard").GetProperty("interviewerId").GetGuid());
        Assert.Equal(JsonValueKind.Null, managerKit.GetProperty("scorecard").ValueKind);
    }

    [Fact]
    public async Task Cancel_WithdrawsEveryInvitation_AndASecondCancelConflicts()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var id = (await s.ScheduledAsync()).GetProperty("id").GetGuid();

        var cancelled = await s.Api.PostAsJsonAsync($"/api/v1/interviews/{id}/cancel", new { reason = "Role paused internally." });
        var again = await s.Api.PostAsJsonAsync($"/api/v1/interviews/{id}/cancel", new { });
        var reschedule = await s.Api.PostAsJsonAsync($"/api/v1/interviews/{id}/reschedule", new { startsAt = s.Tomorrow(12) });
        var save = await s.ApiA.PutAsJsonAsync($"/api/v1/interviews/{id}/scorecard", new { summary = "late" });
        var toCandidate = await App.MailToAsync(s.CandidateEmail);
        var toA = await App.MailToAsync(s.A.Email);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reschedule.StatusCode);
        Assert.Equal("interview.cancelled", (await ApiTokenAuthTests.Problem(save)).GetProperty("code").GetString());
        var candidateCancel = Assert.Single(toCandidate, m => m.Subject.StartsWith("Cancelled", StringComparison.Ordinal));
        Assert.DoesNotContain("paused internally", candidateCancel.Body, StringComparison.Ordinal); // the reason is internal
        Assert.Contains(toA, m => m.Body.Contains("Role paused internally.", StringComparison.Ordinal));
    }

    private static async Task<Guid> CandidateForSameJobAsync(InterviewScenario s, string name)
    {
        var recruiter = s.App.Api(await s.App.TokenForAsync(await s.App.AddMemberAsync(s.Manager.OrganizationId, Role.Recruiter)));
        var (_, application) = await Candidates.CandidatesApiTests.CandidateWithApplicationAsync(recruiter, name, s.JobId);
        return application;
    }
}
