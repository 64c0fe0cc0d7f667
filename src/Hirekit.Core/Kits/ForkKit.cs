using Hirekit.Core.Accounts;
using Hirekit.Core.Common;

namespace Hirekit.Core.Kits;

/// <summary>
/// Copies a kit version (the latest published by default) into a new kit of the organisation
/// that the team can edit. The fork's version 1 is published at once with the same content, so it
/// is usable as it is and later diffs show exactly the team's changes.
/// </summary>
public sealed class ForkKit(IKitStore kits, GetKitVersion getVersion, TimeProvider time)
{
    public sealed record Request(Guid KitId, int? Version, string? Name, string? Slug);

    public async Task<Result<KitSummary>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!KitAccess.CanEdit(actor))
        {
            return KitAccess.Forbidden;
        }

        var source = await getVersion.HandleAsync(actor, new GetKitVersion.Request(request.KitId, request.Version), ct);
        if (!source.IsSuccess)
        {
            return source.Error!;
        }

        var view = source.Value;
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{view.Kit.Info.Name} (remix)" : request.Name.Trim();
        if (name.Length > 120)
        {
            return Error.Validation("name", "The kit name can have at most 120 characters.");
        }

        var slug = string.IsNullOrWhiteSpace(request.Slug) ? await FreeSlugAsync(actor.OrganizationId, $"{view.Kit.Info.Slug}-remix", ct) : request.Slug.Trim();
        if (!KitSlugs.IsValid(slug))
        {
            return Error.Validation("slug", "Use lower-case letters, digits and single hyphens, at most 64 characters.");
        }

        var kit = view.Kit with { Info = view.Kit.Info with { Name = name, Slug = slug } };
        var document = KitDocument.From(kit);
        var created = new NewKit(Ids.New(), slug, name, KitOrigins.Fork, view.Summary.Id, view.Version.Number, KitVersionStatuses.Published);
        if (!await kits.CreateAsync(actor.OrganizationId, created, document, actor.UserId, time.GetUtcNow(), ct))
        {
            return Error.Conflict("kit.slug_taken", $"The organisation already has a kit named '{slug}'. Choose another slug.");
        }

        return (await kits.FindAsync(actor.OrganizationId, created.Id, ct))!;
    }

    private async Task<string> FreeSlugAsync(Guid organizationId, string baseSlug, CancellationToken ct)
    {
        var slug = KitSlugs.Fit(baseSlug);
        for (var n = 2; await kits.FindBySlugAsync(organizationId, slug, ct) is not null; n++)
        {
            slug = KitSlugs.Fit(baseSlug, $"-{n}");
        }

        return slug;
    }
}

public static class KitSlugs
{
    public const int MaxLength = 64;

    public static bool IsValid(string? slug) =>
        slug is { Length: > 0 and <= MaxLength } && System.Text.RegularExpressions.Regex.IsMatch(slug, "^[a-z0-9]+(-[a-z0-9]+)*$");

    public static string Fit(string slug, string suffix = "") =>
        (Slugs.From(slug, MaxLength - suffix.Length) + suffix).Trim('-');
}
