using System.Collections.Concurrent;
using Hirekit.Core.Kits.Format;

namespace Hirekit.Core.Kits;

/// <summary>
/// Parsed kit documents by content hash. A document never changes under its hash, so entries
/// never go stale; the cache only bounds its size (parsing the Backend kit costs ~15-30 ms, see
/// bench/README.md, so no request should pay it twice). It also remembers which hash each
/// published version has: a published version never changes, so a job's kit (always a published
/// version) is found without a query once it has been read.
/// </summary>
public sealed class KitDocumentCache
{
    private const int Capacity = 64;
    private const int PublishedCapacity = 4096;
    private readonly ConcurrentDictionary<string, Kit> _kits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Guid Organization, Guid Kit, int Number), string> _published = new();

    public bool TryGet(string contentHash, out Kit kit) => _kits.TryGetValue(contentHash, out kit!);

    /// <summary>
    /// The parsed kit of a stored version, reading its document only when it is not parsed here
    /// yet (requests on jobs and interviews need the kit, rarely a new one). No query for a
    /// published version read before; one otherwise.
    /// </summary>
    public async Task<Kit?> VersionAsync(IKitStore kits, Guid organizationId, Guid kitId, int number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kits);
        if (_published.TryGetValue((organizationId, kitId, number), out var hash) && _kits.TryGetValue(hash, out var known))
        {
            return known;
        }

        var content = await kits.FindVersionContentAsync(organizationId, kitId, number, [.. _kits.Keys], ct);
        if (content is null)
        {
            return null;
        }

        if (content.Document is null)
        {
            if (_kits.TryGetValue(content.ContentHash, out var kit))
            {
                Remember(organizationId, kitId, number, content);
                return kit;
            }

            // Forgotten since the query (the cache was full): read the document after all.
            content = await kits.FindVersionContentAsync(organizationId, kitId, number, [], ct);
        }

        if (content?.Document is null)
        {
            return null;
        }

        var parsed = Get(content.ContentHash, content.Document);
        Remember(organizationId, kitId, number, content);
        return parsed;
    }

    private void Remember(Guid organizationId, Guid kitId, int number, KitVersionContent content)
    {
        if (!content.Published)
        {
            return; // a draft's content changes with every edit
        }

        if (_published.Count >= PublishedCapacity)
        {
            _published.Clear(); // as crude and as safe as the documents: forgetting costs one query
        }

        _published[(organizationId, kitId, number)] = content.ContentHash;
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
