using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Microsoft.Playwright;

namespace Hirekit.Browser.Tests;

public sealed class CandidateJourneyTests
{
    private const string Resume = """
        Backend engineer, eight years.
        Ran PostgreSQL and MongoDB clusters in production for a payments company.
        Designed REST APIs used by 40 partner banks.
        """;

    [Fact]
    public async Task Recruiter_AddsACandidate_MovesThemOnTheBoard_ScreensTheResume_AndRejects()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var recruiter = await app.NewOrganizationAsync(Role.Recruiter);
        var jobTitle = await OpenJobAsync(app, recruiter, "Backend Engineer, Payments");
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await SignInAsync(page, app, recruiter);

        await page.Locator(".nav-wide").GetByRole(AriaRole.Link, new() { Name = "Candidates" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Candidates", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No candidates yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add candidate" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Amara Okafor");
        await page.GetByLabel("E-mail").FillAsync("amara@example.test");
        await page.GetByLabel("Links", new() { Exact = false }).FillAsync("https://github.com/amara");
        await page.GetByLabel("Source", new() { Exact = false }).FillAsync("referral");
        await page.GetByLabel("Resume", new() { Exact = false }).SetInputFilesAsync(new FilePayload { Name = "amara.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Resume) });
        await page.GetByLabel("Add to a job", new() { Exact = false }).SelectOptionAsync(new SelectOptionValue { Label = jobTitle });
        await browser.ScreenshotAsync("20-add-candidate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amara Okafor", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The resume is attached");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the resume" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("21-candidate-profile");
        await page.Locator("table.applications").GetByRole(AriaRole.Link, new() { Name = jobTitle }).ClickAsync();
        await page.Locator(".facts").GetByRole(AriaRole.Link, new() { Name = jobTitle }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Pipeline");
        var columns = page.Locator(".board-column");
        await Assertions.Expect(columns.Nth(0).Locator("[data-count]")).ToHaveTextAsync("1");
        var firstStage = (await columns.Nth(1).Locator(".column-name").TextContentAsync())!;
        var secondStage = (await columns.Nth(2).Locator(".column-name").TextContentAsync())!;
        await browser.ScreenshotAsync("22-board");

        // With the script on, the column form works too: tick the card, pick the stage, Move.
        await page.GetByLabel("Select Amara Okafor").CheckAsync();
        await columns.Nth(0).GetByLabel("Move selected to").SelectOptionAsync(new SelectOptionValue { Label = firstStage });
        await columns.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Moved 1.");
        await Assertions.Expect(columns.Nth(1).Locator(".board-card")).ToHaveCountAsync(1);
        await Assertions.Expect(columns.Nth(0).Locator("[data-count]")).ToHaveTextAsync("0");

        // Drag and drop: the same move through fetch, counts updated in place.
        await columns.Nth(1).Locator(".board-card").DragToAsync(columns.Nth(2));
        await Assertions.Expect(page.Locator("#board-status")).ToHaveTextAsync($"Moved Amara Okafor to {secondStage}.");
        await Assertions.Expect(columns.Nth(2).Locator(".board-card")).ToHaveCountAsync(1);
        await Assertions.Expect(columns.Nth(1).Locator("[data-count]")).ToHaveTextAsync("0");
        await Assertions.Expect(columns.Nth(2).Locator("[data-count]")).ToHaveTextAsync("1");
        await browser.ScreenshotAsync("23-board-after-drag");
        await page.ReloadAsync();
        await Assertions.Expect(columns.Nth(2).Locator(".board-card")).ToHaveCountAsync(1);

        await columns.Nth(2).GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resume screen" })).ToBeVisibleAsync();
        var hinted = page.Locator("fieldset.flags.green .flag:has(mark)").First;
        await Assertions.Expect(hinted).ToBeVisibleAsync();
        await hinted.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByLabel("Your reasoning", new() { Exact = false }).FillAsync("Real production database work.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the screen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Saved the resume screen.");
        await Assertions.Expect(page.Locator(".screen-saved")).ToContainTextAsync("1 of 9 signals present");
        await browser.ScreenshotAsync("24-application");

        var reject = page.Locator("form.reject-form");
        await reject.GetByLabel("Reason", new() { Exact = true }).SelectOptionAsync("skills_gap");
        await reject.GetByLabel("Note", new() { Exact = false }).FillAsync("Strong on data, but the role needs Go today.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stage-now")).ToHaveTextAsync("Rejected");
        await Assertions.Expect(page.Locator(".history li").First).ToContainTextAsync("Reason: Skills do not match the role");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("25-rejected");
    }

    [Fact]
    public async Task Recruiter_WithoutJavaScript_MovesTwoCandidatesAtOnceWithTheColumnForm()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var recruiter = await app.NewOrganizationAsync(Role.Recruiter);
        using var api = await ApiAsync(app, recruiter);
        await OpenJobAsync(app, recruiter, "Platform Engineer, no script");
        var jobId = (await api.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var name in new[] { "Ines Noscript", "Jon Noscript", "Kai Stays" })
        {
            var id = await ApiSeed.CreateCandidateAsync(api, name);
            await ApiSeed.ApplyAsync(api, id, jobId);
        }

        await using var browser = await BrowserSession.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, app, recruiter);
        await page.GotoAsync($"{app.BaseUrl}/jobs/{jobId}/pipeline");
        var columns = page.Locator(".board-column");
        var offer = page.Locator(".board-column.stage-offer");

        await Assertions.Expect(columns.Nth(0).Locator(".board-card")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".board-card[draggable]")).ToHaveCountAsync(0); // the script did not run
        await page.GetByLabel("Select Ines Noscript").CheckAsync();
        await page.GetByLabel("Select Jon Noscript").CheckAsync();
        await columns.Nth(0).GetByLabel("Move selected to").SelectOptionAsync(new SelectOptionValue { Label = "Offer" });
        await columns.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Moved 2.");
        await Assertions.Expect(offer.Locator(".board-card")).ToHaveCountAsync(2);
        await Assertions.Expect(offer.Locator("[data-count]")).ToHaveTextAsync("2");
        await Assertions.Expect(columns.Nth(0).Locator(".board-card")).ToHaveCountAsync(1);
        await Assertions.Expect(columns.Nth(0).Locator(".card-name")).ToHaveTextAsync("Kai Stays");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "28-board-bulk-move-no-script.png"), FullPage = true });
    }

    [Fact]
    public async Task CandidateListAndBoard_OnAPhone_DoNotScrollSideways()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var recruiter = await app.NewOrganizationAsync(Role.Recruiter);
        var api = await ApiAsync(app, recruiter);
        var jobTitle = await OpenJobAsync(app, recruiter, "Site Reliability Engineer with a long title that wraps");
        var jobId = (await api.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var (name, email) in new[] { ("Bartholomew Featherstonehaugh-Worthington", "bartholomew.featherstonehaugh-worthington@a-very-long-domain.example.test"), ("Li Na", "li@example.test") })
        {
            var candidate = await api.PostAsJsonAsync("/api/v1/candidates", new { name, email, source = "referral" });
            var id = (await candidate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await api.PostAsJsonAsync("/api/v1/applications", new { candidateId = id, jobId })).EnsureSuccessStatusCode();
        }

        await using var browser = await BrowserSession.StartAsync(width: 390, height: 844);
        var page = browser.Page;
        await SignInAsync(page, app, recruiter);

        foreach (var (path, shot) in new[] { ("/candidates", "26-candidates-phone"), ($"/jobs/{jobId}/pipeline", "27-board-phone") })
        {
            await page.GotoAsync($"{app.BaseUrl}{path}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var overflows = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, $"{shot}.png"), FullPage = true });
            Assert.False(overflows, $"{path} scrolls sideways on a phone");
        }

        await Assertions.Expect(page.Locator(".board-card")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByText(jobTitle).First).ToBeVisibleAsync();
    }

    private static async Task<HttpClient> ApiAsync(HirekitApp app, TestMember member)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(member));
        return client;
    }

    /// <summary>Creates, describes and opens a job through the API; returns its title.</summary>
    private static async Task<string> OpenJobAsync(HirekitApp app, TestMember member, string title)
    {
        using var api = await ApiAsync(app, member);
        var id = (await ApiSeed.CreateJobAsync(api, title, "senior")).GetProperty("job").GetProperty("id").GetGuid();
        var described = await api.PutAsJsonAsync($"/api/v1/jobs/{id}/description", new
        {
            title,
            location = "Berlin",
            locationCode = "DE",
            remote = false,
            employmentType = "FULL_TIME",
            compensationRegion = "western-europe",
            about = "We build the payments ledger for 3,000 merchants.",
            stackPrimary = "Go 1.23, PostgreSQL 16",
            stackDetails = "Kafka for events, Redis for idempotency keys.",
            scale = "40 million ledger entries a day, 2,500 requests per second at peak.",
            challenge = "Split the ledger write path from reporting.",
            successCriteria = "By month 6 the write path serves p99 under 50 ms.",
            team = "Five backend engineers and an SRE.",
            pay = new { min = 90_000, max = 125_000, currency = "EUR" },
        });
        Assert.True(described.IsSuccessStatusCode, await described.Content.ReadAsStringAsync());
        var opened = await api.PostAsJsonAsync($"/api/v1/jobs/{id}/status", new { status = "open" });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        return title;
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
