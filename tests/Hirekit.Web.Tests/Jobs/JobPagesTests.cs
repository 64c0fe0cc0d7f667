using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Hirekit.Core.Accounts;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Jobs;

/// <summary>The job pages driven like a browser without JavaScript: load a page, submit its form, follow the redirect.</summary>
public sealed class JobPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["primary-stack"] = "Go 1.23 with PostgreSQL 16",
        ["distributed-or-monolith"] = "distributed",
        ["database-workload"] = "write-heavy",
        ["api-ownership"] = "owns-contract",
        ["deployment-model"] = "kubernetes",
        ["greenfield-or-legacy"] = "legacy",
        ["expected-seniority"] = "system-designer",
    };

    private HirekitApp App => fixture.App;

    [Fact]
    public async Task AHiringManager_CreatesAJobThroughTheIntakeForm()
    {
        var hm = await App.NewOrganizationAsync(Role.HiringManager);
        var browser = await App.SignedInBrowserAsync(hm);

        var response = await SubmitIntakeAsync(browser, "Backend Engineer, Payments", "senior", Answers);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var jobId = Guid.Parse(response.Headers.Location!.OriginalString["/jobs/".Length..]);
        var job = (await App.Get<GetJob>().HandleAsync(hm.Actor, jobId, CancellationToken.None)).Value.Job;
        var loop = (await App.Get<GetJobLoop>().HandleAsync(hm.Actor, jobId, CancellationToken.None)).Value;
        Assert.Equal(("Backend Engineer, Payments", JobStatuses.Draft, Level.Senior), (job.Title, job.Status, job.TargetLevel));
        Assert.Equal(("data-intensive", "written-screen-loop"), (job.Specialisation, job.LoopTemplate));
        Assert.Equal(("Berlin", "DE", "western-europe"), (job.Location.Name, job.Location.Code, job.CompensationRegion));
        Assert.Equal(5, loop.Stages.Count);
        Assert.Equal("Go 1.23 with PostgreSQL 16", job.Description.StackPrimary);

        var overview = await Forms.GetPageAsync(browser, $"/jobs/{jobId}");
        Assert.Contains("Job created as a draft", overview.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Backend Engineer, Payments", overview.QuerySelector("h1")?.TextContent);
        Assert.Contains("Data-intensive backend", overview.QuerySelector("dl.facts")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Write-heavy", overview.QuerySelector("dl.intake-answers")?.TextContent, StringComparison.Ordinal);
        var weights = overview.QuerySelectorAll("table.weights tbody tr td.num").Select(td => int.Parse(td.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(weights.OrderDescending(), weights);
    }

    [Fact]
    public async Task TheIntakeForm_ReportsALevelNote_WhenTheAnswersDescribeAnotherLevel()
    {
        var hm = await App.NewOrganizationAsync(Role.HiringManager);
        var browser = await App.SignedInBrowserAsync(hm);

        var response = await SubmitIntakeAsync(browser, "Backend Engineer", "senior", new(Answers) { ["expected-seniority"] = "feature-developer" });
        var overview = await Forms.GetPageAsync(browser, response.Headers.Location!.OriginalString);

        Assert.Contains("describe a Mid role, but the target level is Senior", overview.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIntakeForm_WithAMissingAnswer_ShowsTheErrorAtThatQuestion_AndKeepsTheOtherAnswers()
    {
        var hm = await App.NewOrganizationAsync(Role.HiringManager);
        var browser = await App.SignedInBrowserAsync(hm);
        var answers = new Dictionary<string, string>(Answers);
        answers.Remove("database-workload");

        var response = await SubmitIntakeAsync(browser, "Kept Title", "senior", answers);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#intake-database-workload .field-error")?.TextContent));
        Assert.Null(page.QuerySelector("#intake-deployment-model .field-error"));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#intake-database-workload']"));
        Assert.Equal("Kept Title", ((IHtmlInputElement)page.QuerySelector("#Form_Title")!).Value);
        Assert.Equal("Go 1.23 with PostgreSQL 16", ((IHtmlInputElement)page.QuerySelector("#intake-primary-stack-input")!).Value);
        Assert.True(((IHtmlInputElement)page.QuerySelector("#intake-distributed-or-monolith-distributed")!).IsChecked);
        Assert.True(((IHtmlInputElement)page.QuerySelector("#level-senior")!).IsChecked);
        Assert.Empty((await App.Get<ListJobs>().HandleAsync(hm.Actor, new ListJobs.Request(null, null, null), CancellationToken.None)).Value.Items);
    }

    [Fact]
    public async Task TheIntakeForm_LoadsTheQuestionsOfAnotherKit_AndKeepsWhatWasTyped()
    {
        var hm = await App.NewOrganizationAsync(Role.HiringManager);
        var tiny = await Kits.KitsApiTests.ImportAsync(App.Api(await App.TokenForAsync(hm)), Kits.KitsApiTests.SmallKitYaml("tiny-kit"));
        var browser = await App.SignedInBrowserAsync(hm);
        var page = await Forms.GetPageAsync(browser, "/jobs/new");
        var form = FormState.Of(page.QuerySelector("form.intake-form")!).Set("Form.Title", "Typed Title").Set("Form.KitId", tiny.ToString());

        var created = await Forms.ParseAsync(await form.PostAsync(browser, "/jobs/new"));
        var loaded = await Forms.ParseAsync(await form.PostAsync(browser, "/jobs/new?handler=Kit"));

        Assert.Contains("The kit changed", created.QuerySelector("p.notice")?.TextContent, StringComparison.Ordinal);
        Assert.Empty((await App.Get<ListJobs>().HandleAsync(hm.Actor, new ListJobs.Request(null, null, null), CancellationToken.None)).Value.Items);
        Assert.NotNull(page.QuerySelector("#intake-primary-stack"));
        Assert.Null(loaded.QuerySelector("#intake-primary-stack"));
        Assert.Contains("Tiny kit", loaded.QuerySelector("#kit-heading + p + .row + p")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Typed Title", ((IHtmlInputElement)loaded.QuerySelector("#Form_Title")!).Value);
        Assert.Equal("/jobs/new", loaded.QuerySelector("form.intake-form")?.GetAttribute("action"));
    }

    [Fact]
    public async Task TheDescriptionPage_ShowsLintOnGet_AndNoneAfterAGoodDescription_WithThePreview()
    {
        var (admin, jobId) = await JobAsync(Role.Admin, "Senior Backend Engineer, Payments");
        var browser = await App.SignedInBrowserAsync(admin);

        var before = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/description");
        var rules = before.QuerySelectorAll("ul.findings li.finding code").Select(c => c.TextContent).ToList();
        var good = JobsApiTests.Description("Senior Backend Engineer, Payments");
        var form = FormState.Of(before.QuerySelector("#description-form")!)
            .Set("Form.About", good.About).Set("Form.StackPrimary", good.StackPrimary).Set("Form.StackDetails", good.StackDetails)
            .Set("Form.Scale", good.Scale).Set("Form.Challenge", good.Challenge).Set("Form.SuccessCriteria", good.SuccessCriteria)
            .Set("Form.Team", good.Team).Set("Form.PayMin", "90000").Set("Form.PayMax", "125000").Set("Form.PayCurrency", "EUR");
        var saved = await form.PostAsync(browser, $"/jobs/{jobId}/description");
        var after = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/description");

        Assert.Contains("missing_success_criteria", rules);
        Assert.Contains("no_scale_figures", rules);
        Assert.NotNull(before.QuerySelector(".preview article.job-ad h3"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("nothing to add", after.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.QuerySelectorAll("li.finding"));
        Assert.NotNull(after.QuerySelector(".lint .lint-clear"));
        var preview = after.QuerySelector(".preview article.job-ad")!;
        Assert.Contains("40 million ledger entries a day", preview.TextContent, StringComparison.Ordinal);
        Assert.Contains("90,000 to 125,000 EUR", preview.TextContent, StringComparison.Ordinal);
        Assert.Contains("Scale today", preview.QuerySelectorAll("h4").Select(h => h.TextContent));
    }

    [Fact]
    public async Task TheDescriptionPage_KeepsTheEnteredValues_WhenAFieldIsRefused_AndFindingsDoNotBlockSaving()
    {
        var (admin, jobId) = await JobAsync(Role.Admin, "Backend Engineer");
        var browser = await App.SignedInBrowserAsync(admin);
        var page = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/description");

        var refused = await FormState.Of(page.QuerySelector("#description-form")!)
            .Set("Form.LocationCode", "Berlin!").Set("Form.Scale", "Lots").Set("Form.PayMin", "90000").Set("Form.PayMax", "").PostAsync(browser, $"/jobs/{jobId}/description");
        var refusedPage = await Forms.ParseAsync(refused);
        var saved = await FormState.Of(page.QuerySelector("#description-form")!).Set("Form.Scale", "Lots of traffic").PostAsync(browser, $"/jobs/{jobId}/description");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("country code", refusedPage.QuerySelector("[data-valmsg-for='Form.LocationCode']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("min <= max", refusedPage.QuerySelector("#pay .field-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Lots", ((IHtmlTextAreaElement)refusedPage.QuerySelector("#Form_Scale")!).Value);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var job = (await App.Get<GetJob>().HandleAsync(admin.Actor, jobId, CancellationToken.None)).Value.Job;
        Assert.Equal("Lots of traffic", job.Description.Scale);
    }

    [Fact]
    public async Task TheStatusButtons_OpenThenCloseTheJob_AndTheCareersPageThenAnswers404()
    {
        var (hm, jobId) = await JobAsync(Role.HiringManager, "Platform Engineer");
        var browser = await App.SignedInBrowserAsync(hm);
        var visitor = App.Browser();

        var draft = await Forms.GetPageAsync(browser, $"/jobs/{jobId}");
        var opened = await Forms.SubmitAsync(browser, draft, $"/jobs/{jobId}?handler=Status", new() { ["status"] = "open" });
        var open = await Forms.GetPageAsync(browser, $"/jobs/{jobId}");
        var careers = open.QuerySelector("a[href^='/careers/']")!.GetAttribute("href")!;
        var publicPage = await visitor.GetAsync(new Uri(careers, UriKind.Relative));
        var closed = await Forms.SubmitAsync(browser, open, $"/jobs/{jobId}?handler=Status", new() { ["status"] = "closed" });
        var afterClose = await Forms.GetPageAsync(browser, $"/jobs/{jobId}");

        Assert.Equal(["Open", "Close"], Buttons(draft));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(["Pause", "Close"], Buttons(open));
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(["Reopen"], Buttons(afterClose));
        Assert.Equal("Closed", afterClose.QuerySelector(".page-head .badge")?.TextContent.Replace("Status: ", "", StringComparison.Ordinal));
        Assert.Null(afterClose.QuerySelector("a[href^='/careers/']"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(careers, UriKind.Relative))).StatusCode);

        static List<string> Buttons(IHtmlDocument page) => page.QuerySelectorAll(".status-actions button").Select(b => b.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task TheLoopPage_SavesAChangedLoop_AndShowsTheCoverageFindings()
    {
        var (hm, jobId) = await JobAsync(Role.HiringManager, "Loop Engineer");
        var browser = await App.SignedInBrowserAsync(hm);
        var before = (await App.Get<GetJobLoop>().HandleAsync(hm.Actor, jobId, CancellationToken.None)).Value;
        Assert.True(before.Context.Job.Weights["data-persistence"] >= 1);

        var page = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/loop");
        var form = FormState.Of(page.QuerySelector("form.loop-form")!);
        foreach (var key in form.Fields.Where(f => f.Key.EndsWith(".Focus", StringComparison.Ordinal) && f.Value == "data-persistence").Select(f => f.Key).ToList())
        {
            form.Remove(key, "data-persistence");
        }

        form.Set("Stages[1].Name", "Deep dive on the written answers").Set("Stages[1].DurationMinutes", "70");
        var saved = await form.PostAsync(browser, $"/jobs/{jobId}/loop");
        var after = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/loop");
        var loop = (await App.Get<GetJobLoop>().HandleAsync(hm.Actor, jobId, CancellationToken.None)).Value;

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before.Stages.Select(s => s.Id), loop.Stages.Select(s => s.Id));
        Assert.DoesNotContain(loop.Stages, s => s.Focus.Contains("data-persistence"));
        Assert.Equal(("Deep dive on the written answers", 70), (loop.Stages[1].Name, loop.Stages[1].DurationMinutes));
        Assert.Contains(after.QuerySelectorAll(".coverage li.finding"), li => li.TextContent.Contains("uncovered_competency", StringComparison.Ordinal) && li.TextContent.Contains("Data Persistence Architecture", StringComparison.Ordinal));
        Assert.Contains("finding", after.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(JobDisplayDuration(loop.Coverage.LiveMinutes), after.QuerySelector(".coverage-figures")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector(".written-note"));
    }

    [Fact]
    public async Task TheLoopPage_AddsMovesAndRemovesStagesWithoutSaving_UntilSaveLoop()
    {
        var (admin, jobId) = await JobAsync(Role.Admin, "Stage Engineer");
        var browser = await App.SignedInBrowserAsync(admin);
        var page = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/loop");
        var names = Names(page);

        var added = await Forms.ParseAsync(await FormState.Of(page.QuerySelector("form.loop-form")!).Set("NewStageKind", "behavioural").PostAsync(browser, $"/jobs/{jobId}/loop?handler=Add"));
        var moved = await Forms.ParseAsync(await FormState.Of(added.QuerySelector("form.loop-form")!).PostAsync(browser, $"/jobs/{jobId}/loop?handler=Move&index={names.Count}&by=-1"));
        var removed = await Forms.ParseAsync(await FormState.Of(moved.QuerySelector("form.loop-form")!).PostAsync(browser, $"/jobs/{jobId}/loop?handler=Remove&index=0"));
        var stored = (await App.Get<GetJobLoop>().HandleAsync(admin.Actor, jobId, CancellationToken.None)).Value.Stages;
        var saved = await FormState.Of(removed.QuerySelector("form.loop-form")!).PostAsync(browser, $"/jobs/{jobId}/loop");
        var after = (await App.Get<GetJobLoop>().HandleAsync(admin.Actor, jobId, CancellationToken.None)).Value.Stages;

        Assert.Equal([.. names, "Behavioural interview"], Names(added));
        Assert.NotNull(added.QuerySelector(".unsaved"));
        Assert.Contains("unsaved", added.QuerySelector("#coverage-heading")?.TextContent, StringComparison.Ordinal);
        Assert.Equal([.. names[..^1], "Behavioural interview", names[^1]], Names(moved));
        Assert.Equal([.. names[1..^1], "Behavioural interview", names[^1]], Names(removed));
        Assert.Equal(names, stored.Select(s => s.Name));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Names(removed), after.Select(s => s.Name));
        Assert.Equal($"/jobs/{jobId}/loop", removed.QuerySelector("form.loop-form")?.GetAttribute("action")); // Save never repeats the last edit

        static List<string> Names(IHtmlDocument page) => page.QuerySelectorAll("form.loop-form input[name$='.Name']").Select(i => ((IHtmlInputElement)i).Value).ToList();
    }

    [Fact]
    public async Task TheLoopPage_ShowsAStageError_AtThatStage()
    {
        var (admin, jobId) = await JobAsync(Role.Admin, "Error Engineer");
        var browser = await App.SignedInBrowserAsync(admin);
        var page = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/loop");

        var response = await FormState.Of(page.QuerySelector("form.loop-form")!).Set("Stages[2].DurationMinutes", "1").Set("Stages[2].Name", "").PostAsync(browser, $"/jobs/{jobId}/loop");
        var shown = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("duration must be 5 to 480 minutes", shown.QuerySelector("#stage-2 .stage-errors")?.TextContent, StringComparison.Ordinal);
        Assert.Null(shown.QuerySelector("#stage-1 .stage-errors"));
        Assert.Equal("1", ((IHtmlInputElement)shown.QuerySelector("#stage-2-duration")!).Value);
    }

    [Fact]
    public async Task TheTeamPage_AddsAnInterviewer_WhoThenSeesTheJobInTheList()
    {
        var (hm, jobId) = await JobAsync(Role.HiringManager, "Team Engineer");
        var interviewer = await App.AddMemberAsync(hm.OrganizationId, Role.Interviewer, "Ines Interviewer");
        var hmBrowser = await App.SignedInBrowserAsync(hm);
        var interviewerBrowser = await App.SignedInBrowserAsync(interviewer);
        var listBefore = await Forms.GetPageAsync(interviewerBrowser, "/jobs");

        var page = await Forms.GetPageAsync(hmBrowser, $"/jobs/{jobId}/team");
        var form = FormState.Of(page.QuerySelector("main form")!).Add("Form.Interviewers", interviewer.UserId.ToString());
        var saved = await form.PostAsync(hmBrowser, $"/jobs/{jobId}/team");
        var team = await Forms.GetPageAsync(hmBrowser, $"/jobs/{jobId}/team");
        var listAfter = await Forms.GetPageAsync(interviewerBrowser, "/jobs");

        Assert.DoesNotContain("Team Engineer", listBefore.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = team.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelectorAll("td")[1].TextContent)).ToList();
        Assert.Contains(("Ines Interviewer", "Interviewer"), rows);
        Assert.Contains((hm.DisplayName, "Hiring manager"), rows);
        Assert.Equal(["Team Engineer"], listAfter.QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task AnInterviewerOnTheTeam_SeesReadOnlyPages_AndGets403WhenPosting()
    {
        var (admin, jobId) = await JobAsync(Role.Admin, "Read Only Engineer");
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        await App.Get<SaveJobTeam>().HandleAsync(admin.Actor, jobId, new SaveJobTeam.Request([admin.UserId], [], [interviewer.UserId]), CancellationToken.None);
        var browser = await App.SignedInBrowserAsync(interviewer);

        var overview = await Forms.GetPageAsync(browser, $"/jobs/{jobId}");
        var description = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/description");
        var loop = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/loop");
        var team = await Forms.GetPageAsync(browser, $"/jobs/{jobId}/team");
        var list = await Forms.GetPageAsync(browser, "/jobs");
        var posts = new[]
        {
            await Forms.SubmitAsync(browser, overview, $"/jobs/{jobId}?handler=Status", new() { ["status"] = "open" }),
            await Forms.SubmitAsync(browser, overview, $"/jobs/{jobId}/description", new() { ["Form.Title"] = "Hijacked", ["Form.Location"] = "Nowhere", ["Form.EmploymentType"] = "FULL_TIME" }),
            await Forms.SubmitAsync(browser, overview, $"/jobs/{jobId}/loop", new() { ["Stages[0].Kind"] = "technical", ["Stages[0].Name"] = "Mine", ["Stages[0].DurationMinutes"] = "30" }),
            await Forms.SubmitAsync(browser, overview, $"/jobs/{jobId}/loop?handler=Add", new() { ["NewStageKind"] = "technical" }),
            await Forms.SubmitAsync(browser, overview, $"/jobs/{jobId}/team", new() { ["Form.Interviewers"] = interviewer.UserId.ToString() }),
        };

        Assert.Empty(overview.QuerySelectorAll("main form"));
        Assert.Null(description.QuerySelector("main form"));
        Assert.Contains("Read Only Engineer", description.QuerySelector("article.job-ad")?.TextContent, StringComparison.Ordinal);
        Assert.Null(loop.QuerySelector("main form"));
        Assert.NotEmpty(loop.QuerySelectorAll("ol.stages-read li.stage"));
        Assert.NotNull(loop.QuerySelector(".coverage"));
        Assert.Null(team.QuerySelector("main form"));
        Assert.NotEmpty(team.QuerySelectorAll("tbody tr"));
        Assert.Null(list.QuerySelector("a[href='/jobs/new']"));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Forbidden, p.StatusCode));
        Assert.Equal("You do not have access", (await Forms.ParseAsync(posts[0])).QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(new Uri("/jobs/new", UriKind.Relative))).StatusCode);
        Assert.Equal("Read Only Engineer", (await App.Get<GetJob>().HandleAsync(admin.Actor, jobId, CancellationToken.None)).Value.Job.Title);
    }

    [Fact]
    public async Task AHiringManagerOfJobA_GetsNotFoundOnTheJobBPages()
    {
        var admin = await App.NewOrganizationAsync();
        var hmA = await App.AddMemberAsync(admin.OrganizationId, Role.HiringManager);
        var hmB = await App.AddMemberAsync(admin.OrganizationId, Role.HiringManager);
        var jobB = await CreateAsync(hmB, "Job B");
        var otherOrg = await App.NewOrganizationAsync();
        var foreign = await CreateAsync(otherOrg, "Foreign job");
        var browser = await App.SignedInBrowserAsync(hmA);
        var dashboard = await Forms.GetPageAsync(browser, "/");

        var answers = new List<HttpResponseMessage>();
        foreach (var id in new[] { jobB, foreign })
        {
            foreach (var path in new[] { "", "/description", "/loop", "/team" })
            {
                answers.Add(await browser.GetAsync(new Uri($"/jobs/{id}{path}", UriKind.Relative)));
            }

            answers.Add(await Forms.SubmitAsync(browser, dashboard, $"/jobs/{id}?handler=Status", new() { ["status"] = "open" }));
            answers.Add(await Forms.SubmitAsync(browser, dashboard, $"/jobs/{id}/team", new() { ["Form.HiringManagers"] = hmA.UserId.ToString() }));
            answers.Add(await Forms.SubmitAsync(browser, dashboard, $"/jobs/{id}/loop?handler=Remove&index=0", []));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Equal("Page not found", (await Forms.ParseAsync(answers[0])).QuerySelector("h1")?.TextContent);
        Assert.Equal(JobStatuses.Draft, (await App.Get<GetJob>().HandleAsync(hmB.Actor, jobB, CancellationToken.None)).Value.Job.Status);
    }

    [Fact]
    public async Task TheJobsList_ShowsOnlyTheJobsTheMemberMaySee_FiltersByStatus_AndPagesOlder()
    {
        var admin = await App.NewOrganizationAsync();
        var hmA = await App.AddMemberAsync(admin.OrganizationId, Role.HiringManager);
        var hmB = await App.AddMemberAsync(admin.OrganizationId, Role.HiringManager);
        var jobA = await CreateAsync(hmA, "Alpha job");
        await CreateAsync(hmB, "Beta job");
        await App.Get<ChangeJobStatus>().HandleAsync(hmA.Actor, jobA, JobStatuses.Open, CancellationToken.None);

        var adminList = await Titles(await App.SignedInBrowserAsync(admin), "/jobs");
        var hmBrowser = await App.SignedInBrowserAsync(hmA);
        var hmPage = await Forms.GetPageAsync(hmBrowser, "/jobs");
        var openOnly = await Titles(await App.SignedInBrowserAsync(admin), "/jobs?status=open");
        var draftsOfA = await Titles(hmBrowser, "/jobs?status=draft");

        Assert.Equal(["Beta job", "Alpha job"], adminList);
        Assert.Equal(["Alpha job"], hmPage.QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent));
        Assert.Equal("Open", hmPage.QuerySelector("tbody .badge")?.TextContent);
        Assert.NotNull(hmPage.QuerySelector("a.button[href='/jobs/new']"));
        Assert.Equal(["Alpha job"], openOnly);
        Assert.Empty(draftsOfA);

        for (var i = 0; i < Hirekit.Web.Pages.Jobs.IndexModel.PageSize; i++)
        {
            await CreateAsync(hmA, $"Bulk {i:00}");
        }

        var first = await Forms.GetPageAsync(hmBrowser, "/jobs");
        var older = first.QuerySelector("nav.pager a:last-child")!;
        var second = await Titles(hmBrowser, older.GetAttribute("href")!);
        Assert.Equal("Older", older.TextContent);
        Assert.Equal(Hirekit.Web.Pages.Jobs.IndexModel.PageSize, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["Alpha job"], second);
    }

    [Fact]
    public async Task TheNavigation_OffersJobsToEveryRole()
    {
        var admin = await App.NewOrganizationAsync();
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);

        var page = await Forms.GetPageAsync(await App.SignedInBrowserAsync(interviewer), "/jobs");

        Assert.NotNull(page.QuerySelector(".nav-wide a[href='/jobs'][aria-current='page']"));
        Assert.Equal("No jobs yet.", page.QuerySelector("p.empty")?.TextContent.Trim());
    }

    private static string JobDisplayDuration(int minutes) => Hirekit.Web.Pages.Jobs.JobDisplay.Duration(minutes);

    private async Task<List<string>> Titles(HttpClient browser, string url) =>
        (await Forms.GetPageAsync(browser, url)).QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent).ToList();

    /// <summary>A new organisation with a member of <paramref name="role"/> who created a job.</summary>
    private async Task<(TestMember Member, Guid JobId)> JobAsync(Role role, string title)
    {
        var member = await App.NewOrganizationAsync(role);
        return (member, await CreateAsync(member, title));
    }

    private async Task<Guid> CreateAsync(TestMember member, string title)
    {
        var api = App.Api(await App.TokenForAsync(member));
        return (await JobsApiTests.CreateJobAsync(api, title, "senior")).GetProperty("job").GetProperty("id").GetGuid();
    }

    /// <summary>Loads /jobs/new and submits the intake form with the kit it shows.</summary>
    private static async Task<HttpResponseMessage> SubmitIntakeAsync(HttpClient browser, string title, string level, Dictionary<string, string> answers)
    {
        var page = await Forms.GetPageAsync(browser, "/jobs/new");
        var form = FormState.Of(page.QuerySelector("form.intake-form")!)
            .Set("Form.Title", title).Set("Form.Location", "Berlin").Set("Form.LocationCode", "DE")
            .Set("Form.EmploymentType", "FULL_TIME").Set("Form.CompensationRegion", "western-europe").Add("Form.TargetLevel", level);
        foreach (var (question, answer) in answers)
        {
            form.Set($"Form.Intake[{question}]", answer);
        }

        return await form.PostAsync(browser, "/jobs/new");
    }
}
