using System.Net;
using System.Text.RegularExpressions;
using Hirekit.Core.Accounts;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Feedback;

public sealed class FeedbackPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task ARecruiter_DraftsEditsApprovesAndSends_FromThePages()
    {
        var f = await FeedbackScenario.CreateAsync(App);
        var recruiter = await App.AddMemberAsync(f.S.Manager.OrganizationId, Role.Recruiter);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var path = $"/applications/{f.S.ApplicationId}/feedback";

        var empty = await Forms.GetPageAsync(browser, path);
        var drafted = await FormState.Of(empty.QuerySelector("form[action*=Draft]")!).PostAsync(browser, empty.QuerySelector("form[action*=Draft]")!.GetAttribute("action")!);
        var editor = await Forms.GetPageAsync(browser, path);
        var form = editor.QuerySelector("form.feedback-editor")!;
        var sections = editor.QuerySelectorAll("form.feedback-editor fieldset").Length;
        var state = FormState.Of(form).Set("Sections[0].Summary", "You explained retries with real numbers.").Remove("Sections[1].Keep", "true");
        var saved = await state.PostAsync(browser, form.GetAttribute("action")!);
        var afterSave = await Forms.GetPageAsync(browser, path);
        var blank = FormState.Of(afterSave.QuerySelector("form.feedback-editor")!).Set("Sections[0].Summary", "");
        var refused = await Forms.ParseAsync(await blank.PostAsync(browser, afterSave.QuerySelector("form.feedback-editor")!.GetAttribute("action")!));
        var approve = afterSave.QuerySelector("form[action*=Approve]")!;
        await FormState.Of(approve).PostAsync(browser, approve.GetAttribute("action")!);
        var approved = await Forms.GetPageAsync(browser, path);
        var sendForm = approved.QuerySelector("form[action*=Send]")!;
        await FormState.Of(sendForm).PostAsync(browser, sendForm.GetAttribute("action")!);
        var sent = await Forms.GetPageAsync(browser, path);
        var list = await Forms.GetPageAsync(browser, $"/jobs/{f.S.JobId}/feedback");

        Assert.NotNull(empty.QuerySelector("form[action*=Draft]"));
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        Assert.True(sections >= 2, "the coding stage assesses at least two competencies");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(sections - 1, afterSave.QuerySelectorAll("form.feedback-editor fieldset").Length);
        Assert.Contains("You explained retries with real numbers.", afterSave.QuerySelector(".feedback-report")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("edited by a recruiter", afterSave.QuerySelector(".page-head")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Write a summary", refused.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null(approved.QuerySelector("form.feedback-editor"));
        Assert.Equal("Sent", sent.QuerySelector(".page-head .badge")?.TextContent);
        Assert.NotNull(sent.QuerySelector("form[action*=Revoke]"));
        Assert.Contains(await App.MailToAsync(f.S.CandidateEmail), m => Regex.IsMatch(m.Body, @"/r/r_[A-Za-z0-9_-]{43}"));
        Assert.Equal("Sent", list.QuerySelector("table.feedback-list tbody .badge")?.TextContent);
        Assert.NotNull(list.QuerySelector("nav.tabs a[href$='/feedback'][aria-current=page]"));
    }

    [Fact]
    public async Task HiringManagers_AndInterviewers_DoNotReachFeedbackPages_NorSeeTheTab()
    {
        var f = await FeedbackScenario.CreateAsync(App);
        var manager = await App.SignedInBrowserAsync(f.S.Manager);
        var interviewer = await App.SignedInBrowserAsync(f.S.A);
        var job = await Forms.GetPageAsync(manager, $"/jobs/{f.S.JobId}");

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(new Uri($"/applications/{f.S.ApplicationId}/feedback", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(new Uri($"/jobs/{f.S.JobId}/feedback", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await interviewer.GetAsync(new Uri($"/applications/{f.S.ApplicationId}/feedback", UriKind.Relative))).StatusCode);
        Assert.Null(job.QuerySelector("nav.tabs a[href$='/feedback']"));
    }

    [Fact]
    public async Task TheHiringManager_TicksThePlanOff_OnTheOnboardingPage()
    {
        var f = await OnboardingPlanApiTests.AcceptedAsync(App, DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(30));
        var browser = await App.SignedInBrowserAsync(f.S.Manager);
        var path = $"/applications/{f.S.ApplicationId}/onboarding";
        var application = await Forms.GetPageAsync(browser, $"/applications/{f.S.ApplicationId}");

        var page = await Forms.GetPageAsync(browser, path);
        var first = page.QuerySelector(".checklist form")!;
        var ticked = await FormState.Of(first).PostAsync(browser, first.GetAttribute("action")!);
        var after = await Forms.GetPageAsync(browser, path);
        var interviewer = await App.SignedInBrowserAsync(f.S.A);

        Assert.NotNull(application.QuerySelector($"a[href='{path}']"));
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Contains("1 of", after.QuerySelector(".page-head strong")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", after.QuerySelector(".checklist button.check")?.GetAttribute("aria-pressed"));
        Assert.NotEmpty(after.QuerySelectorAll(".checklist li.is-growth"));
        Assert.Equal(HttpStatusCode.Forbidden, (await interviewer.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }
}
