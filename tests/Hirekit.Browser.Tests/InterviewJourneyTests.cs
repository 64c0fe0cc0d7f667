using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Testing;
using Microsoft.Playwright;

namespace Hirekit.Browser.Tests;

public sealed class InterviewJourneyTests
{
    [Fact]
    public async Task AnInterviewer_OpensTheKit_FillsTheScorecard_Submits_AndThenSeesTheOthers()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var s = await InterviewScenario.CreateAsync(app);
        var interview = await s.ScheduledAsync(s.Tomorrow(10));
        var id = interview.GetProperty("id").GetGuid();
        await s.ApiB.PostAsJsonAsync($"/api/v1/interviews/{id}/scorecard/submit", new { content = InterviewScenario.CompleteScorecard(interview, "strong_yes") });
        var focus = interview.GetProperty("focus").GetArrayLength();
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await SignInAsync(page, app, s.A);

        await page.Locator(".upcoming-interviews a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Casey Candidate");
        await Assertions.Expect(page.Locator("section.timer")).ToBeVisibleAsync(); // the script shows it
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();

        var firstQuestion = page.Locator("article.kit-question").First;
        await firstQuestion.Locator("fieldset.positive input[type=checkbox]").First.CheckAsync();
        await firstQuestion.GetByLabel("Notes on this answer").FillAsync("Explained idempotency keys and where the duplicate check belongs.");
        await Assertions.Expect(page.Locator(".autosave-status")).ToContainTextAsync("Draft saved", new() { Timeout = 10_000 });
        await ViewportShotAsync(page, "30-kit-top");
        await firstQuestion.ScrollIntoViewIfNeededAsync();
        await ViewportShotAsync(page, "31-kit-question");

        var ratings = page.Locator("fieldset.rating");
        for (var i = 0; i < focus; i++)
        {
            var rating = ratings.Nth(i);
            if (i == 0)
            {
                await rating.GetByLabel("No evidence", new() { Exact = false }).CheckAsync();
            }
            else
            {
                await rating.Locator("input[type=radio][value='3']").CheckAsync();
                await rating.Locator("textarea").FillAsync("Reasoned through the trade-offs without prompting.");
            }
        }

        await ratings.Nth(1).ScrollIntoViewIfNeededAsync();
        await ViewportShotAsync(page, "32-kit-rating");
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Summary").FillAsync("Strong on API design; did not get to observability.");
        await ViewportShotAsync(page, "33-kit-overall");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("It is locked");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the application's scorecards" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.scorecard-entry")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("article.scorecard-entry", new() { HasText = "Ben Interviewer" })).ToContainTextAsync("Strong yes");
        await Assertions.Expect(page.Locator("table.level-grid")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("34-scorecards");

        var stored = JsonDocument.Parse(await s.ApiA.GetStringAsync(new Uri($"/api/v1/interviews/{id}/scorecard", UriKind.Relative))).RootElement;
        Assert.Equal("submitted", stored.GetProperty("status").GetString());
        Assert.Equal([0], stored.GetProperty("questions")[0].GetProperty("positive").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal("yes", stored.GetProperty("recommendation").GetString());
    }

    [Fact]
    public async Task TheKit_OnAPhone_HasNoSidewaysScroll()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var s = await InterviewScenario.CreateAsync(app);
        var id = (await s.ScheduledAsync()).GetProperty("id").GetGuid();
        await using var browser = await BrowserSession.StartAsync(width: 390, height: 844);
        var page = browser.Page;
        await SignInAsync(page, app, s.A);

        await page.GotoAsync($"{app.BaseUrl}/interviews/{id}/kit");
        await Assertions.Expect(page.Locator("fieldset.rating").First).ToBeVisibleAsync();

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the kit must not scroll sideways on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "35-kit-phone.png") });
        await page.Locator("fieldset.rating").First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "36-kit-phone-rating.png") });
    }

    private static Task ViewportShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, $"{name}.png") });

    private static async Task SignInAsync(IPage page, HirekitApp app, TestMember member)
    {
        await page.GotoAsync($"{app.BaseUrl}/signin");
        await page.GetByLabel("E-mail").FillAsync(member.Email);
        await page.GetByLabel("Password").FillAsync(HirekitApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
    }
}
