using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.Security;
using Hirekit.Data.Connections;
using Hirekit.Testing;
using Hirekit.Web.Tests.Api;

namespace Hirekit.Web.Tests.Feedback;

public sealed class FeedbackReportApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task TheReport_OfAPanelWithNotesRedFlagsAndNegativeIndicators_ContainsNoneOfThem_OnThePageOrInThePdf()
    {
        var f = await FeedbackScenario.CreateAsync(App);
        var (_, link) = await f.SentAsync();
        var anonymous = App.Browser();

        var page = await anonymous.GetAsync(new Uri(link, UriKind.Relative));
        var html = FeedbackScenario.Collapse(await page.Content.ReadAsStringAsync());
        var pdf = await anonymous.GetAsync(new Uri(link + ".pdf", UriKind.Relative));
        var pdfText = await FeedbackScenario.PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Casey Candidate", html, StringComparison.Ordinal);
        Assert.Contains(f.PositiveIndicator, html, StringComparison.Ordinal);
        Assert.Contains(f.PositiveIndicator, pdfText, StringComparison.Ordinal);
        Assert.Contains("Area to grow", html, StringComparison.Ordinal); // Ben's "mid" makes the median mid, below the senior target
        Assert.Contains("Topics to study", pdfText, StringComparison.Ordinal);
        foreach (var secret in f.Secrets)
        {
            Assert.DoesNotContain(FeedbackScenario.Collapse(secret), html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(FeedbackScenario.Collapse(secret), pdfText, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Links_ThatAreUnknownRevokedReplacedOrExpired_AllAnswerTheSame404()
    {
        var f = await FeedbackScenario.CreateAsync(App);
        var reportId = (await f.DraftAsync()).GetProperty("id").GetGuid();
        var unapproved = await f.PostAsync(reportId, "send", HttpStatusCode.Conflict);
        await f.PostAsync(reportId, "approve");
        await f.PostAsync(reportId, "send");
        var first = await f.LatestLinkAsync();
        var anonymous = App.Browser();
        var wrong = await anonymous.GetAsync(new Uri($"/r/{SecretToken.Create("r_")}", UriKind.Relative));
        var wrongBody = await wrong.Content.ReadAsStringAsync();

        Assert.Equal("feedback.not_approved", unapproved.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(first, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);

        await f.PostAsync(reportId, "revoke");
        var revoked = await anonymous.GetAsync(new Uri(first, UriKind.Relative));
        var revokedPdf = await anonymous.GetAsync(new Uri(first + ".pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(wrongBody, await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, revokedPdf.StatusCode);

        await f.PostAsync(reportId, "send"); // a new link; the revoked one stays dead
        var second = await f.LatestLinkAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(first, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(second, UriKind.Relative))).StatusCode);

        App.Clock.Advance(TimeSpan.FromDays(91));
        var expired = await anonymous.GetAsync(new Uri(second, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(wrongBody, await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheLink_IsStoredOnlyAsItsHash_AndANearMissIsAnsweredNoSlowerThanARandomGuess()
    {
        var f = await FeedbackScenario.CreateAsync(App);
        var (reportId, link) = await f.SentAsync();
        var token = link["/r/".Length..];
        await using var connection = await App.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var stored = await connection.QuerySingleAsync<string>("SELECT token_hash FROM feedback_reports WHERE id = @Id", new { Id = reportId });
        var anywhere = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM feedback_reports WHERE token_hash = @Token OR content_json LIKE @Like", new { Token = token, Like = $"%{token}%" });

        Assert.Equal(SecretToken.Hash(token), stored);
        Assert.Equal(0, anywhere);
        Assert.True(token.Length >= 43, "at least 256 bits in base64url");

        // The lookup is an equality match on the SHA-256 of the token, so a guess sharing all but
        // its last character with the real token costs the same as a random one. Interleaved
        // medians keep machine noise out; the bound is loose on purpose.
        var anonymous = App.CreateClient();
        var nearMiss = $"/r/{token[..^1]}{(token[^1] == 'A' ? 'B' : 'A')}";
        var near = new List<double>();
        var random = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            near.Add(await TimeAsync(anonymous, nearMiss));
            random.Add(await TimeAsync(anonymous, $"/r/{SecretToken.Create("r_")}"));
        }

        Assert.InRange(Median(near) / Median(random), 0.33, 3.0);
    }

    [Fact]
    public async Task Drafts_AreForRecruitersAndAdmins_OnCandidatesWithASubmittedScorecard()
    {
        var f = await FeedbackScenario.CreateAsync(App);
        var noInterview = await InterviewScenario.CreateAsync(App);
        var recruiterElsewhere = App.Api(await App.TokenForAsync(await App.AddMemberAsync(noInterview.Manager.OrganizationId, Role.Recruiter)));

        var notEligible = await recruiterElsewhere.PostAsync(new Uri($"/api/v1/applications/{noInterview.ApplicationId}/feedback-report", UriKind.Relative), null);
        var byManager = await f.S.Api.PostAsync(new Uri($"/api/v1/applications/{f.S.ApplicationId}/feedback-report", UriKind.Relative), null);
        var byInterviewer = await f.S.ApiA.PostAsync(new Uri($"/api/v1/applications/{f.S.ApplicationId}/feedback-report", UriKind.Relative), null);
        var otherOrganization = await recruiterElsewhere.PostAsync(new Uri($"/api/v1/applications/{f.S.ApplicationId}/feedback-report", UriKind.Relative), null);
        var draft = await f.DraftAsync();
        var otherOrganizationRead = await recruiterElsewhere.GetAsync(new Uri($"/api/v1/feedback-reports/{draft.GetProperty("id").GetGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, notEligible.StatusCode);
        Assert.Equal("feedback.not_eligible", (await ApiTokenAuthTests.Problem(notEligible)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byInterviewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherOrganization.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherOrganizationRead.StatusCode);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.False(draft.GetProperty("edited").GetBoolean());
        Assert.NotEmpty(draft.GetProperty("sections").EnumerateArray());
    }

    [Fact]
    public async Task ARecruiter_EditsTheDraft_WithinItsCompetencies_AndAnApprovedReportIsLocked()
    {
        var f = await FeedbackScenario.CreateAsync(App);
        var draft = await f.DraftAsync();
        var id = draft.GetProperty("id").GetGuid();
        var section = draft.GetProperty("sections")[0];
        var edit = new
        {
            intro = "Thank you for your time with us.",
            closing = "Good luck with what comes next.",
            sections = new[]
            {
                new
                {
                    competencyId = section.GetProperty("competencyId").GetString(),
                    title = section.GetProperty("title").GetString(),
                    kind = section.GetProperty("kind").GetString(),
                    summary = "You reasoned clearly about failure modes.",
                    observed = new[] { "Named the retry budget before being asked." },
                    nextStep = "Practise explaining trade-offs in writing.",
                    topics = new[] { "Idempotency keys" },
                },
            },
        };
        var invented = new { edit.intro, edit.closing, sections = new[] { edit.sections[0] with { competencyId = "made-up" } } };

        var refused = await f.Recruiter.PutAsJsonAsync($"/api/v1/feedback-reports/{id}", invented);
        var empty = await f.Recruiter.PutAsJsonAsync($"/api/v1/feedback-reports/{id}", new { intro = "", closing = "", sections = Array.Empty<object>() });
        var saved = await f.Recruiter.PutAsJsonAsync($"/api/v1/feedback-reports/{id}", edit);
        var body = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement;
        var redraftKeepsNothingBack = await f.DraftAsync(); // while a draft, a refresh from the scorecards replaces the edit
        await f.Recruiter.PutAsJsonAsync($"/api/v1/feedback-reports/{id}", edit);
        await f.PostAsync(id, "approve");
        var afterApproval = await f.Recruiter.PutAsJsonAsync($"/api/v1/feedback-reports/{id}", edit);
        var redraftAfterApproval = await f.Recruiter.PostAsync(new Uri($"/api/v1/applications/{f.S.ApplicationId}/feedback-report", UriKind.Relative), null);
        var approved = JsonDocument.Parse(await f.Recruiter.GetStringAsync(new Uri($"/api/v1/feedback-reports/{id}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(body.GetProperty("edited").GetBoolean());
        Assert.Single(body.GetProperty("sections").EnumerateArray());
        Assert.False(redraftKeepsNothingBack.GetProperty("edited").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, afterApproval.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, redraftAfterApproval.StatusCode);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("You reasoned clearly about failure modes.", approved.GetProperty("sections")[0].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task BulkDrafting_CoversEndedProcessesWithAnInterview_AndTheListShowsEachState()
    {
        var f = await FeedbackScenario.CreateAsync(App);
        var s = f.S;
        var rejected = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "no_hire", rationale = "Not enough depth for the senior level yet." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var neverInterviewed = await ApiSeed.CreateCandidateAsync(f.Recruiter, "Noor Nointerview", $"n-{Guid.NewGuid():N}@example.test");
        var application = await f.Recruiter.PostAsJsonAsync("/api/v1/applications", new { candidateId = neverInterviewed, jobId = s.JobId });
        var applicationId = JsonDocument.Parse(await application.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await f.Recruiter.PostAsJsonAsync($"/api/v1/applications/{applicationId}/reject", new { reasonCode = "skills_gap" });

        var bulk = JsonDocument.Parse(await (await f.Recruiter.PostAsync(new Uri($"/api/v1/jobs/{s.JobId}/feedback-reports", UriKind.Relative), null)).Content.ReadAsStringAsync()).RootElement;
        var again = JsonDocument.Parse(await (await f.Recruiter.PostAsync(new Uri($"/api/v1/jobs/{s.JobId}/feedback-reports", UriKind.Relative), null)).Content.ReadAsStringAsync()).RootElement;
        var listed = await ListAsync(f);
        var reportId = listed.Single(i => i.GetProperty("applicationId").GetGuid() == s.ApplicationId).GetProperty("reportId").GetGuid();
        await f.PostAsync(reportId, "approve");
        var approved = await ListAsync(f);
        await f.PostAsync(reportId, "send");
        await App.Browser().GetAsync(new Uri(await f.LatestLinkAsync(), UriKind.Relative));
        var viewed = (await ListAsync(f)).Single(i => i.GetProperty("applicationId").GetGuid() == s.ApplicationId);
        var byManager = await s.Api.GetAsync(new Uri($"/api/v1/jobs/{s.JobId}/feedback-reports", UriKind.Relative));

        Assert.Equal(1, bulk.GetProperty("drafted").GetInt32());
        Assert.Equal(0, again.GetProperty("drafted").GetInt32());
        Assert.Equal("draft", listed.Single(i => i.GetProperty("applicationId").GetGuid() == s.ApplicationId).GetProperty("status").GetString());
        Assert.DoesNotContain(listed, i => i.GetProperty("applicationId").GetGuid() == applicationId); // never interviewed: nothing to report
        Assert.False(bulk.GetProperty("more").GetBoolean());
        Assert.Equal("approved", approved.Single(i => i.GetProperty("applicationId").GetGuid() == s.ApplicationId).GetProperty("status").GetString());
        Assert.Equal("sent", viewed.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, viewed.GetProperty("viewedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
    }

    private static async Task<List<JsonElement>> ListAsync(FeedbackScenario f) =>
        JsonDocument.Parse(await f.Recruiter.GetStringAsync(new Uri($"/api/v1/jobs/{f.S.JobId}/feedback-reports", UriKind.Relative))).RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        watch.Stop();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
