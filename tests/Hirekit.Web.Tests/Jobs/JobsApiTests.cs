using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Hirekit.Web.Tests.Api;
using Hirekit.Web.Tests.Kits;

namespace Hirekit.Web.Tests.Jobs;

public sealed class JobsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task IntakeToJobToDescription()
    {
        var hm = await App.NewOrganizationAsync(Role.HiringManager);
        var api = App.Api(await App.TokenForAsync(hm));

        var created = await CreateJobAsync(api, "Backend Engineer, Payments", "senior");
        var job = created.GetProperty("job");
        var described = await api.PutAsJsonAsync($"/api/v1/jobs/{job.GetProperty("id").GetGuid()}/description", Description("Senior Backend Engineer, Payments"));
        var body = JsonDocument.Parse(await described.Content.ReadAsStringAsync()).RootElement;
        var lint = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/jobs/{job.GetProperty("id").GetGuid()}/lint", UriKind.Relative))).RootElement;

        Assert.Equal(("draft", "data-intensive", "written-screen-loop"), (job.GetProperty("status").GetString(), job.GetProperty("specialisation").GetString(), job.GetProperty("loopTemplate").GetString()));
        Assert.Equal("Go 1.23 with PostgreSQL 16", job.GetProperty("description").GetProperty("stackPrimary").GetString());
        Assert.Equal(5, created.GetProperty("loop").GetArrayLength());
        Assert.Equal(7, created.GetProperty("intakeNotes").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("levelNote").ValueKind);
        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
        Assert.Empty(body.GetProperty("findings").EnumerateArray());
        Assert.Contains("## ", body.GetProperty("job").GetProperty("descriptionMarkdown").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, lint.GetArrayLength());
    }

    [Fact]
    public async Task LintFindings_ComeBackWithTheSavedDescription()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Recruiter)));
        var id = (await CreateJobAsync(api, "Backend Engineer", "mid")).GetProperty("job").GetProperty("id").GetGuid();

        var response = await api.PutAsJsonAsync($"/api/v1/jobs/{id}/description", Description("Staff Backend Engineer") with { Scale = "Lots of traffic.", Pay = null, LocationCode = "US-NY" });
        var rules = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no_scale_figures", rules);
        Assert.Contains("pay_range_required", rules);
        Assert.Contains("seniority_mismatch", rules);
    }

    [Fact]
    public async Task CreateJob_WithBadIntake_Answers400NamingTheQuestions()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Admin)));
        var kitId = await KitsApiTests.BuiltInIdAsync(api);

        var response = await api.PostAsJsonAsync("/api/v1/jobs", new { kitId, title = "X", targetLevel = "senior", intake = new Dictionary<string, string> { ["database-workload"] = "quantum" }, location = "Berlin" });
        var errors = (await ApiTokenAuthTests.Problem(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("intake.database-workload", out _));
        Assert.True(errors.TryGetProperty("intake.primary-stack", out _));
    }

    [Fact]
    public async Task Interviewers_CannotCreateJobs()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer)));

        var response = await api.PostAsJsonAsync("/api/v1/jobs", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AHiringManagerOfJobA_GetsNotFoundOnJobB()
    {
        var admin = await App.NewOrganizationAsync();
        var hmA = await App.AddMemberAsync(admin.OrganizationId, Role.HiringManager);
        var hmB = await App.AddMemberAsync(admin.OrganizationId, Role.HiringManager);
        var apiA = App.Api(await App.TokenForAsync(hmA));
        var apiB = App.Api(await App.TokenForAsync(hmB));
        var jobA = (await CreateJobAsync(apiA, "Job A", "mid")).GetProperty("job").GetProperty("id").GetGuid();
        var jobB = (await CreateJobAsync(apiB, "Job B", "mid")).GetProperty("job").GetProperty("id").GetGuid();

        var answers = new[]
        {
            await apiA.GetAsync(new Uri($"/api/v1/jobs/{jobB}", UriKind.Relative)),
            await apiA.GetAsync(new Uri($"/api/v1/jobs/{jobB}/loop", UriKind.Relative)),
            await apiA.GetAsync(new Uri($"/api/v1/jobs/{jobB}/team", UriKind.Relative)),
            await apiA.PutAsJsonAsync($"/api/v1/jobs/{jobB}/description", Description("Hijack")),
            await apiA.PostAsJsonAsync($"/api/v1/jobs/{jobB}/status", new { status = "open" }),
        };
        var listA = await apiA.GetStringAsync(new Uri("/api/v1/jobs", UriKind.Relative));
        var listAdmin = await App.Api(await App.TokenForAsync(admin)).GetStringAsync(new Uri("/api/v1/jobs", UriKind.Relative));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Contains(jobA.ToString(), listA, StringComparison.Ordinal);
        Assert.DoesNotContain(jobB.ToString(), listA, StringComparison.Ordinal);
        Assert.Contains(jobA.ToString(), listAdmin, StringComparison.Ordinal);
        Assert.Contains(jobB.ToString(), listAdmin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loop_SavedWithGaps_AnswersCoverageFindings_AndInterviewersJoinTheTeam()
    {
        var admin = await App.NewOrganizationAsync();
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        var api = App.Api(await App.TokenForAsync(admin));
        var jobId = (await CreateJobAsync(api, "Loop job", "senior")).GetProperty("job").GetProperty("id").GetGuid();
        var interviewerApi = App.Api(await App.TokenForAsync(interviewer));
        Assert.Equal(HttpStatusCode.NotFound, (await interviewerApi.GetAsync(new Uri($"/api/v1/jobs/{jobId}", UriKind.Relative))).StatusCode);

        var response = await api.PutAsJsonAsync($"/api/v1/jobs/{jobId}/loop", new
        {
            stages = new object[]
            {
                new { kind = "technical", name = "Deep dive", durationMinutes = 60, focus = new[] { "data-persistence" }, questions = new[] { "tech-slow-query" }, interviewers = new[] { interviewer.UserId } },
                new { kind = "knowledge", name = "Knowledge", durationMinutes = 45, focus = Array.Empty<string>(), questions = new[] { "tech-slow-query" }, interviewers = new[] { interviewer.UserId } },
            },
        });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var rules = body.GetProperty("coverage").GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        var team = await api.GetStringAsync(new Uri($"/api/v1/jobs/{jobId}/team", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("uncovered_competency", rules);
        Assert.Contains("single_interviewer", rules);
        Assert.Contains("reused_question", rules);
        Assert.Equal(105, body.GetProperty("coverage").GetProperty("liveMinutes").GetInt32());
        Assert.Contains(interviewer.UserId.ToString(), team, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await interviewerApi.GetAsync(new Uri($"/api/v1/jobs/{jobId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await interviewerApi.PutAsJsonAsync($"/api/v1/jobs/{jobId}/description", Description("x"))).StatusCode);
    }

    [Fact]
    public async Task Loop_WithUnknownOrRetiredQuestions_IsRefused()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var kitId = await KitsApiTests.BuiltInIdAsync(api);
        var jobId = (await CreateJobAsync(api, "Strict loop", "senior")).GetProperty("job").GetProperty("id").GetGuid();
        await api.PostAsync(new Uri($"/api/v1/kits/{kitId}/questions/tech-slow-query/retire", UriKind.Relative), null);

        var response = await api.PutAsJsonAsync($"/api/v1/jobs/{jobId}/loop", new
        {
            stages = new[] { new { kind = "technical", name = "Tech", durationMinutes = 60, focus = new[] { "nonsense" }, questions = new[] { "tech-slow-query", "no-such-question" } } },
        });
        var message = (await ApiTokenAuthTests.Problem(response)).GetProperty("errors").GetProperty("stages[0]").ToString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unknown competency 'nonsense'", message, StringComparison.Ordinal);
        Assert.Contains("retired", message, StringComparison.Ordinal);
        Assert.Contains("unknown question 'no-such-question'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_RefusesMembersWhoseRoleCannotTakeThePlace()
    {
        var admin = await App.NewOrganizationAsync();
        var interviewer = await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer);
        var api = App.Api(await App.TokenForAsync(admin));
        var jobId = (await CreateJobAsync(api, "Team job", "mid")).GetProperty("job").GetProperty("id").GetGuid();

        var response = await api.PutAsJsonAsync($"/api/v1/jobs/{jobId}/team", new { hiringManagers = new[] { interviewer.UserId } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiTokenAuthTests.Problem(response)).GetProperty("errors").TryGetProperty("hiringManagers", out _));
    }

    internal static Task<JsonElement> CreateJobAsync(HttpClient api, string title, string level) => ApiSeed.CreateJobAsync(api, title, level);

    internal sealed record DescriptionBody(
        string Title, string Location, string? LocationCode, bool Remote, string EmploymentType, string? CompensationRegion, string? ValidThrough,
        string About, string StackPrimary, string StackDetails, string Scale, string Challenge, string SuccessCriteria, string Team, object? Pay);

    internal static DescriptionBody Description(string title) => new(
        title, "Berlin", "DE", false, "FULL_TIME", "western-europe", null,
        "We build the payments ledger for 3,000 merchants.",
        "Go 1.23, PostgreSQL 16",
        "Kafka for events, Redis for idempotency keys.",
        "40 million ledger entries a day, 2,500 requests per second at peak.",
        "Split the ledger write path from reporting.",
        "By month 6 the write path serves p99 under 50 ms.",
        "Five backend engineers and an SRE.",
        new { min = 90_000, max = 125_000, currency = "EUR" });
}
