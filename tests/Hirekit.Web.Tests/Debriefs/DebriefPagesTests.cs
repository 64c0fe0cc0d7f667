using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Debriefs;

public sealed class DebriefPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task TheMatrix_NamesEveryLevelInWords_AndStatesTheRule()
    {
        var s = await PanelAsync("senior", "mid");
        var page = await Forms.GetPageAsync(await App.SignedInBrowserAsync(s.Manager), $"/applications/{s.ApplicationId}/debrief");

        var cells = page.QuerySelectorAll("table.level-matrix tbody td");
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.False(string.IsNullOrWhiteSpace(c.TextContent)));
        Assert.Contains(cells, c => c.TextContent.Contains("Senior (3)", StringComparison.Ordinal) && c.ClassList.Contains("lvl-3"));
        Assert.Equal(2 + 3, page.QuerySelectorAll("table.level-matrix thead th").Length); // competency, two interviewers, assessed, spread
        Assert.Contains("median", page.QuerySelector(".rule")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action*=Decide]"));
        Assert.Empty(page.QuerySelectorAll("[style], script:not([src])"));
    }

    [Fact]
    public async Task AnInterviewer_ReadsTheDebrief_WithoutTheDecisionForm()
    {
        var s = await PanelAsync("senior", "senior");
        var page = await Forms.GetPageAsync(await App.SignedInBrowserAsync(s.A), $"/applications/{s.ApplicationId}/debrief");
        var outsider = await App.SignedInBrowserAsync(await App.AddMemberAsync(s.Manager.OrganizationId, Role.Interviewer));

        Assert.Null(page.QuerySelector("form[action*=Decide]"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/applications/{s.ApplicationId}/debrief", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheDecisionForm_AsksForAnOverrideWhileScorecardsAreMissing_ThenRecordsIt()
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        await SubmitAsync(s.ApiA, interview, "senior");
        var browser = await App.SignedInBrowserAsync(s.Manager);
        var url = $"/applications/{s.ApplicationId}/debrief";
        var page = await Forms.GetPageAsync(browser, url);
        var form = FormState.Of(page.QuerySelector("form[action*=Decide]")!).Set("Decision.Outcome", "hire").Set("Decision.Level", "senior").Set("Decision.Rationale", "Clear evidence on API design and data.");

        var refused = await form.PostAsync(browser, $"{url}?handler=Decide");
        var refusedPage = await Forms.ParseAsync(refused);
        var taken = await form.Set("Decision.OverrideReason", "Ben's notes were shared in the debrief meeting.").PostAsync(browser, $"{url}?handler=Decide");
        var after = await Forms.GetPageAsync(browser, url);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("#Decision_OverrideReason", refusedPage.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Clear evidence on API design and data.", refusedPage.QuerySelector("textarea[name='Decision.Rationale']")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Contains("Hire at Senior", after.QuerySelector(".decision-record")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("form[action*=Offer]"));
    }

    [Fact]
    public async Task TheOfferPages_DraftApproveSendAndAccept()
    {
        var s = await InterviewScenario.CreateAsync(App);
        await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "hire", level = "senior", rationale = "Evidence above the bar everywhere." });
        var adminMember = await App.AddMemberAsync(s.Manager.OrganizationId, Role.Admin);
        var browser = await App.SignedInBrowserAsync(s.Manager);
        var admin = await App.SignedInBrowserAsync(adminMember);
        var debrief = await Forms.GetPageAsync(browser, $"/applications/{s.ApplicationId}/debrief");

        var drafted = await FormState.Of(debrief.QuerySelector("form[action*=Offer]")!).Set("Offer.BaseSalary", "250000").PostAsync(browser, $"/applications/{s.ApplicationId}/debrief?handler=Offer");
        var offerUrl = drafted.Headers.Location!.OriginalString;
        var offerPage = await Forms.GetPageAsync(browser, offerUrl);
        var asked = await Forms.SubmitAsync(browser, offerPage, $"{offerUrl}?handler=Status&status=approval_pending", []);
        var adminPage = await Forms.GetPageAsync(admin, offerUrl);
        var noReason = await Forms.SubmitAsync(admin, adminPage, $"{offerUrl}?handler=Approve", new() { ["Reason"] = "" });
        var approved = await Forms.SubmitAsync(admin, adminPage, $"{offerUrl}?handler=Approve", new() { ["Reason"] = "Counter-offer from her current employer at the same figure." });
        var afterApproval = await Forms.GetPageAsync(browser, offerUrl);
        await Forms.SubmitAsync(browser, afterApproval, $"{offerUrl}?handler=Status&status=sent", []);
        var sentPage = await Forms.GetPageAsync(browser, offerUrl);
        await Forms.SubmitAsync(browser, sentPage, $"{offerUrl}?handler=Status&status=accepted", []);
        var final = await Forms.GetPageAsync(browser, offerUrl);
        var letter = await browser.GetAsync(new Uri($"{offerUrl}?handler=Letter", UriKind.Relative));
        var application = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        Assert.Contains("Outside the band", offerPage.QuerySelector(".band-out")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.NotNull(adminPage.QuerySelector("form[action*=Approve]"));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("outside its band", (await Forms.ParseAsync(noReason)).QuerySelector(".field-error, .error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("Counter-offer", afterApproval.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("accepted", final.QuerySelector("header .badge")?.TextContent);
        Assert.Empty(final.QuerySelectorAll(".page-actions form"));
        Assert.Equal("text/markdown", letter.Content.Headers.ContentType?.MediaType);
        Assert.Contains("250,000", await letter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("hired", application.GetProperty("stage").GetString());
    }

    private async Task<InterviewScenario> PanelAsync(string levelA, string levelB)
    {
        var s = await InterviewScenario.CreateAsync(App);
        var interview = await s.ScheduledAsync();
        await SubmitAsync(s.ApiA, interview, levelA);
        await SubmitAsync(s.ApiB, interview, levelB);
        return s;
    }

    private static async Task SubmitAsync(HttpClient api, JsonElement interview, string level)
    {
        var focus = interview.GetProperty("focus").EnumerateArray().Select(f => f.GetString()!).ToList();
        var response = await api.PostAsJsonAsync($"/api/v1/interviews/{interview.GetProperty("id").GetGuid()}/scorecard/submit", new
        {
            content = new { ratings = focus.Select(c => new { competencyId = c, level, evidence = "Seen." }), recommendation = "yes", summary = "Fine." },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
