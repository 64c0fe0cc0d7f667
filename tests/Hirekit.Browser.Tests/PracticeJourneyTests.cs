using Hirekit.Testing;
using Microsoft.Playwright;

namespace Hirekit.Browser.Tests;

public sealed class PracticeJourneyTests
{
    [Fact]
    public async Task AVisitorWithoutAnAccount_PicksAQuestion_WritesAnAnswer_AndSeesTheEvidenceMarked()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        await page.GotoAsync($"{app.BaseUrl}/practice");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Practice interview questions", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Note).First).ToContainTextAsync("never used to assess anyone");
        await page.GetByLabel("Search").FillAsync("duplicate orders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await browser.ScreenshotAsync("practice-01-questions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retries that create duplicate orders" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Retries that create duplicate orders", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Write your answer").FillAsync(
            "The app creates a UUID for each purchase and sends it as an Idempotency-Key header, using the same key on every retry.\n" +
            "The server stores the key under a unique constraint together with the response, so a retry gets the same response.\n" +
            "Stored keys expire after 24 hours.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Get feedback" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Feedback", Level = 2 })).ToBeVisibleAsync();
        var marks = page.Locator(".practice-answer mark");
        await Assertions.Expect(marks.Filter(new() { HasText = "Idempotency-Key" })).ToHaveCountAsync(1);
        await Assertions.Expect(marks.Filter(new() { HasText = "unique constraint" })).ToHaveCountAsync(1);
        await Assertions.Expect(marks.Filter(new() { HasText = "expire" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".practice-indicators.matched > li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".practice-indicators.missing > li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Model answer notes" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".practice-model-answer")).ToContainTextAsync("HTTP semantics");
        await Assertions.Expect(page.GetByLabel("Write your answer")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Idempotency-Key"));
        await browser.ScreenshotAsync("practice-02-feedback");

        // On a phone the page needs no sideways scrolling.
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        await browser.ScreenshotAsync("practice-03-feedback-phone");
    }
}
