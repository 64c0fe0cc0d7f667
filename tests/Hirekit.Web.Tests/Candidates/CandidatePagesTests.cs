using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Dom;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Hirekit.Web.Tests.Jobs;
using Xunit.Abstractions;
using static Hirekit.Web.Tests.Candidates.CandidatesApiTests;
using static Hirekit.Web.Tests.Candidates.PageForms;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.Candidates;

public sealed class CandidatePagesTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task List_FiltersByJobAndStage_SortsByName_AndPagesWithTheFiltersKept()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var job = await JobIdAsync(api, "Paged job");
        var other = await JobIdAsync(api, "Other job");
        await BulkSeed.CandidatesAsync(App.Database, recruiter.OrganizationId, 30, job, "Paged");
        await BulkSeed.CandidatesAsync(App.Database, recruiter.OrganizationId, 3, other, "Elsewhere");
        var browser = await App.SignedInBrowserAsync(recruiter);

        var first = await Forms.GetPageAsync(browser, $"/candidates?job={job}&stage=applied&sort=name");
        var next = first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        var second = await Forms.GetPageAsync(browser, next!);
        var firstNames = Names(first);
        var secondNames = Names(second);

        Assert.Equal(25, firstNames.Count);
        Assert.Equal(5, secondNames.Count);
        Assert.All(firstNames.Concat(secondNames), n => Assert.StartsWith("Paged Person", n, StringComparison.Ordinal));
        Assert.Equal(firstNames.Concat(secondNames).Order(StringComparer.OrdinalIgnoreCase), firstNames.Concat(secondNames));
        Assert.Contains($"job={job}", next, StringComparison.Ordinal);
        Assert.Contains("stage=applied", next, StringComparison.Ordinal);
        Assert.Contains("sort=name", next, StringComparison.Ordinal);
        Assert.Contains("after=", next, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector(".pager a:not([rel])"));
        var firstPage = second.QuerySelectorAll(".pager a").Single(a => a.TextContent == "First page").GetAttribute("href");
        Assert.Equal($"/candidates?job={job}&stage=applied&sort=name", firstPage);
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        Assert.Equal(job.ToString(), (first.QuerySelector("select#job") as IHtmlSelectElement)?.Value);
        Assert.Equal("name", (first.QuerySelector("select#sort") as IHtmlSelectElement)?.Value);
    }

    [Fact]
    public async Task List_SearchesResumeTextAndFiltersBySource_AndSaysWhenNothingMatches()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        await api.PostAsJsonAsync("/api/v1/candidates", new { name = "Oskar Lindqvist", email = "oskar@fjord.test", source = "referral", resumeText = "Ran Kafka clusters for a ticketing platform." });
        await api.PostAsJsonAsync("/api/v1/candidates", new { name = "Priya Raman", email = "priya@example.test", resumeText = "Payments in Go." });
        var browser = await App.SignedInBrowserAsync(recruiter);

        var kafka = await Forms.GetPageAsync(browser, "/candidates?q=kafka");
        var referral = await Forms.GetPageAsync(browser, "/candidates?source=referral");
        var none = await Forms.GetPageAsync(browser, "/candidates?q=cobol");
        var all = await Forms.GetPageAsync(browser, "/candidates");

        Assert.Equal(["Oskar Lindqvist"], Names(kafka));
        Assert.Equal("kafka", (kafka.QuerySelector("input#q") as IHtmlInputElement)?.Value);
        Assert.Contains("name or e-mail matches first", kafka.QuerySelector(".search-order")?.TextContent, StringComparison.Ordinal);
        Assert.Null(all.QuerySelector(".search-order"));
        Assert.Equal(["Oskar Lindqvist"], Names(referral));
        Assert.Contains("No candidates match", none.QuerySelector(".empty-state")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Priya Raman", "Oskar Lindqvist"], Names(all));
        Assert.Contains("Referral", all.QuerySelector("tbody tr:last-child")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(all.QuerySelector("a[href='/candidates/new']"));
        Assert.NotNull(all.QuerySelector("a[href='/candidates/export.csv']"));
    }

    [Fact]
    public async Task List_WithBadFilters_ShowsErrorsInsteadOfFailing()
    {
        var browser = await App.SignedInBrowserAsync(await App.NewOrganizationAsync(Role.Recruiter));

        var response = await browser.GetAsync(new Uri("/candidates?stage=nowhere&sort=sideways&job=not-a-job", UriKind.Relative));
        var badCursor = await browser.GetAsync(new Uri("/candidates?after=garbage!!", UriKind.Relative));
        var page = await Forms.ParseAsync(response);
        var cursorPage = await Forms.ParseAsync(badCursor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, page.QuerySelectorAll(".error-summary li a").Length);
        Assert.Equal("#stage", page.QuerySelectorAll(".error-summary li a").Select(a => a.GetAttribute("href")).Single(h => h == "#stage"));
        Assert.Equal(HttpStatusCode.OK, badCursor.StatusCode);
        Assert.Contains("out of date", cursorPage.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_CostsTheSameQueriesWithFiveAndWithSixtyCandidates()
    {
        var small = await App.NewOrganizationAsync(Role.Recruiter);
        var large = await App.NewOrganizationAsync(Role.Recruiter);
        var smallJob = await JobIdAsync(App.Api(await App.TokenForAsync(small)), "Small list job");
        var largeJob = await JobIdAsync(App.Api(await App.TokenForAsync(large)), "Large list job");
        await BulkSeed.CandidatesAsync(App.Database, small.OrganizationId, 5, smallJob, "Few");
        await BulkSeed.CandidatesAsync(App.Database, large.OrganizationId, 60, largeJob, "Many");
        var smallBrowser = await App.SignedInBrowserAsync(small);
        var largeBrowser = await App.SignedInBrowserAsync(large);

        foreach (var query in new[] { "", "?sort=name", "?q=postgresql", "?stage=applied&sort=name" })
        {
            await smallBrowser.GetAsync(new Uri("/candidates" + query, UriKind.Relative));
            var few = Queries(await smallBrowser.GetAsync(new Uri("/candidates" + query, UriKind.Relative)));
            var many = await largeBrowser.GetAsync(new Uri("/candidates" + query, UriKind.Relative));
            var manyRows = (await Forms.ParseAsync(many)).QuerySelectorAll("table.candidate-list tbody tr").Length;
            output.WriteLine($"Candidate list{(query.Length == 0 ? "" : " " + query)}: {few} queries with 5 candidates, {Queries(many)} with 60 ({manyRows} rows shown)");
            Assert.Equal(few, Queries(many));
            Assert.Equal(25, manyRows);
            Assert.InRange(few, 1, 8);
        }
    }

    [Fact]
    public async Task AnInterviewer_ListsOnlyCandidatesOfTheirJobs_AndCannotAddOrExport()
    {
        var admin = await App.NewOrganizationAsync();
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        var api = App.Api(await App.TokenForAsync(admin));
        var jobA = await JobIdAsync(api, "Job A");
        var jobB = await JobIdAsync(api, "Job B");
        await CandidateWithApplicationAsync(api, "Ada On-A", jobA);
        var onB = await CandidateWithApplicationAsync(api, "Bo On-B", jobB);
        await api.PutAsJsonAsync($"/api/v1/jobs/{jobA}/team", new { interviewers = new[] { interviewer.UserId } });
        var browser = await App.SignedInBrowserAsync(interviewer);

        var list = await Forms.GetPageAsync(browser, "/candidates");
        var filtered = await Forms.GetPageAsync(browser, $"/candidates?job={jobB}");

        Assert.Equal(["Ada On-A"], Names(list));
        Assert.Empty(Names(filtered));
        Assert.Equal(["", jobA.ToString()], list.QuerySelectorAll("select#job option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(list.QuerySelector(".nav-wide a[href='/candidates'][aria-current=page]"));
        Assert.Null(list.QuerySelector("a[href='/candidates/new']"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/candidates/{onB.Candidate}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/applications/{onB.Application}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/jobs/{jobB}/pipeline", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(new Uri("/candidates/new", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(new Uri("/candidates/import", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(new Uri("/candidates/export.csv", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Create_WithAResumeAndAJob_ShowsTheProfileWithTheApplicationAndADownloadableResume()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var job = await OpenJobAsync(api, "Platform Engineer");
        var browser = await App.SignedInBrowserAsync(recruiter);
        var form = await Forms.GetPageAsync(browser, "/candidates/new");

        var created = await UploadAsync(browser, form, "/candidates/new", "form.candidate-form", "Resume", "mira.docx", Docx("Mira builds gRPC services in Rust."), new()
        {
            ["Form.Name"] = "Mira Docx",
            ["Form.Email"] = "mira@example.test",
            ["Form.Links"] = "https://github.com/mira\r\nhttps://mira.example",
            ["Form.Source"] = "referral",
            ["Form.JobId"] = job.ToString(),
        });
        var profilePath = Location(created);
        var profile = await Forms.GetPageAsync(browser, profilePath);
        var download = await browser.GetAsync(new Uri(profile.QuerySelector("a[href$='handler=Resume']")!.GetAttribute("href")!, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("Mira Docx", profile.QuerySelector("h1")?.TextContent);
        Assert.Contains("resume is attached", profile.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["https://github.com/mira", "https://mira.example"], profile.QuerySelectorAll(".link-list a").Select(a => a.TextContent));
        var row = profile.QuerySelector("table.applications tbody tr")!;
        Assert.Equal("Platform Engineer", row.QuerySelector("th a")?.TextContent);
        Assert.StartsWith("/applications/", row.QuerySelector("th a")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Applied", row.QuerySelector("td")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rust", profile.QuerySelector(".resume-text pre")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Docx("Mira builds gRPC services in Rust."), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Create_WithATakenEmail_KeepsTheFormAndLinksToTheExistingCandidate()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var existing = await CreateCandidateAsync(App.Api(await App.TokenForAsync(recruiter)), "Lin Wu", "lin@example.test");
        var browser = await App.SignedInBrowserAsync(recruiter);

        var response = await SubmitAsync(browser, await Forms.GetPageAsync(browser, "/candidates/new"), "/candidates/new", "form.candidate-form", new()
        {
            ["Form.Name"] = "Lin W.",
            ["Form.Email"] = "LIN@example.test",
            ["Form.Phone"] = "+49 30 1234",
        });
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/candidates/{existing}", page.QuerySelector(".duplicate-link a")?.GetAttribute("href"));
        Assert.Equal("#Form_Email", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Contains("already exists", page.QuerySelector("[data-valmsg-for='Form.Email']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Lin W.", (page.QuerySelector("#Form_Name") as IHtmlInputElement)?.Value);
        Assert.Equal("+49 30 1234", (page.QuerySelector("#Form_Phone") as IHtmlInputElement)?.Value);
    }

    [Fact]
    public async Task Create_WithAFileThatLiesAboutItsType_IsRefused_AndCreatesNobody()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var form = await Forms.GetPageAsync(browser, "/candidates/new");

        var response = await UploadAsync(browser, form, "/candidates/new", "form.candidate-form", "Resume", "cv.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], new()
        {
            ["Form.Name"] = "Exe Cutable",
            ["Form.Email"] = "exe@example.test",
        });
        var page = await Forms.ParseAsync(response);
        var list = await Forms.GetPageAsync(browser, "/candidates");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not a PDF", page.QuerySelector("[data-valmsg-for=Resume]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Resume", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("Exe Cutable", (page.QuerySelector("#Form_Name") as IHtmlInputElement)?.Value);
        Assert.Empty(Names(list));
    }

    [Fact]
    public async Task Create_WithInvalidFields_ListsEachProblemLinkedToItsField()
    {
        var browser = await App.SignedInBrowserAsync(await App.NewOrganizationAsync(Role.Recruiter));

        var response = await SubmitAsync(browser, await Forms.GetPageAsync(browser, "/candidates/new"), "/candidates/new", "form.candidate-form", new()
        {
            ["Form.Name"] = "",
            ["Form.Email"] = "not-an-email",
            ["Form.Links"] = "ftp://nope",
            ["Form.JobId"] = "not-a-guid",
        });
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#Form_Name", "#Form_Email", "#Form_Links"], page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("ftp://nope", page.QuerySelector("#Form_Links")?.TextContent.Trim());
    }

    [Fact]
    public async Task Resume_IsDownloadableByAnInterviewerOnTheJob_ButNotByOneWhoIsNot()
    {
        var admin = await App.NewOrganizationAsync();
        var onTeam = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        var offTeam = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        var api = App.Api(await App.TokenForAsync(admin));
        var job = await JobIdAsync(api, "Resume job");
        var (candidate, _) = await CandidateWithApplicationAsync(api, "Resumed", job);
        using (var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 fake but starts right"u8.ToArray()), "file", "cv.pdf" } })
        {
            (await api.PostAsync(new Uri($"/api/v1/candidates/{candidate}/resume", UriKind.Relative), form)).EnsureSuccessStatusCode();
        }

        await api.PutAsJsonAsync($"/api/v1/jobs/{job}/team", new { interviewers = new[] { onTeam.UserId } });
        var resume = $"/candidates/{candidate}?handler=Resume";

        var allowed = await (await App.SignedInBrowserAsync(onTeam)).GetAsync(new Uri(resume, UriKind.Relative));
        var refused = await (await App.SignedInBrowserAsync(offTeam)).GetAsync(new Uri(resume, UriKind.Relative));
        var stranger = await (await App.SignedInBrowserAsync(await App.NewOrganizationAsync())).GetAsync(new Uri(resume, UriKind.Relative));
        var profile = await Forms.GetPageAsync(await App.SignedInBrowserAsync(onTeam), $"/candidates/{candidate}");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("application/pdf", allowed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", allowed.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.NotNull(profile.QuerySelector("a[href$='handler=Resume']"));
        Assert.Null(profile.QuerySelector("form.upload-form"));
        Assert.Null(profile.QuerySelector("form.apply-form"));
    }

    [Fact]
    public async Task Profile_ReplacesTheResume_AndRefusesAFileThatIsNotAResume()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var candidate = await CreateCandidateAsync(App.Api(await App.TokenForAsync(recruiter)), "Needs A Resume");
        var browser = await App.SignedInBrowserAsync(recruiter);
        var path = $"/candidates/{candidate}";

        var image = await UploadAsync(browser, await Forms.GetPageAsync(browser, path), path, "form.upload-form", "ResumeFile", "cv.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]);
        var imagePage = await Forms.ParseAsync(image);
        var text = await UploadAsync(browser, await Forms.GetPageAsync(browser, path), path, "form.upload-form", "ResumeFile", "cv.txt", "Operated Cassandra rings at scale."u8.ToArray());
        var after = await FollowAsync(browser, text);

        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Contains("not a PDF", imagePage.QuerySelector("[data-valmsg-for=ResumeFile]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(imagePage.QuerySelector("a[href$='handler=Resume']"));
        Assert.Equal(HttpStatusCode.Redirect, text.StatusCode);
        Assert.NotNull(after.QuerySelector("a[href$='handler=Resume']"));
        Assert.Contains("Cassandra", after.QuerySelector(".resume-text pre")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_AddsTheCandidateToAnotherOpenJob_AndSaysWhenTheyAreAlreadyInIt()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var first = await OpenJobAsync(api, "First open job");
        var second = await OpenJobAsync(api, "Second open job");
        var (candidate, _) = await CandidateWithApplicationAsync(api, "Twice Applied", first);
        var browser = await App.SignedInBrowserAsync(recruiter);
        var path = $"/candidates/{candidate}";
        var before = await Forms.GetPageAsync(browser, path);

        var added = await SubmitAsync(browser, before, path, "form.apply-form", new() { ["ApplyJobId"] = second.ToString() });
        var application = await FollowAsync(browser, added);
        var again = await SubmitAsync(browser, before, path, "form.apply-form", new() { ["ApplyJobId"] = first.ToString() });
        var againPage = await Forms.ParseAsync(again);
        var after = await Forms.GetPageAsync(browser, path);

        Assert.Equal([second.ToString()], before.QuerySelectorAll("select#ApplyJobId option").Select(o => o.GetAttribute("value")).Where(v => v!.Length > 0));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Second open job", application.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already in this job", againPage.QuerySelector("[data-valmsg-for=ApplyJobId]")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/applications/", againPage.QuerySelector("form.apply-form a")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(2, after.QuerySelectorAll("table.applications tbody tr").Length);
        Assert.Equal(3, after.QuerySelectorAll(".timeline li").Length);
    }

    [Fact]
    public async Task Merge_FindsTheCandidateToKeep_AsksForConfirmation_AndMovesTheApplications()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var job = await JobIdAsync(api, "Merge page job");
        var keep = await CreateCandidateAsync(api, "Samira Haddad", "samira@example.test");
        var (duplicate, _) = await CandidateWithApplicationAsync(api, "Samira H.", job);
        var browser = await App.SignedInBrowserAsync(recruiter);

        var search = await Forms.GetPageAsync(browser, $"/candidates/{duplicate}/merge?q=samira%40example.test");
        var choose = search.QuerySelector(".merge-choice a")!.GetAttribute("href")!;
        var confirm = await Forms.GetPageAsync(browser, choose);
        var merged = await SubmitAsync(browser, confirm, choose, "form.form-actions");
        var kept = await FollowAsync(browser, merged);
        var list = await Forms.GetPageAsync(browser, "/candidates?q=samira");

        Assert.Equal($"/candidates/{duplicate}/merge?keep={keep}", choose);
        Assert.Equal("Merge into Samira Haddad", confirm.QuerySelector("form.form-actions button")?.TextContent);
        Assert.Equal($"/candidates/{keep}", Location(merged));
        Assert.Equal("Merge page job", kept.QuerySelector("table.applications tbody tr th a")?.TextContent);
        Assert.Equal(["Samira Haddad"], Names(list));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri($"/candidates/{duplicate}/merge", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Import_WithBadRows_ImportsNothingAndListsEveryErrorWithLineAndColumn()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        await CreateCandidateAsync(App.Api(await App.TokenForAsync(recruiter)), "Existing Person", "existing@example.test");
        var browser = await App.SignedInBrowserAsync(recruiter);
        const string Csv = """
            name,email,phone,links,source
            Good One,good1@example.test,,https://good.example/one,referral
            ,missing-name@example.test,,,
            Bad Mail,not-an-email,,,
            Twice,good1@example.test,,,
            Old Friend,existing@example.test,,,
            Bad Link,badlink@example.test,,ftp://nope,
            """;

        var response = await PreviewAsync(browser, Csv);
        var page = await Forms.ParseAsync(response);
        var problems = page.QuerySelectorAll("table.import-problems tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        var list = await Forms.GetPageAsync(browser, "/candidates");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("3", "name"), ("4", "email"), ("5", "email"), ("6", "email"), ("7", "links")], problems);
        Assert.Contains("Nothing can be imported", page.QuerySelector(".import-preview .error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.confirm-import"));
        Assert.Equal(6, page.QuerySelectorAll("table.import-rows tbody tr").Length);
        Assert.Equal(5, page.QuerySelectorAll("table.import-rows tbody tr.row-bad").Length);
        Assert.Equal(["Existing Person"], Names(list));
    }

    [Fact]
    public async Task Import_OfACleanFile_ImportsEveryRowOnlyAfterConfirming()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var browser = await App.SignedInBrowserAsync(recruiter);
        const string Csv = "Name;Email;Resume_Text\r\nAsha Patel;asha@example.test;Event sourcing and sagas\r\n\"Doe, Jane\";jane@example.test;\"Line one\nline two\"\r\n";

        var preview = await Forms.ParseAsync(await PreviewAsync(browser, Csv));
        var beforeConfirm = Names(await Forms.GetPageAsync(browser, "/candidates"));
        var confirmed = await SubmitAsync(browser, preview, "/candidates/import", "form.confirm-import");
        var list = await FollowAsync(browser, confirmed);
        var jane = await Forms.GetPageAsync(browser, list.QuerySelectorAll("tbody th a").Single(a => a.TextContent == "Doe, Jane").GetAttribute("href")!);

        Assert.Equal("Import 2 candidates", preview.QuerySelector("form.confirm-import button")?.TextContent);
        Assert.Equal(2, preview.QuerySelectorAll("table.import-rows tbody tr").Length);
        Assert.Empty(beforeConfirm);
        Assert.Equal("/candidates", Location(confirmed));
        Assert.Contains("Imported 2 candidates", list.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Doe, Jane", "Asha Patel"], Names(list).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal("Line one\nline two", jane.QuerySelector(".resume-text pre")?.TextContent);
    }

    [Fact]
    public async Task Import_OfAJsonResume_AddsTheCandidate_AndATakenEmailLinksToTheExistingOne()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var browser = await App.SignedInBrowserAsync(recruiter);
        const string Json = """
            { "basics": { "name": "Kofi Mensah", "email": "kofi@example.test", "profiles": [ { "network": "GitHub", "url": "https://github.com/kofi" } ] },
              "work": [ { "name": "Paystack", "position": "Backend Engineer", "highlights": [ "Idempotent ledger writes" ] } ] }
            """;

        var created = await UploadAsync(browser, await Forms.GetPageAsync(browser, "/candidates/import"), "/candidates/import", "form[action*='JsonResume']", "JsonFile", "kofi.json", Encoding.UTF8.GetBytes(Json));
        var profile = await FollowAsync(browser, created);
        var again = await UploadAsync(browser, await Forms.GetPageAsync(browser, "/candidates/import"), "/candidates/import", "form[action*='JsonResume']", "JsonFile", "kofi.json", Encoding.UTF8.GetBytes(Json));
        var broken = await UploadAsync(browser, await Forms.GetPageAsync(browser, "/candidates/import"), "/candidates/import", "form[action*='JsonResume']", "JsonFile", "broken.json", "{ not json"u8.ToArray());

        Assert.Equal("Kofi Mensah", profile.QuerySelector("h1")?.TextContent);
        Assert.Contains("Idempotent ledger writes", profile.QuerySelector(".resume-text pre")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(Location(created), (await Forms.ParseAsync(again)).QuerySelector(".duplicate-link a")?.GetAttribute("href"));
        Assert.Contains("not valid JSON", (await Forms.ParseAsync(broken)).QuerySelector("[data-valmsg-for=JsonFile]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_DownloadsTheCandidatesAsCsv()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        await CreateCandidateAsync(App.Api(await App.TokenForAsync(recruiter)), "Exported Person", "exported@example.test");

        var response = await (await App.SignedInBrowserAsync(recruiter)).GetAsync(new Uri("/candidates/export.csv", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("candidates.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("name,email,phone,links,source,created_at,applications", csv, StringComparison.Ordinal);
        Assert.Contains("Exported Person,exported@example.test", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOrForeignIds_AreTheFriendly404()
    {
        var owner = await App.NewOrganizationAsync(Role.Recruiter);
        var candidate = await CreateCandidateAsync(App.Api(await App.TokenForAsync(owner)), "Not Yours");
        var browser = await App.SignedInBrowserAsync(await App.NewOrganizationAsync(Role.Recruiter));

        string[] paths = [$"/candidates/{candidate}", $"/candidates/{candidate}/merge", $"/candidates/{candidate}?handler=Resume", $"/candidates/{Guid.NewGuid()}", "/candidates/not-a-guid", $"/applications/{Guid.NewGuid()}", "/applications/123", $"/jobs/{Guid.NewGuid()}/pipeline"];
        foreach (var path in paths)
        {
            var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    internal static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("table.candidate-list tbody th a").Select(a => a.TextContent).ToList();

    internal static async Task<Guid> JobIdAsync(HttpClient api, string title) =>
        (await JobsApiTests.CreateJobAsync(api, title, "mid")).GetProperty("job").GetProperty("id").GetGuid();

    /// <summary>A job with a description, opened so it is offered in "add to a job" choices.</summary>
    internal static async Task<Guid> OpenJobAsync(HttpClient api, string title)
    {
        var id = (await JobsApiTests.CreateJobAsync(api, title, "senior")).GetProperty("job").GetProperty("id").GetGuid();
        (await api.PutAsJsonAsync($"/api/v1/jobs/{id}/description", JobsApiTests.Description(title))).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/jobs/{id}/status", new { status = "open" })).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<HttpResponseMessage> PreviewAsync(HttpClient browser, string csv) =>
        await UploadAsync(browser, await Forms.GetPageAsync(browser, "/candidates/import"), "/candidates/import", "form[action*='Preview']", "CsvFile", "people.csv", Encoding.UTF8.GetBytes(csv));
}
