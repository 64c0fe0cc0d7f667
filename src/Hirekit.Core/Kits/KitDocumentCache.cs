using System.Collections.Concurrent;
using Hirekit.Core.Kits.Format;

namespace Hirekit.Core.Kits;

/// <summary>
/// Parsed kit documents by content hash. A document never changes under its hash, so entries
/// never go stale; the cache only bounds its size (parsing the Backend kit costs ~15-30 ms, see
/// bench/README.md, so no request should pay it twice).
/// </summary>
public sealed class KitDocumentCache
{
    private const int Capacity = 64;
    private readonly ConcurrentDictionary<string, Kit> _kits = new(StringComparer.Ordinal);

    public bool TryGet(string contentHash, out Kit kit) => _kits.TryGetValue(contentHash, out kit!);

    /// <summary>
    /// The parsed kit of a stored version, reading its document only when it is not parsed here
    /// yet (requests on jobs and interviews need the kit, rarely a new one). One query either way.
    /// </summary>
    public async Task<Kit?> VersionAsync(IKitStore kits, Guid organizationId, Guid kitId, int number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kits);
        var content = await kits.FindVersionContentAsync(organizationId, kitId, number, [.. _kits.Keys], ct);
        if (content is null)
        {
            return null;
        }

        if (content.Document is null)
        {
            if (_kits.TryGetValue(content.ContentHash, out var kit))
            {
                return kit;
            }

            // Forgotten since the query (the cache was full): read the document after all.
            content = await kits.FindVersionContentAsync(organizationId, kitId, number, [], ct);
        }

        return content?.Document is null ? null : Get(content.ContentHash, content.Document);
    }

    /// <summary>The kit of a stored document. Stored documents were valid when written; an invalid one is a defect.</summary>
    public Kit Get(string contentHash, string document)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        if (_kits.TryGetValue(contentHash, out var kit))
        {
            return kit;
        }

        var result = KitLoader.Parse(document, "stored document");
        kit = result.Kit ?? throw new InvalidOperationException($"Stored kit document {contentHash} is invalid: {(result.Problems.Count > 0 ? result.Problems[0] : null)}");
        if (_kits.Count >= Capacity)
        {
            _kits.Clear(); // crude but safe: a re-parse is the only cost of forgetting
        }

        _kits[contentHash] = kit;
        return kit;
    }
}
