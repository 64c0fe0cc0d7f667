using Hirekit.Core.Audit;
using Hirekit.Core.Common;

namespace Hirekit.Core.Accounts;

/// <summary>Creates an organisation (scripted installs: <c>hirekit orgs create</c>).</summary>
public sealed class CreateOrganization(IAccountStore store, TimeProvider time)
{
    public const int MaxNameLength = 120;

    public sealed record Request(string Name);

    public async Task<Result<Organization>> HandleAsync(Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            return Error.Validation("name", $"The organisation name needs 1 to {MaxNameLength} characters.");
        }

        var now = time.GetUtcNow();
        var organization = new Organization(Ids.New(), name, Slugs.From(name), now);
        var created = await store.CreateOrganizationAsync(organization, AuditEntry.System(organization.Id, null, "organization.created", "organization", organization.Id, now), ct);
        return created ? organization : Error.Conflict("organization.name_taken", "An organisation with that name (or web address) already exists.");
    }
}
