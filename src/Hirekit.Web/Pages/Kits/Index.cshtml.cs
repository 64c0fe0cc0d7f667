using Hirekit.Core.Kits;

namespace Hirekit.Web.Pages.Kits;

/// <summary>The kit library: the built-in templates and the organisation's own kits.</summary>
public sealed class IndexModel(ListKits listKits) : KitPageModel
{
    public IReadOnlyList<KitSummary> Kits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Kits = (await listKits.HandleAsync(Actor, ct))
            .OrderBy(k => k.Origin == KitOrigins.BuiltIn ? 0 : 1)
            .ThenBy(k => k.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
}
