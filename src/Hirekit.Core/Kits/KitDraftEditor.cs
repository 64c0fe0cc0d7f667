using Hirekit.Core.Common;

namespace Hirekit.Core.Kits;

/// <summary>
/// The common path of every draft edit: check the actor may edit this kit, open the draft (or
/// start one from the latest published version), apply the change, validate the whole kit with
/// the file rules, and save it, refusing if someone else changed the draft meanwhile.
/// </summary>
public sealed class KitDraftEditor(IKitStore kits, KitDocumentCache cache, TimeProvider time)
{
    /// <param name="Hash">The draft's content hash, or null when there is no draft yet (the kit is then the latest published version).</param>
    public sealed record Draft(KitSummary Summary, Kit Kit, string? Hash);

    public static readonly Error Stale = Error.Conflict("kit.draft_changed", "The draft changed since you opened it. Reload it and apply your change again.");

    public async Task<Result<Draft>> OpenAsync(Actor actor, Guid kitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var summary = await kits.FindAsync(actor.OrganizationId, kitId, ct);
        if (summary is null)
        {
            return KitAccess.NotFound;
        }

        if (!KitAccess.CanEdit(actor))
        {
            return KitAccess.Forbidden;
        }

        if (summary.ReadOnly)
        {
            return KitAccess.ReadOnly;
        }

        var draft = await kits.FindDraftAsync(actor.OrganizationId, kitId, ct);
        if (draft is not null)
        {
            return new Draft(summary, cache.Get(draft.ContentHash, draft.Document), draft.ContentHash);
        }

        var latest = summary.LatestVersion is { } n ? await kits.FindVersionAsync(actor.OrganizationId, kitId, n, ct) : null;
        return latest is null
            ? Error.NotFound("kit.no_published_version", "This kit has nothing to edit.")
            : new Draft(summary, cache.Get(latest.ContentHash, latest.Document), null);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the draft and saves it. <paramref name="expectedHash"/>,
    /// when the caller sends one (If-Match, a hidden form field), must match the draft they saw.
    /// Returns the new draft hash.
    /// </summary>
    public async Task<Result<string>> EditAsync(Actor actor, Guid kitId, string? expectedHash, Func<Kit, Result<Kit>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var opened = await OpenAsync(actor, kitId, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var draft = opened.Value;
        if (!string.IsNullOrEmpty(expectedHash) && expectedHash != (draft.Hash ?? ""))
        {
            return Stale;
        }

        var changed = change(draft.Kit);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        return await SaveAsync(actor, draft, changed.Value, ct);
    }

    public async Task<Result<string>> SaveAsync(Actor actor, Draft draft, Kit kit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (KitValidation.Check(kit) is { } invalid)
        {
            return invalid;
        }

        if (kit.Info.Slug != draft.Summary.Slug)
        {
            return Error.Validation("kit.slug", "A kit's slug cannot change; import the document as a new kit instead.");
        }

        var document = KitDocument.From(kit);
        var outcome = await kits.SaveDraftAsync(actor.OrganizationId, draft.Summary.Id, draft.Hash, document, actor.UserId, time.GetUtcNow(), ct);
        return outcome == DraftSaveOutcome.Saved ? document.ContentHash : Stale;
    }
}
