using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Microsoft.Playwright;

namespace Hirekit.Browser.Tests;

public sealed partial class WrittenScreenJourneyTests
{
    [Fact]
    public async Task ACandidate_OnAPhone_Writes_SeesTheWordCountAndTheSave_Reloads_AndSubmits()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var s = await InterviewScenario.CreateAsync(app);
        var recruiter = app.Api(await app.TokenForAsync(await app.AddMemberAsync(s.Manager.OrganizationId, Role.Recruiter)));
        var sent = await recruiter.PostAsJsonAsync($"/api/v1/applications/{s.ApplicationId}/async-screen", new { reviewers = new[] { s.A.UserId } });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var screenId = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var path = LinkPattern().Match(Assert.Single(await app.MailToAsync(s.CandidateEmail)).Body).Groups["path"].Value;
        await using var browser = await BrowserSession.StartAsync(width: 390, height: 844);
        var page = browser.Page;

        await page.GotoAsync($"{app.BaseUrl}{path}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("written screen");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the screen must not scroll sideways on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "40-screen-phone-top.png") });

        var first = page.GetByLabel("Your answer to question 1");
        await first.ClickAsync();
        await first.PressSequentiallyAsync("The p99 latency of the orders page rose after the table grew.", new() { Delay = 5 });
        await Assertions.Expect(page.Locator(".word-count").First).ToHaveTextAsync("12 words");
        await Assertions.Expect(page.Locator(".autosave-status")).ToContainTextAsync("Draft saved", new() { Timeout = 10_000 });
        await first.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "41-screen-phone-typing.png") });

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Your answer to question 1")).ToHaveValueAsync("The p99 latency of the orders page rose after the table grew.");
        await Assertions.Expect(page.Locator(".word-count").First).ToHaveTextAsync("12 words");

        await page.GetByLabel("My answers are final").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you, your answers are in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("textarea")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".screen-answer").First).ToContainTextAsync("orders page");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "42-screen-phone-done.png"), FullPage = true });

        var staff = JsonDocument.Parse(await recruiter.GetStringAsync(new Uri($"/api/v1/async-screens/{screenId}", UriKind.Relative))).RootElement;
        Assert.Equal("submitted", staff.GetProperty("status").GetString());
        Assert.Equal("The p99 latency of the orders page rose after the table grew.", staff.GetProperty("questions")[0].GetProperty("answer").GetString());
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/s/s_[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();
}
