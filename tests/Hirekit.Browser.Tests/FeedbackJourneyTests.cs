using System.Text.RegularExpressions;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Microsoft.Playwright;

namespace Hirekit.Browser.Tests;

public sealed class FeedbackJourneyTests
{
    [Fact]
    public async Task ARecruiter_ApprovesAndSendsTheReport_AndTheCandidateReadsItOnAPhoneAndInPrint()
    {
        await using var app = await HirekitApp.StartListeningAsync();
        var f = await FeedbackScenario.CreateAsync(app);
        var recruiter = await app.AddMemberAsync(f.S.Manager.OrganizationId, Role.Recruiter, "Rita Recruiter");
        await using (var staff = await BrowserSession.StartAsync())
        {
            var page = staff.Page;
            await page.GotoAsync($"{app.BaseUrl}/signin");
            await page.GetByLabel("E-mail").FillAsync(recruiter.Email);
            await page.GetByLabel("Password").FillAsync(HirekitApp.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welcome");

            await page.GotoAsync($"{app.BaseUrl}/applications/{f.S.ApplicationId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Feedback report" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Draft the report" }).ClickAsync();
            await Assertions.Expect(page.Locator(".page-head .badge")).ToHaveTextAsync("Draft");
            await page.GetByLabel("Introduction").FillAsync("Thank you for the conversations. Here is what we saw, in plain words.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Assertions.Expect(page.Locator(".feedback-report .lead")).ToHaveTextAsync("Thank you for the conversations. Here is what we saw, in plain words.");
            await staff.ScreenshotAsync("50-feedback-editor");
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve as shown" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send to the candidate" }).ClickAsync();
            await Assertions.Expect(page.Locator(".page-head .badge")).ToHaveTextAsync("Sent");
        }

        var mail = (await app.MailToAsync(f.S.CandidateEmail)).Last(m => m.Subject.Contains("feedback", StringComparison.OrdinalIgnoreCase));
        var link = app.BaseUrl + new Uri(Regex.Match(mail.Body, @"https?://\S+/r/\S+").Value).PathAndQuery; // the mailed host is the configured public URL
        await using var phone = await BrowserSession.StartAsync(390, 844);
        var candidate = phone.Page;
        await candidate.GotoAsync(link);
        await Assertions.Expect(candidate.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Interview feedback for Casey Candidate");
        await Assertions.Expect(candidate.Locator(".feedback-report .lead")).ToContainTextAsync("in plain words");
        Assert.True(await candidate.Locator(".feedback-section").CountAsync() >= 2);
        Assert.False(await candidate.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "no sideways scrolling on a phone");
        await phone.ScreenshotAsync("51-feedback-candidate-phone");
        var download = await candidate.RunAndWaitForDownloadAsync(() => candidate.GetByRole(AriaRole.Link, new() { Name = "Download as PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);

        await candidate.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await candidate.GetByRole(AriaRole.Link, new() { Name = "Download as PDF" }).IsVisibleAsync(), "the print has no buttons");
        Assert.False(await candidate.Locator(".site-header").IsVisibleAsync());
        Assert.True(await candidate.Locator(".feedback-section").First.IsVisibleAsync());
        await phone.ScreenshotAsync("52-feedback-candidate-print");
    }
}
