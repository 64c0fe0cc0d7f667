using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Data.Candidates;
using Hirekit.Testing;
using Hirekit.Web.Tests.Api;
using Hirekit.Web.Tests.Jobs;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.Candidates;

public sealed class CandidatesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task Create_ThenTheSameEmailAgain_Answers409WithTheExistingCandidate()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Recruiter)));

        var first = await api.PostAsJsonAsync("/api/v1/candidates", new { name = "Lin Wu", email = "lin@example.test", links = new[] { "https://github.com/linwu" }, source = "referral" });
        var again = await api.PostAsJsonAsync("/api/v1/candidates", new { name = "Lin W.", email = "LIN@example.test" });
        var problem = await ApiTokenAuthTests.Problem(again);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("candidate.duplicate_email", problem.GetProperty("code").GetString());
        Assert.Equal(JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid(), problem.GetProperty("candidate").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task List_PagesByKeysetWithoutOverlap_NewestFirstAndByName()
    {
        var admin = await App.NewOrganizationAsync();
        await BulkSeed.CandidatesAsync(App.Database, admin.OrganizationId, 25);
        var api = App.Api(await App.TokenForAsync(admin));

        var newest = await AllPagesAsync(api, "sort=newest&pageSize=10");
        var byName = await AllPagesAsync(api, "sort=name&pageSize=7");

        Assert.Equal(25, newest.Distinct().Count());
        Assert.Equal(25, byName.Distinct().Count());
        Assert.Equal(byName.Order(StringComparer.Ordinal), byName);
    }

    [Fact]
    public async Task Search_FindsByNameEmailAndResumeText()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Recruiter)));
        await api.PostAsJsonAsync("/api/v1/candidates", new { name = "Oskar Lindqvist", email = "oskar@fjord.test", resumeText = "Built caching layers with Redis for a ticketing platform." });
        await api.PostAsJsonAsync("/api/v1/candidates", new { name = "Priya Raman", email = "priya@example.test", resumeText = "Kafka pipelines." });

        async Task<List<string>> Search(string q) =>
            JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/candidates?q={Uri.EscapeDataString(q)}", UriKind.Relative))).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

        Assert.Equal(["Oskar Lindqvist"], await Search("lindq"));
        Assert.Equal(["Oskar Lindqvist"], await Search("oskar@fjord.test"));
        Assert.Equal(["Oskar Lindqvist"], await Search("cache redis"));
        Assert.Equal(["Priya Raman"], await Search("kafka"));
        Assert.Empty(await Search("cobol"));
    }

    [Fact]
    public async Task Search_ListsNameAndEmailMatchesFirst_NewestFirstInEachTier_AndPagesAcrossTheTiers()
    {
        // ADR 25: every word in the name or e-mail comes before a match elsewhere; within each
        // tier the newest candidate comes first. Created oldest to newest:
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Recruiter)));
        await CreateCandidateAsync(api, "Mara Kestrel", resumeText: "Writes Go services.");
        await CreateCandidateAsync(api, "Ivo Park", resumeText: "Tuned the kestrel load balancer.");
        await CreateCandidateAsync(api, "Ode Lund", email: "kestrel.fan@example.test", resumeText: "Payments.");
        await CreateCandidateAsync(api, "Una Berg", resumeText: "Kestrel and nginx in front of services.");
        await CreateCandidateAsync(api, "Lia Kestrelson", resumeText: "Search relevance.");
        await CreateCandidateAsync(api, "Zed Nobody", resumeText: "Writes Rust.");

        string[] expected = ["Lia Kestrelson", "Ode Lund", "Mara Kestrel", "Una Berg", "Ivo Park"];
        Assert.Equal(expected, await AllPagesAsync(api, "q=kestrel&pageSize=25"));
        Assert.Equal(expected, await AllPagesAsync(api, "q=kestrel&pageSize=2")); // the second page spans both tiers
        Assert.Equal(expected, await AllPagesAsync(api, "q=kestrel&pageSize=1"));

        // Every word must match. Split over the name and the e-mail is still tier 1; a word only
        // in the resume makes it tier 2, where the newer candidate leads.
        Assert.Equal(["Ode Lund"], await AllPagesAsync(api, "q=lund+kestrel"));
        Assert.Equal(["Una Berg", "Mara Kestrel"], await AllPagesAsync(api, "q=kestrel+services"));

        // An offset cursor of the earlier bm25 order ("o:1") is refused, not misread.
        var bad = await api.GetAsync(new Uri("/api/v1/candidates?q=kestrel&page=bzox", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Search_FindsMatchesBehindTheNewestCandidates_AndPagesThroughACommonWord()
    {
        // PostgreSQL tests the newest candidates one by one for tier 2 and reads the index only
        // when that window falls short of a page (ADR 28). Matches older than a window of newer
        // candidates that do not match must still be found, in order, and a word every candidate
        // has must page without a gap or a repeat across the window's edge.
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        await CreateCandidateAsync(api, "Ines Old", resumeText: "Ran Kafka clusters.");
        await CreateCandidateAsync(api, "Rafe Kafka", resumeText: "Go services.");
        await CreateCandidateAsync(api, "Jon Older", resumeText: "Kafka streams and Go.");
        var bulk = CandidateStore.SearchWalkWindow + 20;
        await BulkSeed.CandidatesAsync(App.Database, admin.OrganizationId, bulk);

        string[] kafka = ["Rafe Kafka", "Jon Older", "Ines Old"];
        Assert.Equal(kafka, await AllPagesAsync(api, "q=kafka&pageSize=25"));
        Assert.Equal(kafka, await AllPagesAsync(api, "q=kafka&pageSize=1"));
        Assert.Equal(["Jon Older", "Rafe Kafka"], await AllPagesAsync(api, "q=kafka+go"));

        // Every bulk candidate's resume names PostgreSQL; newest first, across six pages.
        var postgres = await AllPagesAsync(api, "q=postgresql&pageSize=100");
        Assert.Equal(Enumerable.Range(0, bulk).Reverse().Select(i => $"Bulk Person {i:D5}"), postgres);
    }

    [Fact]
    public async Task Search_FollowsANameOrEmailChangeMadeInTheDatabase()
    {
        // Names and e-mails have an index of their own (ADR 28), kept by triggers on every write
        // path; a change must move the candidate between the tiers at once.
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var renamed = await CreateCandidateAsync(api, "Noor Quill", email: "noor@quill.test", resumeText: "Writes Go.");
        await CreateCandidateAsync(api, "Ade Other", resumeText: "Worked with Noor Quill on Go services.");
        await using (var connection = await App.Database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "UPDATE candidates SET name = 'Noor Vale', email = 'noor@vale.test' WHERE id = @Id",
                new { Id = renamed });
        }

        Assert.Equal(["Ade Other"], await AllPagesAsync(api, "q=quill"));
        Assert.Equal(["Noor Vale"], await AllPagesAsync(api, "q=vale"));
        Assert.Equal(["Noor Vale", "Ade Other"], await AllPagesAsync(api, "q=noor"));
    }

    [Fact]
    public async Task Search_APrefixOfSeveralNameWords_ListsEachCandidateOnce_OnlyInTheOrganisation()
    {
        // PostgreSQL proposes tier 1 rows from a table of name-word prefixes (ADR 32): a prefix
        // that starts two words of one candidate must not list them twice, a word in another
        // organisation must not leak in, and every query word must still match.
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var other = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Recruiter)));
        await CreateCandidateAsync(api, "Zhong Zhou", email: "zz@example.test", resumeText: "Go.");
        await CreateCandidateAsync(api, "Wen Zhu", email: "wen@example.test", resumeText: "Rust.");
        await CreateCandidateAsync(other, "Zhao Elsewhere", email: "zhao@example.test", resumeText: "Go.");
        await BulkSeed.CandidatesAsync(App.Database, admin.OrganizationId, 30);

        Assert.Equal(["Wen Zhu", "Zhong Zhou"], await AllPagesAsync(api, "q=zh"));
        Assert.Equal(["Zhong Zhou"], await AllPagesAsync(api, "q=zh+zhou"));
        Assert.Equal(["Zhao Elsewhere"], await AllPagesAsync(other, "q=zh"));
        Assert.Equal(Enumerable.Range(0, 30).Reverse().Select(i => $"Bulk Person {i:D5}"), await AllPagesAsync(api, "q=person+bulk&pageSize=7"));

        // A word with digits is matched as written, and so is a word that English search would
        // drop as a stop word ("will").
        await CreateCandidateAsync(api, "Will Stone", email: "dev42@stone.test", resumeText: "Go.");
        Assert.Equal(["Will Stone"], await AllPagesAsync(api, "q=dev42"));
        Assert.Equal(["Will Stone"], await AllPagesAsync(api, "q=will+stone"));

        Assert.Equal(["Will Stone"], await AllPagesAsync(api, "q=will+st"));

        // A name is matched as written, not by its English stem: "kennedy" stems to "kennedi",
        // which no name starts with. A word of the name and a word of the resume match together.
        await CreateCandidateAsync(api, "Ida Kennedy", email: "ida@k.test", resumeText: "Runs Kafka clusters.");
        Assert.Equal(["Ida Kennedy"], await AllPagesAsync(api, "q=kennedy"));
        Assert.Equal(["Ida Kennedy"], await AllPagesAsync(api, "q=kafka+kennedy"));

        // PostgreSQL keeps prefixes up to 24 characters: a longer query word is looked up by its
        // first 24 and must still match whole, so a name that shares only those is not listed.
        await CreateCandidateAsync(api, "Bo Wolfeschlegelsteinhausenbergerdorff", email: "bo@w.test", resumeText: "Go.");
        await CreateCandidateAsync(api, "Al Wolfeschlegelsteinhausenbergerkopf", email: "al@w.test", resumeText: "Go.");
        Assert.Equal(["Bo Wolfeschlegelsteinhausenbergerdorff"], await AllPagesAsync(api, "q=wolfeschlegelsteinhausenbergerdorff"));
        Assert.Equal(
            ["Al Wolfeschlegelsteinhausenbergerkopf", "Bo Wolfeschlegelsteinhausenbergerdorff"],
            (await AllPagesAsync(api, "q=wolfeschlegelsteinhausenberger")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListByJob_PagesThroughExactlyThatJobsCandidates_WithStageSearchAndSort()
    {
        // The job filter drives the page from the job's applications; every combination with
        // paging, stage, search and sort must return exactly the job's candidates, once each.
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var (job, stages) = await PipelineApiTests.JobWithLoopAsync(api);
        var (other, _) = await PipelineApiTests.JobWithLoopAsync(api);
        var onJob = new List<(string Name, Guid Candidate, Guid Application)>();
        foreach (var name in new[] { "Zed Alpha", "Yan Beta", "Xia Gamma", "Wes Delta", "Vic Epsilon", "Uma Zeta", "Tom Eta" })
        {
            var (candidate, application) = await CandidateWithApplicationAsync(api, name, job, resumeText: name.StartsWith('U') || name.StartsWith('W') ? "Runs Kafka in production." : "Writes Go services.");
            onJob.Add((name, candidate, application));
        }

        var both = await CandidateWithApplicationAsync(api, "Sam Both", job);
        onJob.Add(("Sam Both", both.Candidate, both.Application));
        await api.PostAsJsonAsync("/api/v1/applications", new { candidateId = both.Candidate, jobId = other });
        await CandidateWithApplicationAsync(api, "Rae Elsewhere", other, resumeText: "Runs Kafka too.");
        await CreateCandidateAsync(api, "Quin Nowhere");
        foreach (var (_, _, application) in onJob.Where(c => c.Name is "Yan Beta" or "Vic Epsilon" or "Tom Eta"))
        {
            await api.PostAsJsonAsync($"/api/v1/applications/{application}/move", new { stage = "loop", stageId = stages[0] });
        }

        var newestFirst = await AllPagesAsync(api, $"jobId={job}&pageSize=3");
        var byName = await AllPagesAsync(api, $"jobId={job}&sort=name&pageSize=3");
        var inLoop = await AllPagesAsync(api, $"jobId={job}&stage=loop&pageSize=2");
        var kafka = await AllPagesAsync(api, $"jobId={job}&q=kafka&pageSize=1");

        // Newest first is by id (time-ordered, compared as the stored text); two ids made in the same millisecond keep that order too.
        Assert.Equal(onJob.OrderByDescending(c => c.Candidate.ToString("D"), StringComparer.Ordinal).Select(c => c.Name), newestFirst);
        Assert.Equal(onJob.Select(c => c.Name).Order(StringComparer.Ordinal), byName);
        Assert.Equal(["Tom Eta", "Vic Epsilon", "Yan Beta"], inLoop.Order(StringComparer.Ordinal));
        Assert.Equal(["Uma Zeta", "Wes Delta"], kafka.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnInterviewer_CannotListOrReadCandidatesOfJobsTheyAreNotOn()
    {
        var admin = await App.NewOrganizationAsync();
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        var api = App.Api(await App.TokenForAsync(admin));
        var jobA = (await JobsApiTests.CreateJobAsync(api, "Job A", "mid")).GetProperty("job").GetProperty("id").GetGuid();
        var jobB = (await JobsApiTests.CreateJobAsync(api, "Job B", "mid")).GetProperty("job").GetProperty("id").GetGuid();
        var onA = await CandidateWithApplicationAsync(api, "Ada On-A", jobA);
        var onB = await CandidateWithApplicationAsync(api, "Bo On-B", jobB);
        await api.PutAsJsonAsync($"/api/v1/jobs/{jobA}/team", new { interviewers = new[] { interviewer.UserId } });
        var interviewerApi = App.Api(await App.TokenForAsync(interviewer));

        var list = await interviewerApi.GetStringAsync(new Uri("/api/v1/candidates", UriKind.Relative));
        var filtered = await interviewerApi.GetStringAsync(new Uri($"/api/v1/candidates?jobId={jobB}", UriKind.Relative));

        Assert.Contains("Ada On-A", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Bo On-B", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Bo On-B", filtered, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await interviewerApi.GetAsync(new Uri($"/api/v1/candidates/{onA.Candidate}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await interviewerApi.GetAsync(new Uri($"/api/v1/candidates/{onB.Candidate}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await interviewerApi.GetAsync(new Uri($"/api/v1/jobs/{jobB}/pipeline", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await interviewerApi.GetAsync(new Uri($"/api/v1/applications/{onB.Application}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ResumeUpload_AcceptsARealDocx_RefusesAFileThatLiesAboutItsType_AndServesOnlyToPermittedUsers()
    {
        var recruiter = await App.NewOrganizationAsync(Role.Recruiter);
        var api = App.Api(await App.TokenForAsync(recruiter));
        var candidate = await CreateCandidateAsync(api, "Mira Docx");

        var docx = await UploadAsync(api, candidate, "cv.docx", Docx("Mira builds gRPC services in Rust."));
        var fake = await UploadAsync(api, candidate, "cv.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]); // a Windows executable
        var download = await api.GetAsync(new Uri($"/api/v1/candidates/{candidate}/resume", UriKind.Relative));
        var outsider = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, fake.StatusCode);
        Assert.Equal("resume.unsupported_type", (await ApiTokenAuthTests.Problem(fake)).GetProperty("code").GetString());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("Rust", JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/candidates/{candidate}", UriKind.Relative))).RootElement.GetProperty("resumeText").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri($"/api/v1/candidates/{candidate}/resume", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Merge_MovesApplicationsAndRefusesTwoApplicationsToOneJob()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var job = (await JobsApiTests.CreateJobAsync(api, "Merge job", "mid")).GetProperty("job").GetProperty("id").GetGuid();
        var other = (await JobsApiTests.CreateJobAsync(api, "Other job", "mid")).GetProperty("job").GetProperty("id").GetGuid();
        var keep = await CandidateWithApplicationAsync(api, "Keep Me", job);
        var duplicate = await CandidateWithApplicationAsync(api, "Keep Me Twice", other);
        var clash = await CandidateWithApplicationAsync(api, "Clash", job);

        var merged = await api.PostAsJsonAsync($"/api/v1/candidates/{keep.Candidate}/merge", new { sourceCandidateId = duplicate.Candidate });
        var refused = await api.PostAsJsonAsync($"/api/v1/candidates/{keep.Candidate}/merge", new { sourceCandidateId = clash.Candidate });
        var profile = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/candidates/{keep.Candidate}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(2, profile.GetProperty("applications").GetArrayLength());
        var list = await api.GetStringAsync(new Uri("/api/v1/candidates?q=twice", UriKind.Relative));
        Assert.DoesNotContain("Keep Me Twice", list, StringComparison.Ordinal); // merged records leave the list
    }

    [Fact]
    public async Task CsvImport_WithBadRows_ImportsNothingAndListsEveryError()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Recruiter)));
        await CreateCandidateAsync(api, "Existing Person", "existing@example.test");
        const string Csv = """
            name,email,phone,links,source
            Good One,good1@example.test,,https://good.example/one,referral
            ,missing-name@example.test,,,
            Bad Mail,not-an-email,,,
            Twice,good1@example.test,,,
            Old Friend,existing@example.test,,,
            Bad Link,badlink@example.test,,ftp://nope,
            """;

        var preview = await PostCsvAsync(api, Csv, dryRun: true);
        var import = await PostCsvAsync(api, Csv, dryRun: false);
        var problem = await ApiTokenAuthTests.Problem(import);
        var list = await api.GetStringAsync(new Uri("/api/v1/candidates?pageSize=50", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.False(JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement.GetProperty("canImport").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, import.StatusCode);
        Assert.Equal(["line 3", "line 4", "line 5", "line 6", "line 7"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.DoesNotContain("good1@example.test", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvImport_OfCleanRows_ImportsThemAll_AndExportGivesThemBack()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Admin)));
        const string Csv = "Name;Email;Resume_Text\nAsha Patel;asha@example.test;Event sourcing and sagas\n\"Doe, Jane\";jane@example.test;\"Postgres, \"\"quoted\"\" text\"\n";

        var import = await PostCsvAsync(api, Csv, dryRun: false);
        var export = await api.GetStringAsync(new Uri("/api/v1/candidates/export.csv", UriKind.Relative));
        var search = await api.GetStringAsync(new Uri("/api/v1/candidates?q=sagas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await import.Content.ReadAsStringAsync()).RootElement.GetProperty("count").GetInt32());
        Assert.StartsWith("name,email,phone,links,source,created_at,applications", export, StringComparison.Ordinal);
        Assert.Contains("\"Doe, Jane\",jane@example.test", export, StringComparison.Ordinal);
        Assert.Contains("Asha Patel", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonResume_BecomesACandidateWithSearchableText()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Recruiter)));
        const string Json = """
            { "basics": { "name": "Kofi Mensah", "email": "kofi@example.test", "profiles": [ { "network": "GitHub", "url": "https://github.com/kofi" } ] },
              "work": [ { "name": "Paystack", "position": "Backend Engineer", "startDate": "2021-03", "highlights": [ "Cut settlement time with idempotent ledger writes" ] } ],
              "skills": [ { "name": "Databases", "keywords": [ "PostgreSQL", "ClickHouse" ] } ] }
            """;

        var response = await api.PostAsync(new Uri("/api/v1/candidates/import/json-resume", UriKind.Relative), new StringContent(Json, Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var profile = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/candidates/{body.GetProperty("id").GetGuid()}", UriKind.Relative))).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(("json-resume", "https://github.com/kofi"), (body.GetProperty("source").GetString(), body.GetProperty("links")[0].GetString()));
        Assert.Contains("idempotent ledger writes", profile.GetProperty("resumeText").GetString(), StringComparison.Ordinal);
        Assert.Contains("ClickHouse", profile.GetProperty("resumeText").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CandidateList_RunsAFixedNumberOfQueries_At10And1000Candidates()
    {
        var small = await App.NewOrganizationAsync();
        var large = await App.NewOrganizationAsync();
        await BulkSeed.CandidatesAsync(App.Database, small.OrganizationId, 10);
        await BulkSeed.CandidatesAsync(App.Database, large.OrganizationId, 1000);
        var smallApi = App.Api(await App.TokenForAsync(small));
        var largeApi = App.Api(await App.TokenForAsync(large));
        await smallApi.GetAsync(new Uri("/api/v1/candidates", UriKind.Relative));
        await largeApi.GetAsync(new Uri("/api/v1/candidates", UriKind.Relative));

        foreach (var query in new[] { "", "?sort=name", "?q=postgresql" })
        {
            var a = Queries(await smallApi.GetAsync(new Uri("/api/v1/candidates" + query, UriKind.Relative)));
            var b = Queries(await largeApi.GetAsync(new Uri("/api/v1/candidates" + query, UriKind.Relative)));
            Assert.Equal(a, b);
        }
    }


    internal static Task<Guid> CreateCandidateAsync(HttpClient api, string name, string? email = null, string? resumeText = null) => ApiSeed.CreateCandidateAsync(api, name, email, resumeText);

    internal static async Task<(Guid Candidate, Guid Application)> CandidateWithApplicationAsync(HttpClient api, string name, Guid jobId, string? resumeText = null)
    {
        var candidate = await CreateCandidateAsync(api, name, resumeText: resumeText);
        var application = await api.PostAsJsonAsync("/api/v1/applications", new { candidateId = candidate, jobId });
        Assert.True(application.StatusCode == HttpStatusCode.Created, await application.Content.ReadAsStringAsync());
        return (candidate, JsonDocument.Parse(await application.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
    }

    private static async Task<List<string>> AllPagesAsync(HttpClient api, string query)
    {
        var names = new List<string>();
        string? page = null;
        do
        {
            var body = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/candidates?{query}{(page is null ? "" : $"&page={page}")}", UriKind.Relative))).RootElement;
            names.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
            page = body.GetProperty("nextPage").GetString();
        }
        while (page is not null);
        return names;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, Guid candidate, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await api.PostAsync(new Uri($"/api/v1/candidates/{candidate}/resume", UriKind.Relative), form);
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient api, string csv, bool dryRun) =>
        api.PostAsync(new Uri($"/api/v1/candidates/import?dryRun={(dryRun ? "true" : "false")}", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>A minimal Word document: a ZIP with word/document.xml holding one paragraph.</summary>
    internal static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            // A fixed entry time keeps the archive byte-identical across calls; tests compare downloads with it.
            var entry = zip.CreateEntry("word/document.xml");
            entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var writer = new StreamWriter(entry.Open());
            writer.Write($"""<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""");
        }

        return stream.ToArray();
    }
}
