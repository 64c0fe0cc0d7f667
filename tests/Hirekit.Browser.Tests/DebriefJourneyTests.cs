using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Testing;
using Microsoft.Playwright;

namespace Hirekit.Browser.Tests;

public sealed class DebriefJourneyTests
{
    [Fact]
    public async Task AHiringManager_ReadsTheMatrix_InColourBlindVisionAndInPrint_ThenDecidesAndDraftsTheOffer()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var s = await InterviewScenario.CreateAsync(app);
        var interview = await s.ScheduledAsync();
        await SubmitAsync(s.ApiA, interview, "principal", "strong_yes");
        await SubmitAsync(s.ApiB, interview, "mid", "yes");
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await SignInAsync(page, app, s.Manager);

        await page.GotoAsync($"{app.BaseUrl}/applications/{s.ApplicationId}/debrief");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Debrief");
        await Assertions.Expect(page.Locator("table.level-matrix tbody tr.disagreement").First).ToContainTextAsync("Principal (4)"); // principal against mid
        await Assertions.Expect(page.Locator("table.level-matrix tbody tr.gap").First).ToContainTextAsync("∅"); // weighted by the job, not in this interview
        var cdp = await page.Context.NewCDPSessionAsync(page);
        foreach (var deficiency in new[] { "deuteranopia", "achromatopsia" })
        {
            await cdp.SendAsync("Emulation.setEmulatedVisionDeficiency", new Dictionary<string, object> { ["type"] = deficiency });
            await page.Locator("table.level-matrix").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, $"40-debrief-matrix-{deficiency}.png") });
        }

        await cdp.SendAsync("Emulation.setEmulatedVisionDeficiency", new Dictionary<string, object> { ["type"] = "none" });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("form[action*=Decide]").IsVisibleAsync(), "forms are left out of the printed debrief");
        Assert.Equal("rgba(0, 0, 0, 0)", await page.Locator("table.level-matrix td.lvl-4").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await browser.ScreenshotAsync("41-debrief-print");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        await page.GetByLabel("Hire", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Level to hire at").SelectOptionAsync("senior");
        await page.GetByLabel("Rationale").FillAsync("Strong design evidence from Ana; Ben saw less because the session ran short.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".decision-record")).ToContainTextAsync("Hire at Senior");

        await page.GetByLabel("Yearly base salary").FillAsync("120000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft the offer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Offer to");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve (inside the band)" }).ClickAsync();
        await Assertions.Expect(page.Locator("header .badge")).ToHaveTextAsync("approved");
        await browser.ScreenshotAsync("42-offer");
    }

    private static async Task SubmitAsync(HttpClient api, JsonElement interview, string level, string recommendation)
    {
        var focus = interview.GetProperty("focus").EnumerateArray().Select(f => f.GetString()!).ToList();
        var response = await api.PostAsJsonAsync($"/api/v1/interviews/{interview.GetProperty("id").GetGuid()}/scorecard/submit", new
        {
            content = new { ratings = focus.Select(c => new { competencyId = c, level, evidence = $"Showed {level} judgement." }), recommendation, summary = "Summary." },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task SignInAsync(IPage page, HirekitApp app, TestMember member)
    {
        await page.GotoAsync($"{app.BaseUrl}/signin");
        await page.GetByLabel("E-mail").FillAsync(member.Email);
        await page.GetByLabel("Password").FillAsync(HirekitApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
    }
}
