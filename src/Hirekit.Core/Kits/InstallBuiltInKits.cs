using Hirekit.Core.Accounts;

namespace Hirekit.Core.Kits;

/// <summary>
/// Brings the built-in kits of one organisation, or of every organisation, up to the shipped
/// content. Runs when an organisation is created and when the server starts (which also delivers
/// new kit content to existing organisations after an upgrade). Idempotent.
/// </summary>
public sealed class InstallBuiltInKits(BuiltInKitCatalog catalog, IKitStore kits, IAccountStore accounts, TimeProvider time)
{
    /// <returns>How many kit versions were installed.</returns>
    public async Task<int> HandleAsync(Guid organizationId, CancellationToken ct)
    {
        var installed = 0;
        foreach (var kit in catalog.Kits)
        {
            if (await kits.InstallBuiltInAsync(organizationId, kit, time.GetUtcNow(), ct) is not null)
            {
                installed++;
            }
        }

        return installed;
    }

    public async Task<int> EverywhereAsync(CancellationToken ct)
    {
        var installed = 0;
        foreach (var organizationId in await accounts.ListOrganizationIdsAsync(ct))
        {
            installed += await HandleAsync(organizationId, ct);
        }

        return installed;
    }
}
