using System.Text.Json;
using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.Applications;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Debriefs;
using Hirekit.Core.Jobs;
using Hirekit.Core.Scorecards;
using Hirekit.Core.Security;
using Hirekit.Testing;

namespace Hirekit.Cli.Tests;

/// <summary>
/// The bulk seeder of <c>hirekit demo seed</c> at a tiny size, checked through the product's own
/// read paths: boards, candidate search, scorecards and debriefs must agree with the rows written.
/// </summary>
public sealed class DemoCommandsTests : IAsyncLifetime
{
    private const string Password = "Demo-seed-password-2026";

    private static readonly string[] TinyLarge =
    [
        "demo", "seed", "--scale", "large", "--org", "Tiny Demo", "--jobs", "5", "--candidates", "80", "--applications", "120",
        "--largest-job", "50", "--interviews", "160", "--ratings", "500", "--interviewers", "12",
    ];

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Seed_AtATinySize_WritesConsistentDataThatTheProductReads()
    {
        var manifestFile = Path.Combine(_db.Directory, "demo.json");

        var outcome = await CliRun.RunAsync(_db, Password, [.. TinyLarge, "--manifest", manifestFile]);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("Seeded 'Tiny Demo' (large)", outcome.Out, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(manifestFile));
        var root = manifest.RootElement;
        var organizationId = root.GetProperty("organization").GetProperty("id").GetGuid();
        var admin = await _db.Get<IAccountStore>().FindUserByEmailAsync(root.GetProperty("admin").GetString()!, CancellationToken.None);
        Assert.NotNull(admin);
        Assert.NotEqual(PasswordCheck.Failed, PasswordHasher.Verify(Password, admin.PasswordHash));
        var actor = new Actor(admin.Id, organizationId, Role.Admin, admin.DisplayName);

        await using var connection = await _db.Connections.OpenAsync(CancellationToken.None);
        long Count(string table) => connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table} WHERE organization_id = @organizationId", new { organizationId });
        Assert.Equal(5, Count("jobs"));
        Assert.Equal(80, Count("candidates"));
        Assert.Equal(120, Count("applications"));
        Assert.Equal(160, Count("interviews"));
        var ratings = Count("scorecard_ratings");
        Assert.InRange(ratings, 400, 600); // the plan aims at the total through whole scorecards
        var rows = root.GetProperty("rows");
        Assert.Equal(ratings, rows.GetProperty("scorecard_ratings").GetInt64());
        Assert.Equal(Count("scorecards"), Count("interview_interviewers"));

        // Every job's board: the column counts (kept counters) match the applications, and every card is in its column.
        var getPipeline = _db.Get<GetPipeline>();
        var jobSizes = root.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("id").GetGuid(), j => j.GetProperty("applications").GetInt32());
        Assert.Equal(50, jobSizes.Values.Max());
        var jobIds = (await connection.QueryAsync<string>("SELECT CAST(id AS TEXT) FROM jobs WHERE organization_id = @organizationId", new { organizationId })).Select(Guid.Parse).ToList();
        var total = 0;
        foreach (var jobId in jobIds)
        {
            var board = await getPipeline.HandleAsync(actor, jobId, CancellationToken.None);
            Assert.True(board.IsSuccess);
            var counted = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM applications WHERE organization_id = @organizationId AND job_id = @jobId", new { organizationId, jobId });
            Assert.Equal(counted, board.Value.Columns.Sum(c => c.Count));
            foreach (var column in board.Value.Columns)
            {
                Assert.True(column.Cards.Count == Math.Min(column.Count, GetPipeline.CardsPerColumn), $"{column.Name}: {column.Cards.Count} cards, count {column.Count}");
            }

            if (jobSizes.TryGetValue(jobId, out var size))
            {
                Assert.Equal(size, board.Value.Columns.Sum(c => c.Count));
            }

            Assert.NotEmpty(await _db.Get<IJobStore>().GetLoopAsync(organizationId, jobId, CancellationToken.None));
            total += board.Value.Columns.Sum(c => c.Count);
        }

        Assert.Equal(120, total);

        // Full-text search finds a seeded candidate by name, as for one created through the product.
        var name = root.GetProperty("candidateNames")[0].GetString()!;
        var found = await _db.Get<ListCandidates>().HandleAsync(actor, new CandidateQuery(name, null, null, null, CandidateSorts.Newest, null, 50), CancellationToken.None);
        Assert.Contains(found.Value.Items, c => c.Name == name);

        // A debrief of an application with submitted scorecards levels its competencies.
        var applicationId = Guid.Parse(await connection.ExecuteScalarAsync<string>(
            "SELECT CAST(application_id AS TEXT) FROM scorecards WHERE organization_id = @organizationId AND status = 'submitted' ORDER BY application_id LIMIT 1",
            new { organizationId }) ?? throw new InvalidOperationException("no submitted scorecard"));
        var debrief = await _db.Get<GetDebrief>().HandleAsync(actor, applicationId, CancellationToken.None);
        Assert.True(debrief.IsSuccess);
        Assert.NotEmpty(debrief.Value.Submitted);
        Assert.Contains(debrief.Value.Levelling.Competencies, c => c.Assessed is not null);
        Assert.All(debrief.Value.Submitted, s => Assert.NotEmpty(s.Card.Content.Ratings));

        // An interviewer with an open scorecard in the manifest can read it through the product.
        var interviewer = root.GetProperty("interviewers")[0];
        var member = await _db.Get<IAccountStore>().FindUserByEmailAsync(interviewer.GetProperty("email").GetString()!, CancellationToken.None);
        var interviewId = interviewer.GetProperty("interviews")[0].GetProperty("id").GetGuid();
        var own = await _db.Get<GetOwnScorecard>().HandleAsync(new Actor(member!.Id, organizationId, Role.Interviewer, member.DisplayName), interviewId, CancellationToken.None);
        Assert.True(own.IsSuccess);

        // Drafts left past the reminder delay were reminded "at the time", so the first start of
        // the server does not send a backlog of reminders.
        var due = await _db.Get<IScorecardStore>().ListDueRemindersAsync(DateTimeOffset.UtcNow - SendScorecardReminders.After, 10, CancellationToken.None);
        Assert.Empty(due);
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM scorecards WHERE reminded_at IS NOT NULL") > 0, "no overdue drafts in the seeded data to check against");
    }

    [Fact]
    public async Task Seed_IntoAnOrganisationWithData_IsRefusedAndWritesNothingMore()
    {
        Assert.Equal(0, (await CliRun.RunAsync(_db, Password, TinyLarge)).ExitCode);

        var again = await CliRun.RunAsync(_db, Password, TinyLarge);

        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        Assert.Contains("already has jobs or candidates", again.Error, StringComparison.Ordinal);
        await using var connection = await _db.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(80, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM candidates"));
    }

    [Fact]
    public async Task Seed_WithAnUnknownScaleOrImpossibleSizes_IsRefused()
    {
        var unknown = await CliRun.RunAsync(_db, Password, "demo", "seed", "--scale", "huge");
        var impossible = await CliRun.RunAsync(_db, Password, "demo", "seed", "--scale", "large", "--jobs", "2", "--candidates", "10", "--applications", "50");

        Assert.Equal(ExitCodes.Refused, unknown.ExitCode);
        Assert.Contains("small, large, tenth, hundredth", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, impossible.ExitCode);
    }
}
