using System.Collections.Concurrent;

namespace Hirekit.Data.Applications;

/// <summary>
/// The cards of recently read boards, each kept under the job's pipeline version
/// (<c>pipeline_versions</c>, raised by triggers on every change a card can show; ADR 22). A
/// reader compares the version it has just read with the cached one and uses the cards only on
/// an exact match, so a board is never older than the last committed change it could see.
/// Bounded: at <see cref="Capacity"/> jobs, the least recently read entry makes room (misses
/// racing each other may overshoot by as many entries as there are concurrent requests).
/// </summary>
public sealed class PipelineCardCache
{
    public const int Capacity = 500;

    private readonly ConcurrentDictionary<(Guid Organization, Guid Job), Entry> _entries = new();
    private readonly ConcurrentDictionary<(Guid Organization, Guid Job, long Version, string Shape), Lazy<Task<IReadOnlyList<CardPage>>>> _reading = new();
    private readonly object _evictionGate = new();
    private long _clock;

    public int Count => _entries.Count;

    /// <summary>
    /// The card pages (per column, newest first) cached for this job at exactly <paramref name="version"/> and for the same board
    /// <paramref name="shape"/> (its columns and page size), or null.
    /// </summary>
    public IReadOnlyList<CardPage>? Find(Guid organizationId, Guid jobId, long version, string shape)
    {
        if (!_entries.TryGetValue((organizationId, jobId), out var entry) || entry.Version != version || entry.Shape != shape)
        {
            return null;
        }

        Interlocked.Exchange(ref entry.LastRead, Interlocked.Increment(ref _clock));
        return entry.Cards;
    }

    /// <summary>
    /// The cached card pages, or those <paramref name="read"/> returns, kept for the next caller.
    /// Concurrent misses for the same job, version and shape share one read: when a board's
    /// cards are not cached yet, sixteen requests arriving together would otherwise run the
    /// card statement sixteen times and queue for the pool's few connections behind each other.
    /// The shared read runs to the end even if the request that started it is cancelled, since
    /// others wait for it; a read that fails is not kept, and the next miss reads again.
    /// </summary>
    public async Task<IReadOnlyList<CardPage>> FindOrReadAsync(Guid organizationId, Guid jobId, long version, string shape, Func<Task<IReadOnlyList<CardPage>>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Find(organizationId, jobId, version, shape) is { } cached)
        {
            return cached;
        }

        var key = (organizationId, jobId, version, shape);
        var reading = new Lazy<Task<IReadOnlyList<CardPage>>>(async () =>
        {
            var cards = await read();
            Keep(organizationId, jobId, version, shape, cards);
            return cards;
        });
        var shared = _reading.GetOrAdd(key, reading);
        try
        {
            return await shared.Value;
        }
        finally
        {
            _reading.TryRemove(KeyValuePair.Create(key, shared));
        }
    }

    /// <summary>Keeps cards read at <paramref name="version"/>, unless a newer version is already kept.</summary>
    public void Keep(Guid organizationId, Guid jobId, long version, string shape, IReadOnlyList<CardPage> cards)
    {
        var fresh = new Entry(version, shape, cards) { LastRead = Interlocked.Increment(ref _clock) };
        if (!_entries.ContainsKey((organizationId, jobId)) && _entries.Count >= Capacity)
        {
            EvictLeastRecentlyRead();
        }

        _entries.AddOrUpdate((organizationId, jobId), fresh, (_, kept) => kept.Version > version ? kept : fresh);
    }

    private void EvictLeastRecentlyRead()
    {
        // Only on a miss with a full cache: one scan of at most Capacity entries.
        lock (_evictionGate)
        {
            while (_entries.Count >= Capacity)
            {
                var oldest = _entries.MinBy(e => Interlocked.Read(ref e.Value.LastRead));
                _entries.TryRemove(oldest.Key, out _);
            }
        }
    }

    private sealed class Entry(long version, string shape, IReadOnlyList<CardPage> cards)
    {
        public long LastRead;

        public long Version { get; } = version;

        public string Shape { get; } = shape;

        public IReadOnlyList<CardPage> Cards { get; } = cards;
    }
}
