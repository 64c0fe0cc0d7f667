using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;

namespace Hirekit.Core.Accounts;

/// <summary>Creates an organisation (scripted installs: <c>hirekit orgs create</c>) with the built-in kits installed.</summary>
public sealed class CreateOrganization(IAccountStore store, InstallBuiltInKits installKits, TimeProvider time)
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
        if (!created)
        {
            return Error.Conflict("organization.name_taken", "An organisation with that name (or web address) already exists.");
        }

        // A separate transaction: should it fail, the start-up sweep installs the kits later.
        await installKits.HandleAsync(organization.Id, ct);
        return organization;
    }
}
