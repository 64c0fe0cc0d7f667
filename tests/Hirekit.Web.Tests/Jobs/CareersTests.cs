using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Testing;

namespace Hirekit.Web.Tests.Jobs;

public sealed class CareersTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task OnlyOpenJobs_AreOnTheCareersPage()
    {
        var (org, api, jobId, slug) = await OpenJobAsync("Platform Engineer");
        var browser = App.Browser();

        var page = await Forms.GetPageAsync(browser, $"/careers/{org.Slug}");
        await api.PostAsJsonAsync($"/api/v1/jobs/{jobId}/status", new { status = "paused" });
        var paused = await browser.GetAsync(new Uri($"/careers/{org.Slug}/{slug}", UriKind.Relative));
        await api.PostAsJsonAsync($"/api/v1/jobs/{jobId}/status", new { status = "closed" });
        var afterClose = await Forms.GetPageAsync(browser, $"/careers/{org.Slug}");

        Assert.Equal(["Platform Engineer"], page.QuerySelectorAll(".job-list h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.NotFound, paused.StatusCode);
        Assert.Empty(afterClose.QuerySelectorAll(".job-list h2"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri("/careers/no-such-org", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task JobPage_CarriesJobPostingJsonLdWithTheRequiredFields()
    {
        var (org, _, _, slug) = await OpenJobAsync("Senior Backend Engineer </script><script>alert(1)</script>");

        var page = await Forms.GetPageAsync(App.Browser(), $"/careers/{org.Slug}/{slug}");
        var script = page.QuerySelector("script[type='application/ld+json']")!;
        using var json = JsonDocument.Parse(script.TextContent);
        var posting = json.RootElement;

        Assert.Equal("JobPosting", posting.GetProperty("@type").GetString());
        Assert.StartsWith("Senior Backend Engineer </script>", posting.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("</script>", script.TextContent, StringComparison.Ordinal); // escaped inside the element
        Assert.Contains("<h2", posting.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", posting.GetProperty("datePosted").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T23:59:59Z$", posting.GetProperty("validThrough").GetString());
        Assert.Equal(org.Name, posting.GetProperty("hiringOrganization").GetProperty("name").GetString());
        Assert.Equal("FULL_TIME", posting.GetProperty("employmentType").GetString());
        Assert.Equal("DE", posting.GetProperty("jobLocation").GetProperty("address").GetProperty("addressCountry").GetString());
        var salary = posting.GetProperty("baseSalary");
        Assert.Equal(("EUR", 90_000, 125_000, "YEAR"), (salary.GetProperty("currency").GetString(), salary.GetProperty("value").GetProperty("minValue").GetInt32(), salary.GetProperty("value").GetProperty("maxValue").GetInt32(), salary.GetProperty("value").GetProperty("unitText").GetString()));
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
    }

    [Fact]
    public async Task Apply_WithAFile_CreatesTheCandidateAndApplicationAndKeepsTheFileOutsideTheWebRoot()
    {
        var (org, _, jobId, slug) = await OpenJobAsync("Data Engineer");
        var resume = Encoding.UTF8.GetBytes("Ana Lima\nBackend engineer: Go, PostgreSQL, Kafka. On-call for payments.");

        var response = await ApplyAsync(org, slug, Fields("Ana Lima", "ana@example.test"), ("cv.txt", resume));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/careers/{org.Slug}/{slug}/applied", response.Headers.Location?.OriginalString);
        var confirmation = await Forms.GetPageAsync(App.Browser(), response.Headers.Location!.OriginalString);
        Assert.Equal("Thank you", confirmation.QuerySelector("h1")?.TextContent);
        await using var connection = await App.Database.Connections.OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<(string Name, string ResumeText, string StorageKey, string Stage)>(
            """
            SELECT c.name, c.resume_text, f.storage_key, a.stage FROM candidates c
            JOIN applications a ON a.candidate_id = c.id JOIN stored_files f ON f.id = c.resume_file_id
            WHERE c.organization_id = @Org AND a.job_id = @Job
            """,
            new { Org = org.Id, Job = jobId });
        Assert.Equal(("Ana Lima", "applied"), (row.Name, row.Stage));
        Assert.Contains("Kafka", row.ResumeText, StringComparison.Ordinal);
        Assert.Equal(resume, await File.ReadAllBytesAsync(Path.Combine(App.Database.Directory, "files", row.StorageKey)));
    }

    [Fact]
    public async Task Apply_WithAPdf_ExtractsItsText()
    {
        var (org, _, _, slug) = await OpenJobAsync("PDF Engineer");

        await ApplyAsync(org, slug, Fields("Pat Doe", "pat@example.test"), ("resume.pdf", MinimalPdf("Distributed systems with Kafka and PostgreSQL")));

        await using var connection = await App.Database.Connections.OpenAsync(CancellationToken.None);
        var text = await connection.ExecuteScalarAsync<string>("SELECT resume_text FROM candidates WHERE organization_id = @Org", new { Org = org.Id });
        Assert.Contains("Distributed systems with Kafka and PostgreSQL", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Twice_KeepsOneApplication()
    {
        var (org, _, _, slug) = await OpenJobAsync("Twice Engineer");

        await ApplyAsync(org, slug, Fields("Sam Roe", "sam@example.test", resumeText: "First."));
        var again = await ApplyAsync(org, slug, Fields("Sam Roe", "SAM@example.test", resumeText: "Second."));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var connection = await App.Database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM applications WHERE organization_id = @Org", new { Org = org.Id }));
        Assert.Equal("First.", await connection.ExecuteScalarAsync<string>("SELECT resume_text FROM candidates WHERE organization_id = @Org", new { Org = org.Id }));
    }

    [Fact]
    public async Task Apply_WithInvalidFields_ShowsEachErrorAndStoresNothing()
    {
        var (org, _, _, slug) = await OpenJobAsync("Careful Engineer");
        var fields = Fields("", "not-an-email");
        fields.Remove("Form.Consent");

        var response = await ApplyAsync(org, slug, fields);
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "Form.Name", "Form.Email", "Form.Consent", "Form.Resume" })
        {
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent), field);
        }

        Assert.Equal(0L, await CountAsync("candidates", org.Id));
    }

    [Fact]
    public async Task Apply_WithAFileThatLiesAboutItsType_IsRefused()
    {
        var (org, _, _, slug) = await OpenJobAsync("Liar Engineer");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D };

        var page = await Forms.ParseAsync(await ApplyAsync(org, slug, Fields("Eve", "eve@example.test"), ("resume.pdf", png)));

        Assert.Contains("PDF, a Word document", page.QuerySelector("[data-valmsg-for='Form.Resume']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync("candidates", org.Id));
    }

    [Fact]
    public async Task Apply_WithAFileOverTenMegabytes_IsRefusedWithAFormError()
    {
        var (org, _, _, slug) = await OpenJobAsync("Big Engineer");
        var big = Encoding.UTF8.GetBytes(new string('a', (10 * 1024 * 1024) + 1));

        var page = await Forms.ParseAsync(await ApplyAsync(org, slug, Fields("Big", "big@example.test"), ("resume.txt", big)));

        Assert.Contains("larger than 10 MB", page.QuerySelector("[data-valmsg-for='Form.Resume']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync("candidates", org.Id));
    }

    [Fact]
    public async Task SpamTraps_AnswerLikeSuccessButKeepNothing()
    {
        var (org, _, _, slug) = await OpenJobAsync("Trap Engineer");
        var honeypot = Fields("Bot", "bot@example.test", resumeText: "spam");
        honeypot["Form.Website"] = "http://spam.example";

        var filled = await ApplyAsync(org, slug, honeypot);
        var instant = await ApplyAsync(org, slug, Fields("Fast Bot", "fast@example.test", resumeText: "spam"), waitBeforePost: false);

        Assert.Equal(HttpStatusCode.Redirect, filled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, instant.StatusCode);
        Assert.Equal(0L, await CountAsync("candidates", org.Id));
    }

    private async Task<long> CountAsync(string table, Guid organizationId)
    {
        await using var connection = await App.Database.Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE organization_id = @Org", new { Org = organizationId });
    }

    internal async Task<(Organization Org, HttpClient Api, Guid JobId, string Slug)> OpenJobAsync(string title)
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(admin));
        var job = (await JobsApiTests.CreateJobAsync(api, title, "senior")).GetProperty("job");
        var id = job.GetProperty("id").GetGuid();
        (await api.PutAsJsonAsync($"/api/v1/jobs/{id}/description", JobsApiTests.Description(title))).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/jobs/{id}/status", new { status = "open" })).EnsureSuccessStatusCode();
        var slug = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/jobs/{id}", UriKind.Relative))).RootElement.GetProperty("slug").GetString()!;
        var org = await App.Get<IAccountStore>().FindOrganizationAsync(admin.OrganizationId, CancellationToken.None);
        return (org!, api, id, slug);
    }

    internal static Dictionary<string, string> Fields(string name, string email, string? resumeText = null) => new()
    {
        ["Form.Name"] = name,
        ["Form.Email"] = email,
        ["Form.Consent"] = "true",
        ["Form.ResumeText"] = resumeText ?? "",
    };

    /// <summary>Loads the job page (its antiforgery token and form stamp), waits like a person, and posts the multipart form.</summary>
    internal async Task<HttpResponseMessage> ApplyAsync(Organization org, string slug, Dictionary<string, string> fields, (string Name, byte[] Content)? file = null, bool waitBeforePost = true, HttpClient? browser = null)
    {
        browser ??= App.Browser();
        var page = await Forms.GetPageAsync(browser, $"/careers/{org.Slug}/{slug}");
        if (waitBeforePost)
        {
            App.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        // Hidden inputs come after the visible ones, as a browser sends them (a checkbox's hidden
        // "false" follows its checked "true").
        foreach (var hidden in page.QuerySelectorAll("form input[type=hidden]").Cast<IHtmlInputElement>())
        {
            form.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        if (file is { } f)
        {
            form.Add(new ByteArrayContent(f.Content), "resume", f.Name);
        }

        return await browser.PostAsync(new Uri($"/careers/{org.Slug}/{slug}/apply", UriKind.Relative), form);
    }

    /// <summary>A one-page PDF with a compressed content stream showing <paramref name="text"/>.</summary>
    private static byte[] MinimalPdf(string text)
    {
        var content = Encoding.Latin1.GetBytes($"BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(content);
        }

        var pdf = new MemoryStream();
        pdf.Write(Encoding.Latin1.GetBytes($"%PDF-1.4\n1 0 obj << /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n"));
        pdf.Write(compressed.ToArray());
        pdf.Write(Encoding.Latin1.GetBytes("\nendstream\nendobj\n%%EOF\n"));
        return pdf.ToArray();
    }
}

public sealed class CareersRateLimitTests(CareersRateLimitTests.Fixture fixture) : IClassFixture<CareersRateLimitTests.Fixture>
{
    [Fact]
    public async Task Applying_BeyondThePerAddressLimit_Answers429()
    {
        var careers = new CareersTests(fixture);
        var (org, _, _, slug) = await careers.OpenJobAsync("Limited Engineer");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await careers.ApplyAsync(org, slug, CareersTests.Fields($"Person {i}", $"p{i}@example.test", resumeText: "Resume."))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], answers);
    }

    public sealed class Fixture : AppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hirekit:Security:ApplicationsPerHourPerIp"] = "2" };
    }
}
