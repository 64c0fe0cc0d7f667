using Hirekit.Core.Accounts;
using Hirekit.Core.Common;
using Hirekit.Core.Jobs;

namespace Hirekit.Core.Careers;

public interface ICareersStore
{
    Task<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken ct);

    /// <summary>Open jobs of the organisation, newest first.</summary>
    Task<IReadOnlyList<Job>> ListOpenJobsAsync(Guid organizationId, CancellationToken ct);

    Task<Job?> FindOpenJobAsync(Guid organizationId, string jobSlug, CancellationToken ct);
}

public sealed record CareersPage(Organization Organization, IReadOnlyList<Job> Jobs);

public sealed record CareersJob(Organization Organization, Job Job);

/// <summary>The public careers pages: no sign-in, open jobs only; paused, closed and draft jobs are "not found".</summary>
public sealed class GetCareers(ICareersStore store)
{
    public static readonly Error NotFound = Error.NotFound("careers.not_found", "There is no such open position.");

    public async Task<Result<CareersPage>> HandleAsync(string orgSlug, CancellationToken ct)
    {
        var organization = await store.FindOrganizationBySlugAsync(orgSlug ?? "", ct);
        return organization is null ? NotFound : new CareersPage(organization, await store.ListOpenJobsAsync(organization.Id, ct));
    }

    public async Task<Result<CareersJob>> JobAsync(string orgSlug, string jobSlug, CancellationToken ct)
    {
        var organization = await store.FindOrganizationBySlugAsync(orgSlug ?? "", ct);
        var job = organization is null ? null : await store.FindOpenJobAsync(organization.Id, jobSlug ?? "", ct);
        return job is null ? NotFound : new CareersJob(organization!, job);
    }
}
