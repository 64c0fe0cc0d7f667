using Hirekit.Core.Common;

namespace Hirekit.Core.Kits;

/// <summary>
/// The latest published version of every kit of the organisation, for pages that need names from
/// all of them (the question bank). Two queries at most whatever the number of kits: the hashes,
/// then only the documents not already parsed in the cache.
/// </summary>
public sealed class LatestKits(IKitStore kits, KitDocumentCache cache)
{
    public async Task<IReadOnlyDictionary<Guid, Kit>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var latest = await kits.ListLatestHashesAsync(actor.OrganizationId, ct);
        var missing = latest.Select(l => l.ContentHash).Where(h => !cache.TryGet(h, out _)).Distinct().ToList();
        var documents = missing.Count == 0 ? new Dictionary<string, string>() : await kits.GetDocumentsAsync(actor.OrganizationId, missing, ct);
        var result = new Dictionary<Guid, Kit>();
        foreach (var (kitId, hash) in latest)
        {
            if (cache.TryGet(hash, out var kit))
            {
                result[kitId] = kit;
            }
            else if (documents.TryGetValue(hash, out var document))
            {
                result[kitId] = cache.Get(hash, document);
            }
        }

        return result;
    }
}
