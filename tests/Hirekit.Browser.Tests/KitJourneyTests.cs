using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Microsoft.Playwright;

namespace Hirekit.Browser.Tests;

public sealed class KitJourneyTests
{
    private const string NewTitle = "Diagnosing a slow query on a busy table";

    [Fact]
    public async Task HiringManager_BrowsesSearchesForksEditsPublishesAndComparesTheKit()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var manager = await app.NewOrganizationAsync(Role.HiringManager);
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await SignInAsync(page, app, manager);

        await page.Locator(".nav-wide").GetByRole(AriaRole.Link, new() { Name = "Kits", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hiring kits", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Built-in template", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Backend Developer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Backend Developer", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.framework td.descriptor")).ToHaveCountAsync(48);
        await browser.ScreenshotAsync("10-kit-page");

        await page.Locator(".nav-wide").GetByRole(AriaRole.Link, new() { Name = "Question bank" }).ClickAsync();
        await page.GetByLabel("Search").FillAsync("outbox");
        await page.GetByLabel("Kind").SelectOptionAsync("competency");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator(".result").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("11-question-bank");
        var title = await page.Locator(".result h3 a").First.TextContentAsync();
        await page.Locator(".result h3 a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title!, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signs of a strong answer" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retire" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("12-question");

        await page.Locator(".crumbs").GetByRole(AriaRole.Link, new() { Name = "Backend Developer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fork" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Forked as");
        await Assertions.Expect(page.Locator(".kit-badges")).ToContainTextAsync("Remix");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit draft", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#q-tech-slow-query th a").ClickAsync();
        await page.Locator("#Form_Title").FillAsync(NewTitle);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Saved the question");
        await browser.ScreenshotAsync("13-draft-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Published version 2");
        await Assertions.Expect(page.Locator("select#version")).ToHaveValueAsync("2");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = NewTitle }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare versions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Questions (1)", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ins", new() { HasText = NewTitle })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("14-diff");
    }

    [Fact]
    public async Task KitPage_OnAPhone_ScrollsTheFrameworkInsideItsTable()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var member = await app.NewOrganizationAsync(Role.Interviewer);
        await using var browser = await BrowserSession.StartAsync(width: 390, height: 844);
        var page = browser.Page;
        await SignInAsync(page, app, member);

        await page.GotoAsync($"{app.BaseUrl}/kits");
        await page.GetByRole(AriaRole.Link, new() { Name = "Backend Developer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Backend Developer", Level = 1 })).ToBeVisibleAsync();

        var pageOverflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        var tableScrolls = await page.Locator(".table-wrap:has(table.framework)").First.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth");
        Assert.False(pageOverflows, "the page itself must not scroll sideways on a phone");
        Assert.True(tableScrolls, "the framework table scrolls inside its wrapper");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Fork" })).ToHaveCountAsync(0);
        await ViewportShotAsync(page, "15-kit-phone");
        await page.Locator("h3[id^='area-']").First.EvaluateAsync("e => e.scrollIntoView()");
        await page.Locator(".table-wrap:has(table.framework)").First.EvaluateAsync("e => e.scrollBy(160, 0)");
        await ViewportShotAsync(page, "16-kit-phone-framework");
    }

    /// <summary>What a phone shows at once, rather than the whole (very long) page.</summary>
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
