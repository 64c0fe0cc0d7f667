using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits;

/// <summary>What changed between two versions of a kit, section by section and field by field.</summary>
public sealed class DiffModel(ListKitVersions listVersions, DiffKitVersions diff) : KitPageModel
{
    public Guid KitId { get; private set; }

    public IReadOnlyList<KitVersionInfo> Versions { get; private set; } = [];

    public int? From { get; private set; }

    public int? To { get; private set; }

    public DiffKitVersions.Response? Result { get; private set; }

    public IReadOnlyList<IGrouping<string, KitChange>> Sections { get; private set; } = [];

    public string KitName => Result?.To.Summary.Name ?? "Kit";

    public async Task<IActionResult> OnGetAsync(Guid kitId, int? from, int? to, CancellationToken ct)
    {
        KitId = kitId;
        var versions = await listVersions.HandleAsync(Actor, kitId, ct);
        if (!versions.IsSuccess)
        {
            return Refusal(versions.Error!) ?? NotFound();
        }

        Versions = versions.Value.OrderByDescending(v => v.Number).ToList();
        var published = Versions.Where(v => v.Status == KitVersionStatuses.Published).Select(v => v.Number).ToList();
        To = to ?? (published.Count > 0 ? published.Max() : null);
        From = from ?? Versions.Select(v => (int?)v.Number).Where(n => n < To).Max();
        if (From is not { } a || To is not { } b)
        {
            return Page();
        }

        var result = await diff.HandleAsync(Actor, kitId, a, b, ct);
        if (!result.IsSuccess)
        {
            return Refusal(result.Error!) ?? NotFound();
        }

        Result = result.Value;
        Sections = Result.Changes.GroupBy(c => c.Section).ToList();
        return Page();
    }

    public string VersionLabel(KitVersionInfo version) =>
        version.Status == KitVersionStatuses.Draft ? $"Version {version.Number} (draft)" : $"Version {version.Number}, {KitText.Date(version.PublishedAt)}";

    /// <summary>A link to the changed item in the newer version, where the kit page shows it.</summary>
    public string? ItemHref(KitChange change)
    {
        if (Result is null || change.Type == ChangeType.Removed)
        {
            return null;
        }

        var kit = $"/kits/{KitId}?version={Result.To.Version.Number}";
        return change.Section switch
        {
            "questions" => $"/kits/{KitId}/questions/{Uri.EscapeDataString(change.ItemId)}?version={Result.To.Version.Number}",
            "competencies" => $"{kit}#competency-{change.ItemId}",
            "traits" => $"{kit}#trait-{change.ItemId}",
            "loop_templates" => $"{kit}#loop-{change.ItemId}",
            _ => null,
        };
    }
}
