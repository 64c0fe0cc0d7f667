using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Data.Demo;
using Hirekit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hirekit.Web.Tests.Performance;

/// <summary>
/// Every list and detail endpoint runs the same number of SQL statements in an organisation with
/// 10 applications as in one with 1,000 (candidates, interviews, scorecards, ratings and question
/// uses grow with them): two organisations filled by the demo seeder, each URL counted on both.
/// </summary>
public sealed class QueryCountTests(QueryCountTests.Orgs orgs, ITestOutputHelper output) : IClassFixture<QueryCountTests.Orgs>
{
    [Fact]
    public async Task ApiEndpoints_RunAFixedNumberOfQueries_At10And1000Applications()
    {
        string[] admin =
        [
            "/api/v1/jobs/{job}/pipeline",
            "/api/v1/jobs/{job}/pipeline/applied?limit=50",
            "/api/v1/jobs",
            "/api/v1/jobs/{job}",
            "/api/v1/candidates?pageSize=50",
            "/api/v1/candidates?sort=name&pageSize=50",
            "/api/v1/candidates?q={term}",
            "/api/v1/candidates?jobId={job}&pageSize=50",
            "/api/v1/candidates/{candidate}",
            "/api/v1/applications/{application}",
            "/api/v1/applications/{application}/interviews",
            "/api/v1/applications/{application}/scorecards",
            "/api/v1/applications/{application}/debrief",
            "/api/v1/questions?q=incident",
            "/api/v1/questions?pageSize=50",
            "/api/v1/jobs/{job}/feedback-reports",
            "/api/v1/jobs/{job}/loop",
            "/api/v1/jobs/{job}/team",
            "/api/v1/members",
            "/api/v1/audit",
            "/api/v1/kits",
            "/api/v1/me",
        ];
        string[] interviewer =
        [
            "/api/v1/interviews/{interview}",
            "/api/v1/interviews/{interview}/kit",
            "/api/v1/interviews/{interview}/scorecard",
            "/api/v1/me/work",
        ];

        await CompareAsync(admin, s => s.AdminApi);
        await CompareAsync(interviewer, s => s.InterviewerApi);
    }

    [Fact]
    public async Task Pages_RunAFixedNumberOfQueries_At10And1000Applications()
    {
        string[] admin =
        [
            "/jobs/{job}/pipeline",
            "/jobs",
            "/candidates",
            "/candidates?q={term}",
            "/candidates/{candidate}",
            "/applications/{application}",
            "/applications/{application}/scorecards",
            "/applications/{application}/debrief",
            "/questions?q=incident",
        ];
        string[] interviewer = ["/interviews/{interview}/kit", "/"];

        await CompareAsync(admin, s => s.AdminBrowser);
        await CompareAsync(interviewer, s => s.InterviewerBrowser);
    }

    private async Task CompareAsync(IEnumerable<string> templates, Func<Side, HttpClient> client)
    {
        var mismatches = new List<string>();
        foreach (var template in templates)
        {
            // A first request on each side fills what is cached per process (parsed kits) and
            // records the token's or session's first use (a throttled write); then both are counted.
            await client(orgs.Ten).GetAsync(new Uri(orgs.Ten.Url(template), UriKind.Relative));
            await client(orgs.Thousand).GetAsync(new Uri(orgs.Thousand.Url(template), UriKind.Relative));
            var ten = await CountAsync(client(orgs.Ten), orgs.Ten.Url(template));
            var thousand = await CountAsync(client(orgs.Thousand), orgs.Thousand.Url(template));
            output.WriteLine($"{template}: {ten} queries at 10, {thousand} at 1,000");
            if (ten != thousand)
            {
                mismatches.Add($"{template}: {ten} at 10, {thousand} at 1,000");
            }
        }

        Assert.Empty(mismatches);
    }

