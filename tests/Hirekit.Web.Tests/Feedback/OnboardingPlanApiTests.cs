using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hirekit.Core.Security;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Feedback;

public sealed class OnboardingPlanApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    /// <summary>A hire at senior whose panel placed the coding stage's competencies at mid, up to the offer being accepted on <paramref name="start"/>.</summary>
    internal static async Task<FeedbackScenario> AcceptedAsync(HirekitApp app, DateOnly start)
    {
        var f = await FeedbackScenario.CreateAsync(app, firstLevel: "senior", secondLevel: "mid");
        var s = f.S;
        var decided = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/decision", new { outcome = "hire", level = "senior", rationale = "Strong design sense; the gaps are coachable." });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        var created = await s.Api.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/offer", new { baseSalary = 110_000, startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var offer = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        foreach (var status in new[] { "approval_pending", "sent", "accepted" })
        {
            var moved = await s.Api.PostAsJsonAsync($"/api/v1/offers/{offer}/status", new { status });
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        }

        return f;
    }

    [Fact]
    public async Task AcceptingTheOffer_CreatesThePlan_WithDatesFromTheStartDate_AndGrowthGoalsFromTheDebrief()
    {
        var start = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(40);
        var f = await AcceptedAsync(App, start);
        var s = f.S;

        var plan = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/onboarding-plan", UriKind.Relative))).RootElement;
        var items = plan.GetProperty("items").EnumerateArray().ToList();
        var due = items.ToDictionary(i => i.GetProperty("title").GetString()!, i => DateOnly.Parse(i.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture));
        var growth = items.Where(i => i.GetProperty("kind").GetString() == "growth").ToList();
        var focus = f.Interview.GetProperty("focus").EnumerateArray().Select(c => c.GetString()!).ToList();

        Assert.Equal(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), plan.GetProperty("startDate").GetString());
        // Day 1 is the start date: the first phase ends on day 14, the plan on day 90.
        Assert.Equal(start.AddDays(13), due["Access ready before the first day"]);
        Assert.All(items.Where(i => i.GetProperty("phase").GetString() == "weeks-3-4"), i => Assert.Equal(start.AddDays(27), DateOnly.Parse(i.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture)));
        Assert.Equal(start.AddDays(89), due.Values.Max());
        Assert.Equal(focus.Count, growth.Count); // every focus competency was placed at mid, below the senior hire
        Assert.All(growth, g => Assert.Equal("hiring_manager", g.GetProperty("owner").GetString()));
        Assert.All(growth, g => Assert.Contains("towards Senior", g.GetProperty("title").GetString(), StringComparison.Ordinal));
        Assert.Contains(items, i => i.GetProperty("owner").GetString() == "new_hire");
        Assert.Equal(0, plan.GetProperty("done").GetInt32());
        Assert.Equal(items.Count, plan.GetProperty("total").GetInt32());

        // A later start date moves every date by the same number of days.
        var later = await AcceptedAsync(App, start.AddDays(7));
        var laterPlan = JsonDocument.Parse(await later.S.Api.GetStringAsync(new Uri($"/api/v1/applications/{later.S.ApplicationId}/onboarding-plan", UriKind.Relative))).RootElement;
        var laterDue = laterPlan.GetProperty("items").EnumerateArray().Select(i => DateOnly.Parse(i.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(due.Values.Select(d => d.AddDays(7)), laterDue);
    }

    [Fact]
    public async Task TheHiringManager_TicksItemsOff_AndTheNewHireReadsThePlanThroughTheirLink()
    {
        var f = await AcceptedAsync(App, DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(20));
        var s = f.S;
        var mail = (await App.MailToAsync(s.CandidateEmail)).Last(m => m.Subject.Contains("onboarding", StringComparison.OrdinalIgnoreCase));
        var link = new Uri(Regex.Match(mail.Body, @"https?://\S+/o/\S+").Value).PathAndQuery;
        var plan = JsonDocument.Parse(await s.Api.GetStringAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/onboarding-plan", UriKind.Relative))).RootElement;
        var item = plan.GetProperty("items")[0].GetProperty("id").GetGuid();

        var done = await s.Api.PutAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/onboarding-plan/items/{item}", new { done = true });
        var doneBody = JsonDocument.Parse(await done.Content.ReadAsStringAsync()).RootElement;
        var noBody = await s.Api.PutAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/onboarding-plan/items/{item}", new { });
        var unknownItem = await s.Api.PutAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/onboarding-plan/items/{Guid.NewGuid()}", new { done = true });
        var byInterviewer = await s.ApiA.GetAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/onboarding-plan", UriKind.Relative));
        var page = WebUtility.HtmlDecode(await App.Browser().GetStringAsync(new Uri(link, UriKind.Relative)));
        var wrong = await App.Browser().GetAsync(new Uri($"/o/{SecretToken.Create("o_")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.True(doneBody.GetProperty("items")[0].GetProperty("done").GetBoolean());
        Assert.Equal(1, doneBody.GetProperty("done").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byInterviewer.StatusCode);
        Assert.Contains("Welcome, Casey Candidate", page, StringComparison.Ordinal);
        Assert.Contains("✓ Done", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Interviewer", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);

        // A renewed link replaces the old one at once.
        var renewed = await s.Api.PostAsync(new Uri($"/api/v1/applications/{s.ApplicationId}/onboarding-plan/link", UriKind.Relative), null);
        var newMail = (await App.MailToAsync(s.CandidateEmail)).Last(m => m.Subject.Contains("onboarding", StringComparison.OrdinalIgnoreCase));
        var newLink = new Uri(Regex.Match(newMail.Body, @"https?://\S+/o/\S+").Value).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.NotEqual(link, newLink);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Browser().GetAsync(new Uri(newLink, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task NoPlan_BeforeTheOfferIsAccepted()
    {
        var f = await FeedbackScenario.CreateAsync(App);

        var response = await f.S.Api.GetAsync(new Uri($"/api/v1/applications/{f.S.ApplicationId}/onboarding-plan", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
