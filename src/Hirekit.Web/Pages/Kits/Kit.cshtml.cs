using System.Text;
using Hirekit.Core.Kits;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Kits;

/// <summary>
/// One version of a kit, as people read it. One GetKitVersion call plus the version list, so the
/// page costs the same number of queries for a tiny kit as for the built-in one.
/// </summary>
public sealed class KitModel(GetKitVersion getVersion, ListKitVersions listVersions, ForkKit fork, ExportKit export) : KitPageModel
{
    public KitView View { get; private set; } = null!;

    public IReadOnlyList<KitVersionInfo> Versions { get; private set; } = [];

    public Kit Kit => View.Kit;

    public KitSummary Summary => View.Summary;

    public bool IsDraft => View.Version.Status == KitVersionStatuses.Draft;

    public bool IsLatest => View.Version.Number == Summary.LatestVersion;

    /// <summary>Version number to pass on in links: null for the latest published version.</summary>
    public int? VersionParameter => IsLatest ? null : View.Version.Number;

    public string VersionQuery => VersionParameter is { } n ? $"?version={n}" : "";

    public IReadOnlyDictionary<string, string> SubjectNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(Guid kitId, int? version, CancellationToken ct)
    {
        var view = await getVersion.HandleAsync(Actor, new GetKitVersion.Request(kitId, version), ct);
        if (!view.IsSuccess)
        {
            return Refusal(view.Error!) ?? NotFound();
        }

        var versions = await listVersions.HandleAsync(Actor, kitId, ct);
        if (!versions.IsSuccess)
        {
            return Refusal(versions.Error!) ?? NotFound();
        }

        View = view.Value;
        Versions = versions.Value.OrderByDescending(v => v.Number).ToList();
        SubjectNames = Kit.Competencies.Select(c => (c.Id, c.Name))
            .Concat(Kit.Traits.Select(t => (t.Id, t.Name)))
            .GroupBy(p => p.Id)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return Page();
    }

    /// <summary>The version as one YAML document, downloaded as a file. Readers may export too.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid kitId, int? version, CancellationToken ct)
    {
        var result = await export.HandleAsync(Actor, kitId, version, ct);
        return result.IsSuccess
            ? File(Encoding.UTF8.GetBytes(result.Value.Yaml), "application/yaml; charset=utf-8", result.Value.FileName)
            : Refusal(result.Error!) ?? NotFound();
    }

    public async Task<IActionResult> OnPostForkAsync(Guid kitId, int? version, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var result = await fork.HandleAsync(Actor, new ForkKit.Request(kitId, version, null, null), ct);
        if (!result.IsSuccess)
        {
            if (Refusal(result.Error!) is { } refusal)
            {
                return refusal;
            }

            Flash = result.Error!.Message;
            return RedirectToPage(new { kitId, version });
        }

        Flash = $"Forked as “{result.Value.Name}”. Edit its draft to make it yours; version 1 is the original content.";
        return Redirect($"/kits/{result.Value.Id}");
    }

    public string QuestionHref(string questionKey) => $"/kits/{Summary.Id}/questions/{Uri.EscapeDataString(questionKey)}{VersionQuery}";

    public string SubjectOf(Question question) =>
        (question.Competency ?? question.Trait) is { } id && SubjectNames.TryGetValue(id, out var name) ? name : "";

    public string VersionLabel(KitVersionInfo version) =>
        version.Status == KitVersionStatuses.Draft
            ? $"Version {version.Number} (draft)"
            : version.Number == Summary.LatestVersion ? $"Version {version.Number} (latest)" : $"Version {version.Number}, {KitText.Date(version.PublishedAt)}";
}