    private static async Task<int> CountAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return QueryCounts.Queries(response);
    }

    /// <summary>One seeded organisation: its members' clients and the ids the URLs need.</summary>
    public sealed record Side(HttpClient AdminApi, HttpClient InterviewerApi, HttpClient AdminBrowser, HttpClient InterviewerBrowser, IReadOnlyDictionary<string, string> Ids)
    {
        public string Url(string template) => Ids.Aggregate(template, (url, id) => url.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
    }

    public sealed class Orgs : IAsyncLifetime
    {
        public HirekitApp App { get; private set; } = null!;

        public Side Ten { get; private set; } = null!;

        public Side Thousand { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await HirekitApp.StartAsync();
            Ten = await SeedAsync("Ten", new DemoScale("ten", 2, 10, 10, [10], 20, 60, 4));
            Thousand = await SeedAsync("Thousand", new DemoScale("thousand", 2, 1_000, 1_000, [1_000], 2_000, 6_000, 12));
        }

        public async Task DisposeAsync() => await App.DisposeAsync();

        private async Task<Side> SeedAsync(string name, DemoScale scale)
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(App.Services);
            var seeded = await seeder.HandleAsync(new DemoSeeder.Request($"Query count {name}", scale, HirekitApp.Password), null, CancellationToken.None);
            Assert.True(seeded.IsSuccess, seeded.Error?.Message);
            var report = seeded.Value;
            var admin = await MemberAsync(report.AdminEmail, report.Organization.Id, Role.Admin);
            var interviewer = await MemberAsync(report.Interviewers[0].Email, report.Organization.Id, Role.Interviewer);
            var job = report.LargestJobs[0].Id;
            await using var connection = await App.Database.Connections.OpenAsync(CancellationToken.None);
            var application = await connection.ExecuteScalarAsync<string>(
                """
                SELECT CAST(s.application_id AS TEXT) FROM scorecards s JOIN applications a ON a.id = s.application_id
                WHERE s.organization_id = @OrganizationId AND a.job_id = @JobId AND s.status = 'submitted'
                GROUP BY s.application_id ORDER BY COUNT(*) DESC, s.application_id LIMIT 1
                """,
                new { OrganizationId = report.Organization.Id, JobId = job });
            var candidate = await connection.ExecuteScalarAsync<string>(
                "SELECT CAST(candidate_id AS TEXT) FROM applications WHERE id = @Id", new { Id = Guid.Parse(application!) });
            var ids = new Dictionary<string, string>
            {
                ["job"] = job.ToString(),
                ["application"] = application!,
                ["candidate"] = candidate!,
                ["interview"] = await LiveInterviewAsync(connection, report.Interviewers[0].Interviews.Select(i => i.Id)),
                ["term"] = Uri.EscapeDataString(report.CandidateNames[0].Split(' ')[^1]),
            };
            return new Side(
                App.Api(await App.TokenForAsync(admin)),
                App.Api(await App.TokenForAsync(interviewer)),
                await App.SignedInBrowserAsync(admin),
                await App.SignedInBrowserAsync(interviewer),
                ids);
        }

        /// <summary>
        /// The first of the interviewer's open interviews that is a live round: a written screen's
        /// review also reads the candidate's answers, so both sides must compare the same kind.
        /// </summary>
        private static async Task<string> LiveInterviewAsync(System.Data.Common.DbConnection connection, IEnumerable<Guid> interviews)
        {
            foreach (var id in interviews)
            {
                if (await connection.ExecuteScalarAsync<string>("SELECT stage_kind FROM interviews WHERE id = @Id", new { Id = id }) != "async_screen")
                {
                    return id.ToString();
                }
            }

            throw new InvalidOperationException("The interviewer has no open live interview.");
        }

        private async Task<TestMember> MemberAsync(string email, Guid organizationId, Role role)
        {
            var user = await App.Get<IAccountStore>().FindUserByEmailAsync(email, CancellationToken.None)
                ?? throw new InvalidOperationException($"{email} was not seeded.");
            return new TestMember(user.Id, organizationId, email, role, user.DisplayName);
        }
    }
}
