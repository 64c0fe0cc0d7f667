using Dapper;
using Hirekit.Core.Accounts;
using Hirekit.Core.Careers;
using Hirekit.Core.Jobs;
using Hirekit.Data.Accounts;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Jobs;

/// <summary>Anonymous reads for the careers pages: an organisation by its public slug and its open jobs.</summary>
public sealed class CareersStore(IDbConnectionFactory db) : ICareersStore
{
    public async Task<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<OrganizationRow>(new CommandDefinition(
            "SELECT id, name, slug, created_at FROM organizations WHERE slug = @Slug", new { Slug = slug }, cancellationToken: ct));
        return row?.ToOrganization();
    }

    public async Task<IReadOnlyList<Job>> ListOpenJobsAsync(Guid organizationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<JobStore.JobRow>(new CommandDefinition(
            $"SELECT {JobStore.JobColumns} FROM jobs j WHERE j.organization_id = @OrganizationId AND j.status = 'open' ORDER BY j.opened_at DESC, j.id DESC LIMIT 500",
            new { OrganizationId = organizationId },
            cancellationToken: ct));
        return rows.Select(r => r.ToJob()).ToList();
    }

    public async Task<Job?> FindOpenJobAsync(Guid organizationId, string jobSlug, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<JobStore.JobRow>(new CommandDefinition(
            $"SELECT {JobStore.JobColumns} FROM jobs j WHERE j.organization_id = @OrganizationId AND j.slug = @Slug AND j.status = 'open'",
            new { OrganizationId = organizationId, Slug = jobSlug },
            cancellationToken: ct));
        return row?.ToJob();
    }
}
