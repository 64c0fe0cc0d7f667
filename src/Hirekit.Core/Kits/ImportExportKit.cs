using Hirekit.Core.Common;
using Hirekit.Core.Kits.Format;

namespace Hirekit.Core.Kits;

/// <summary>
/// Imports a kit document (the export format). A new slug creates a kit; the slug of one of the
/// organisation's own kits adds a published version when the content differs (kits as code:
/// edit the YAML, import it again). Built-in slugs are reserved.
/// </summary>
public sealed class ImportKit(IKitStore kits, TimeProvider time)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <param name="Created">True when a new kit was created, false when a version was added (or nothing changed).</param>
    public sealed record Response(KitSummary Kit, int Version, bool Created, bool Changed);

    public async Task<Result<Response>> HandleAsync(Actor actor, string yaml, string fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(yaml);
        if (!KitAccess.CanEdit(actor))
        {
            return KitAccess.Forbidden;
        }

        var result = KitLoader.Parse(yaml, fileName);
        if (!result.IsValid)
        {
            return KitValidation.Invalid(result.Problems, withPositions: true);
        }

        var document = KitDocument.From(result.Kit!);
        var now = time.GetUtcNow();
        var existing = await kits.FindBySlugAsync(actor.OrganizationId, document.Kit.Info.Slug, ct);
        if (existing is null)
        {
            var created = new NewKit(Ids.New(), document.Kit.Info.Slug, document.Kit.Info.Name, KitOrigins.Import, null, null, KitVersionStatuses.Published);
            if (!await kits.CreateAsync(actor.OrganizationId, created, document, actor.UserId, now, ct))
            {
                return Error.Conflict("kit.slug_taken", $"A kit with slug '{document.Kit.Info.Slug}' was created at the same moment; import again.");
            }

            return new Response((await kits.FindAsync(actor.OrganizationId, created.Id, ct))!, 1, true, true);
        }

        if (existing.ReadOnly)
        {
            return Error.Conflict("kit.slug_reserved", $"'{existing.Slug}' is a built-in kit of this organisation. Change kit.slug in the document to import it as your own kit.");
        }

        if (existing.LatestVersion is { } latest && (await kits.FindVersionAsync(actor.OrganizationId, existing.Id, latest, ct))?.ContentHash == document.ContentHash)
        {
            return new Response(existing, latest, false, false);
        }

        var number = await kits.AddPublishedVersionAsync(actor.OrganizationId, existing.Id, document, actor.UserId, now, ct);
        return new Response((await kits.FindAsync(actor.OrganizationId, existing.Id, ct))!, number, false, true);
    }
}

/// <summary>A kit version as one YAML document in the export format, with a file name for downloads.</summary>
public sealed class ExportKit(GetKitVersion getVersion)
{
    public sealed record Response(string FileName, string Yaml);

    public async Task<Result<Response>> HandleAsync(Actor actor, Guid kitId, int? version, CancellationToken ct)
    {
        var view = await getVersion.HandleAsync(actor, new GetKitVersion.Request(kitId, version), ct);
        return view.IsSuccess
            ? new Response($"{view.Value.Kit.Info.Slug}-v{view.Value.Version.Number}.yaml", view.Value.Version.Document)
            : view.Error!;
    }
}
