using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Microsoft.Playwright;

namespace Hirekit.Browser.Tests;

public sealed class JobJourneyTests
{
    [Fact]
    public async Task AHiringManager_OpensAJob_ThroughIntakeDescriptionAndLoop_AndAVisitorApplies()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var hm = await app.NewOrganizationAsync(Role.HiringManager, "Acme Payments");
        await app.AddMemberAsync(hm.OrganizationId, Role.Interviewer, "Ada Lovelace");
        await app.AddMemberAsync(hm.OrganizationId, Role.Interviewer, "Alan Turing");
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        await SignInAsync(page, app, hm);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).Last.GetByRole(AriaRole.Link, new() { Name = "Jobs" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New job" }).ClickAsync();

        // The role intake: the role, then every question of the kit.
        await page.GetByLabel("Job title").FillAsync("Backend Engineer, Payments");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Senior" }).CheckAsync();
        await page.GetByLabel("Location", new() { Exact = true }).FillAsync("Berlin");
        await page.GetByLabel("Location code").FillAsync("DE");
        await page.GetByLabel("Compensation region").SelectOptionAsync("western-europe");
        await page.Locator("#intake-primary-stack-input").FillAsync("Go 1.23 with PostgreSQL 16");
        await page.GetByLabel("Several services communicating over the network or through queues").CheckAsync();
        await page.GetByLabel("Write-heavy (high insert or update rates, contention on hot rows)").CheckAsync();
        await page.GetByLabel("Designs and owns the contract").CheckAsync();
        await page.GetByLabel("Kubernetes").CheckAsync();
        await page.GetByLabel("Mostly an existing system the engineer did not build").CheckAsync();
        await page.GetByLabel("System designer, owning the design of components and services").CheckAsync();
        await browser.ScreenshotAsync("jobs-01-intake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Backend Engineer, Payments", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Job created as a draft");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Data-intensive backend");
        await browser.ScreenshotAsync("jobs-02-overview");

        // The description: lint while editing, a preview of the ad.
        await Tab(page, "Description").ClickAsync();
        await Assertions.Expect(page.Locator(".lint li.finding").First).ToBeVisibleAsync();
        await page.GetByLabel("About the role").FillAsync("We build the payments ledger that 3,000 merchants settle through every day.");
        await page.GetByLabel("Stack details").FillAsync("Kafka for events, Redis for idempotency keys, Terraform on GKE.");
        await page.Locator("#Form_Scale").FillAsync("Lots of traffic, growing fast.");
        await page.Locator("#Form_Challenge").FillAsync("Split the ledger write path from reporting without a day of downtime.");
        await page.Locator("#Form_SuccessCriteria").FillAsync("By month 6 the write path serves p99 under 50 ms, and reporting no longer blocks writes.");
        await page.Locator("#Form_Team").FillAsync("Five backend engineers and an SRE; on-call one week in six.");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("90000");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("125000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save description" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("One lint finding");
        await Assertions.Expect(page.Locator(".lint li.finding")).ToContainTextAsync("no_scale_figures");
        await Assertions.Expect(page.Locator(".preview article.job-ad")).ToContainTextAsync("Split the ledger write path");
        await browser.ScreenshotAsync("jobs-03-description-lint-preview");

        await page.Locator("#Form_Scale").FillAsync("40 million ledger entries a day, 2,500 requests per second at peak.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save description" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lint .lint-clear")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print }); // printed, the editor leaves the lint and the ad
        await Assertions.Expect(page.Locator("#description-form")).ToBeHiddenAsync();
        await browser.ScreenshotAsync("jobs-09-description-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The loop: interviewers on every stage, one stage fewer; the coverage report follows.
        await Tab(page, "Interview loop").ClickAsync();
        await Assertions.Expect(page.Locator(".coverage")).ToContainTextAsync("stage_without_interviewers");
        var stages = await page.Locator("form.loop-form section.stage").CountAsync();
        for (var i = 0; i < stages; i++)
        {
            var stage = page.Locator($"#stage-{i}");
            await stage.GetByLabel("Ada Lovelace").CheckAsync();
            if (i % 2 == 1)
            {
                await stage.GetByLabel("Alan Turing").CheckAsync();
            }
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove stage 4" }).ClickAsync();
        await Assertions.Expect(page.Locator(".unsaved").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form.loop-form section.stage")).ToHaveCountAsync(stages - 1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save loop" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Loop saved");
        await Assertions.Expect(page.Locator(".coverage")).Not.ToContainTextAsync("stage_without_interviewers");
        await browser.ScreenshotAsync("jobs-04-loop-coverage");

        // Open the job; a visitor applies on the careers page.
        await Tab(page, "Overview").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".page-head .badge")).ToContainTextAsync("Open");
        var careers = await page.Locator("a[href^='/careers/']").GetAttributeAsync("href");
        await browser.ScreenshotAsync("jobs-05-open");

        await using var visitor = await BrowserSession.StartAsync(width: 390, height: 844);
        await visitor.Page.GotoAsync($"{app.BaseUrl}{careers}");
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Backend Engineer, Payments" })).ToBeVisibleAsync();
        await visitor.Page.GetByLabel("Your name").FillAsync("Grace Hopper");
        await visitor.Page.GetByLabel("E-mail").FillAsync("grace@example.test");
        await visitor.Page.GetByLabel("Or paste your resume").FillAsync("Backend engineer: Go, PostgreSQL and Kafka; on call for a payments ledger.");
        await visitor.Page.GetByLabel("I agree", new() { Exact = false }).CheckAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(5)); // people take a moment to fill the form in
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        await visitor.ScreenshotAsync("jobs-06-applied");

        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Backend Engineer, Payments");
        await Assertions.Expect(page.Locator("tbody td.num").First).ToHaveTextAsync("1");
        await browser.ScreenshotAsync("jobs-07-list");
    }

    [Fact]
    public async Task TheJobPages_OnAPhone_StackIntoOneColumn()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var hm = await app.NewOrganizationAsync(Role.HiringManager);
        await using var browser = await BrowserSession.StartAsync(width: 390, height: 844);
        var page = browser.Page;

        await SignInAsync(page, app, hm);
        await page.GotoAsync($"{app.BaseUrl}/jobs/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("jobs-08-phone-intake-errors");

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "The intake form scrolls sideways on a phone.");
    }

    private static ILocator Tab(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of this job" }).GetByRole(AriaRole.Link, new() { Name = name });

    private static async Task SignInAsync(IPage page, HirekitApp app, TestMember member)
    {
        await page.GotoAsync($"{app.BaseUrl}/signin");
        await page.GetByLabel("E-mail").FillAsync(member.Email);
        await page.GetByLabel("Password").FillAsync(HirekitApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");
    }
}
