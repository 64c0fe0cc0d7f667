using Dapper;
using Hirekit.Core.Candidates;
using Hirekit.Testing;

namespace Hirekit.Cli.Tests;

/// <summary><c>hirekit demo seed</c> without a scale: the small organisation a newcomer clicks through.</summary>
public sealed class SmallDemoTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Seed_FillsASmallOrganisation_AlongTheWholeHiringPath()
    {
        var outcome = await CliRun.RunAsync(_db, "Demo-seed-password-2026", "demo", "seed");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("Seeded 'Hirekit Demo' (small)", outcome.Out, StringComparison.Ordinal);
        await using var connection = await _db.Connections.OpenAsync(CancellationToken.None);
        var organizationId = await connection.QuerySingleAsync<string>("SELECT CAST(id AS TEXT) FROM organizations WHERE name = 'Hirekit Demo'");
        var organization = Guid.Parse(organizationId);
        long Count(string sql) => connection.ExecuteScalar<long>(sql, new { organization, now = _db.Clock.GetUtcNow() });

        Assert.Equal(3, Count("SELECT COUNT(*) FROM jobs WHERE organization_id = @organization AND status = 'open'"));
        Assert.Equal(40, Count("SELECT COUNT(*) FROM candidates WHERE organization_id = @organization"));
        var stages = connection.Query<string>("SELECT DISTINCT stage FROM applications WHERE organization_id = @organization", new { organization }).ToHashSet();
        Assert.Superset(new HashSet<string>([PipelineStages.Applied, PipelineStages.Loop, PipelineStages.Offer, PipelineStages.Hired, PipelineStages.Rejected]), stages);
        Assert.True(Count("SELECT COUNT(*) FROM interviews WHERE organization_id = @organization AND starts_at > @now") > 0, "upcoming interviews");
        Assert.True(Count("SELECT COUNT(*) FROM interviews WHERE organization_id = @organization AND starts_at < @now") > 0, "past interviews");
        Assert.True(Count("SELECT COUNT(*) FROM scorecards WHERE organization_id = @organization AND status = 'submitted'") >= 20);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id WHERE s.organization_id = @organization AND r.level IS NOT NULL AND LENGTH(r.evidence) < 20"));
        Assert.True(Count("SELECT COUNT(*) FROM application_decisions WHERE organization_id = @organization AND outcome = 'hire'") >= 1);
        Assert.True(Count("SELECT COUNT(*) FROM application_decisions WHERE organization_id = @organization AND outcome = 'no_hire'") >= 1);
        Assert.Equal(1, Count("SELECT COUNT(*) FROM offers WHERE organization_id = @organization AND status = 'accepted'"));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM onboarding_plans WHERE organization_id = @organization"));
        Assert.True(Count("SELECT COUNT(*) FROM feedback_reports WHERE organization_id = @organization AND status = 'sent'") >= 1);
        Assert.True(Count("SELECT COUNT(*) FROM feedback_reports WHERE organization_id = @organization AND status = 'draft'") >= 1);
    }
}
