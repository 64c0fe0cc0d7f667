using Hirekit.Core.Common;

namespace Hirekit.Core.Kits;

/// <summary>One version of a kit as people read it, with the organisation's exposure data for its questions.</summary>
public sealed record KitView(
    KitSummary Summary,
    KitVersionRecord Version,
    Kit Kit,
    IReadOnlySet<string> Retired,
    IReadOnlyDictionary<string, int> Uses)
{
    public int UsesOf(string questionKey) => Uses.TryGetValue(questionKey, out var n) ? n : 0;
}

/// <summary>
/// Reads a kit version: the latest published by default, a numbered one, or the draft (editors
/// only). A fixed number of queries whatever the kit's size; the document is parsed once per
/// content hash and cached.
/// </summary>
public sealed class GetKitVersion(IKitStore kits, IQuestionBankStore bank, KitDocumentCache cache)
{
    /// <param name="Number">Null for the latest published version.</param>
    public sealed record Request(Guid KitId, int? Number, bool Draft = false);

    public async Task<Result<KitView>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var summary = await kits.FindAsync(actor.OrganizationId, request.KitId, ct);
        if (summary is null)
        {
            return KitAccess.NotFound;
        }

        KitVersionRecord? version;
        if (request.Draft)
        {
            if (!KitAccess.CanEdit(actor))
            {
                return KitAccess.Forbidden;
            }

            version = await kits.FindDraftAsync(actor.OrganizationId, summary.Id, ct);
            if (version is null)
            {
                return Error.NotFound("kit.no_draft", "This kit has no draft. Edit it to start one.");
            }
        }
        else
        {
            var number = request.Number ?? summary.LatestVersion;
            if (number is null)
            {
                return Error.NotFound("kit.no_published_version", "This kit has no published version yet.");
            }

            version = await kits.FindVersionAsync(actor.OrganizationId, summary.Id, number.Value, ct);
            if (version is null || (version.Status == KitVersionStatuses.Draft && !KitAccess.CanEdit(actor)))
            {
                return Error.NotFound("kit.version_not_found", $"Version {number} of this kit does not exist.");
            }
        }

        var retired = await bank.ListRetiredAsync(actor.OrganizationId, summary.Id, ct);
        var uses = await bank.CountUsesAsync(actor.OrganizationId, summary.Id, ct);
        return new KitView(summary, version, cache.Get(version.ContentHash, version.Document), retired, uses);
    }
}

public sealed class ListKits(IKitStore kits)
{
    public async Task<IReadOnlyList<KitSummary>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await kits.ListAsync(actor.OrganizationId, ct);
    }
}

public sealed class ListKitVersions(IKitStore kits)
{
    public async Task<Result<IReadOnlyList<KitVersionInfo>>> HandleAsync(Actor actor, Guid kitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await kits.FindAsync(actor.OrganizationId, kitId, ct) is null)
        {
            return KitAccess.NotFound;
        }

        var versions = await kits.ListVersionsAsync(actor.OrganizationId, kitId, ct);
        return Result<IReadOnlyList<KitVersionInfo>>.Success(KitAccess.CanEdit(actor) ? versions : versions.Where(v => v.Status == KitVersionStatuses.Published).ToList());
    }
}
