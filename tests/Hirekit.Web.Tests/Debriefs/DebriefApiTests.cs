using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Hirekit.Web.Tests.Api;
using Xunit.Abstractions;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.Debriefs;

public sealed class DebriefApiTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task TheDebrief_LevelsEachCompetency_FlagsDisagreements_AndTalliesRecommendations()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var id = interview.GetProperty("id").GetGuid();
        var focus = interview.GetProperty("focus").EnumerateArray().Select(f => f.GetString()!).ToList();
        await SubmitAsync(s.ApiA, id, focus, "principal", "strong_yes", redFlag: null);
        await SubmitAsync(s.ApiB, id, focus, "mid", "yes", redFlag: "happy-path-only");

        var debrief = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/debrief", UriKind.Relative))).RootElement;

        var first = debrief.GetProperty("competencies").EnumerateArray().Single(c => c.GetProperty("id").GetString() == focus[0]);
        Assert.Equal("mid", first.GetProperty("assessedLevel").GetString()); // lower middle of mid and principal
        Assert.True(first.GetProperty("disagreement").GetBoolean());
        Assert.Equal(2, first.GetProperty("ratings").GetArrayLength());
        Assert.Equal(1, debrief.GetProperty("recommendations").GetProperty("strong_yes").GetInt32());
        Assert.Equal(1, debrief.GetProperty("recommendations").GetProperty("yes").GetInt32());
        Assert.Equal(2, debrief.GetProperty("submittedScorecards").GetInt32());
        Assert.Empty(debrief.GetProperty("missingScorecards").EnumerateArray());
        Assert.Equal("senior", debrief.GetProperty("targetLevel").GetString());
        Assert.Contains("median", debrief.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.True(debrief.GetProperty("canDecide").GetBoolean());
        var flag = Assert.Single(debrief.GetProperty("redFlags").EnumerateArray());
        Assert.Equal("Ben Interviewer", flag.GetProperty("interviewerName").GetString());
    }

    [Fact]
    public async Task ADecision_IsRefusedWhileScorecardsAreMissing_AndTakenWithAnOverrideReason()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        var focus = interview.GetProperty("focus").EnumerateArray().Select(f => f.GetString()!).ToList();
        await SubmitAsync(s.ApiA, interview.GetProperty("id").GetGuid(), focus, "senior", "yes", null);

        var refused = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "hire", level = "senior", rationale = "Strong API design and data modelling evidence." });
        var problem = await ApiTokenAuthTests.Problem(refused);
        var shortOverride = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "hire", level = "senior", rationale = "Strong API design and data modelling evidence.", overrideReason = "ok" });
        var taken = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "hire", level = "senior", rationale = "Strong API design and data modelling evidence.", overrideReason = "Ben is on leave for three weeks; his notes agree." });
        var decision = JsonDocument.Parse(await taken.Content.ReadAsStringAsync()).RootElement;
        var application = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}", UriKind.Relative))).RootElement;
        var admin = App.Api(await App.TokenForAsync(await App.AddMemberAsync(s.Manager.OrganizationId, Role.Admin)));
        var audit = await admin.GetStringAsync(new Uri("/api/v1/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("decision.scorecards_missing", problem.GetProperty("code").GetString());
        Assert.Contains("Ben Interviewer", problem.GetProperty("errors").GetProperty("scorecards")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, shortOverride.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(1, decision.GetProperty("pendingScorecards").GetInt32());
        Assert.StartsWith("Ben is on leave", decision.GetProperty("overrideReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("offer", application.GetProperty("stage").GetString());
        Assert.Equal("decided", application.GetProperty("history").EnumerateArray().Last().GetProperty("kind").GetString());
        Assert.Contains("application.decided", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoHireDecision_RejectsTheApplication_AndAFinalApplicationTakesNoOther()
    {
        var s = await InterviewScenario.CreateAsync(App);

        var noHire = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "no_hire", rationale = "Could not show evidence of production experience." });
        var again = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "hire", level = "mid", rationale = "Changed our mind after all." });
        var application = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}", UriKind.Relative))).RootElement;
        var bad = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "maybe", rationale = "x" });

        Assert.Equal(HttpStatusCode.OK, noHire.StatusCode);
        Assert.Equal("rejected", application.GetProperty("stage").GetString());
        Assert.Equal("interview_evidence", application.GetProperty("rejectReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True(bad.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OnlyTheHiringManagerOrAnAdmin_Decides()
    {
        var s = await InterviewScenario.CreateAsync(App);
        await s.ScheduledAsync(); // puts A and B on the job's team
        var recruiter = App.Api(await App.TokenForAsync(await App.AddMemberAsync(s.Manager.OrganizationId, Role.Recruiter)));
        var otherManager = App.Api(await App.TokenForAsync(await App.AddMemberAsync(s.Manager.OrganizationId, Role.HiringManager)));
        var body = new { outcome = "no_hire", rationale = "Not enough evidence for the level.", overrideReason = "Testing who may decide." };

        var byInterviewer = await s.ApiA.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", body);
        var byRecruiter = await recruiter.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", body);
        var byOtherManager = await otherManager.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", body);
        var interviewerDebrief = JsonDocument.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/debrief", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, byInterviewer.StatusCode); // policy: interviewers never decide
        Assert.Equal(HttpStatusCode.Forbidden, byRecruiter.StatusCode);
        Assert.Equal("decision.forbidden", (await ApiTokenAuthTests.Problem(byRecruiter)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, byOtherManager.StatusCode); // not on this job
        Assert.False(interviewerDebrief.GetProperty("canDecide").GetBoolean());
    }

    [Fact]
    public async Task AnOfferInsideTheBand_IsApprovedWhenSubmitted_ThenSentAndAccepted_HiringTheCandidate()
    {
        var s = await HiredScenarioAsync();

        var created = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/offer", new { baseSalary = 110_000, equityPercent = 0.08m, startDate = StartDate() });
        var offer = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = offer.GetProperty("id").GetGuid();
        var second = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/offer", new { baseSalary = 111_000, startDate = StartDate() });
        var submitted = await Status(s.Api, id, "approval_pending");
        var sent = await Status(s.Api, id, "sent");
        var backwards = await s.Api.PostAsJsonAsync($"/api/v1/offers/{id}/status", new { status = "draft" });
        var accepted = await Status(s.Api, id, "accepted");
        var application = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("draft", offer.GetProperty("status").GetString());
        Assert.Equal("senior", offer.GetProperty("level").GetString()); // from the decision
        Assert.Equal("EUR", offer.GetProperty("currency").GetString()); // from the job's region
        Assert.True(offer.GetProperty("band").GetProperty("within").GetBoolean());
        Assert.Contains("110,000 EUR", offer.GetProperty("letterMarkdown").GetString(), StringComparison.Ordinal);
        Assert.Contains("<strong>", offer.GetProperty("letterHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("approved", submitted.GetProperty("status").GetString());
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("hired", application.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task AnOfferOutsideTheBand_WaitsForAnAdmin_WhoMustGiveAReason()
    {
        var s = await HiredScenarioAsync();
        var admin = App.Api(await App.TokenForAsync(await App.AddMemberAsync(s.Manager.OrganizationId, Role.Admin)));

        var created = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/offer", new { baseSalary = 200_000, currency = "EUR", startDate = StartDate() });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var pending = await Status(s.Api, id, "approval_pending");
        var sendTooEarly = await s.Api.PostAsJsonAsync($"/api/v1/offers/{id}/status", new { status = "sent" });
        var byManager = await s.Api.PostAsJsonAsync($"/api/v1/offers/{id}/approve", new { reason = "We really want them." });
        var withoutReason = await admin.PostAsJsonAsync($"/api/v1/offers/{id}/approve", new { });
        var approved = await admin.PostAsJsonAsync($"/api/v1/offers/{id}/approve", new { reason = "Competing offer at 148k; she leads our ledger rewrite." });
        var declined = await Status(s.Api, id, "sent");
        await Status(s.Api, id, "declined");
        var application = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}", UriKind.Relative))).RootElement;

        Assert.False(pending.GetProperty("band").GetProperty("within").GetBoolean());
        Assert.Equal("approval_pending", pending.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, sendTooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.StartsWith("Competing offer", JsonDocument.Parse(await approved.Content.ReadAsStringAsync()).RootElement.GetProperty("approvalReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("sent", declined.GetProperty("status").GetString());
        Assert.Equal("withdrawn", application.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task AnOffer_NeedsAHireDecision_AndValidFigures()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var before = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/offer", new { baseSalary = 100_000, startDate = StartDate() });
        await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "hire", level = "senior", rationale = "Evidence above the bar everywhere." });

        var wrongCurrency = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/offer", new { baseSalary = 100_000, currency = "USD", startDate = StartDate() });
        var past = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/offer", new { baseSalary = 100_000, startDate = "2020-01-01" });
        var badRegion = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/offer", new { baseSalary = 100_000, region = "moon", startDate = StartDate() });
        var zero = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/offer", new { baseSalary = 0, startDate = StartDate() });

        Assert.Equal(HttpStatusCode.Conflict, before.StatusCode);
        Assert.Equal("offer.no_hire_decision", (await ApiTokenAuthTests.Problem(before)).GetProperty("code").GetString());
        Assert.All(new[] { wrongCurrency, past, badRegion, zero }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Empty(JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/debrief", UriKind.Relative))).RootElement.GetProperty("offers").EnumerateArray());
    }

    [Fact]
    public async Task TheDebrief_CostsTheSameQueriesForAPanelOfTwoAndOfEight()
    {
        var small = await InterviewScenario.CreateAsync(App);
        var large = await InterviewScenario.CreateAsync(App);
        var one = await small.ScheduledAsync();
        var focus = one.GetProperty("focus").EnumerateArray().Select(f => f.GetString()!).ToList();
        await SubmitAsync(small.ApiA, one.GetProperty("id").GetGuid(), focus, "senior", "yes", null);
        for (var i = 0; i < 4; i++)
        {
            var interview = await large.ScheduledAsync(large.Tomorrow(8 + (2 * i)));
            await SubmitAsync(large.ApiA, interview.GetProperty("id").GetGuid(), focus, "senior", "yes", null);
            await SubmitAsync(large.ApiB, interview.GetProperty("id").GetGuid(), focus, "mid", "no", "happy-path-only");
        }

        await small.Api.GetAsync(new Uri($"/api/v1/applications/{small.ApplicationId}/debrief", UriKind.Relative));
        var a = Queries(await small.Api.GetAsync(new Uri($"/api/v1/applications/{small.ApplicationId}/debrief", UriKind.Relative)));
        var b = Queries(await large.Api.GetAsync(new Uri($"/api/v1/applications/{large.ApplicationId}/debrief", UriKind.Relative)));

        output.WriteLine($"Debrief queries: panel of 2 scorecards {a}, of 8 {b}");
        Assert.Equal(a, b);
    }

    private async Task<InterviewScenario> HiredScenarioAsync()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var decided = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "hire", level = "senior", rationale = "Evidence above the bar everywhere." });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        return s;
    }

    private string StartDate() => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> Status(HttpClient api, Guid offer, string status)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/offers/{offer}/status", new { status });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task SubmitAsync(HttpClient api, Guid interview, IReadOnlyList<string> focus, string level, string recommendation, string? redFlag)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/interviews/{interview}/scorecard/submit", new
        {
            content = new
            {
                ratings = focus.Select(c => new { competencyId = c, level, evidence = $"Evidence at {level}." }),
                redFlags = redFlag is null ? Array.Empty<string>() : [redFlag],
                redFlagNote = redFlag is null ? "" : "Blamed the framework for a bug they introduced.",
                recommendation,
                summary = "Summary.",
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

}
