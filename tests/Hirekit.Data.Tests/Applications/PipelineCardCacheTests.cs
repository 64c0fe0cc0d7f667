using Hirekit.Core.Candidates;
using Hirekit.Data.Applications;

namespace Hirekit.Data.Tests.Applications;

public sealed class PipelineCardCacheTests
{
    private static readonly Guid Org = Guid.NewGuid();

    [Fact]
    public void Cards_AreFoundOnlyAtTheVersionAndShapeTheyWereReadAt()
    {
        var cache = new PipelineCardCache();
        var job = Guid.NewGuid();
        var cards = Cards("Ada");

        cache.Keep(Org, job, 3, "20|applied:", cards);

        Assert.Same(cards, cache.Find(Org, job, 3, "20|applied:"));
        Assert.Null(cache.Find(Org, job, 4, "20|applied:"));
        Assert.Null(cache.Find(Org, job, 3, "50|applied:"));
        Assert.Null(cache.Find(Guid.NewGuid(), job, 3, "20|applied:"));
    }

    [Fact]
    public void AnOlderRead_DoesNotReplaceANewerOne()
    {
        // Two readers miss at once; the one that read the older version finishes last.
        var cache = new PipelineCardCache();
        var job = Guid.NewGuid();
        var newer = Cards("Newer");

        cache.Keep(Org, job, 7, "s", newer);
        cache.Keep(Org, job, 6, "s", Cards("Older"));

        Assert.Same(newer, cache.Find(Org, job, 7, "s"));
    }

    [Fact]
    public void AtCapacity_TheLeastRecentlyReadBoardMakesRoom()
    {
        var cache = new PipelineCardCache();
        var jobs = Enumerable.Range(0, PipelineCardCache.Capacity).Select(_ => Guid.NewGuid()).ToList();
        foreach (var job in jobs)
        {
            cache.Keep(Org, job, 1, "s", Cards("x"));
        }

        Assert.NotNull(cache.Find(Org, jobs[0], 1, "s")); // read again: now the most recent
        cache.Keep(Org, Guid.NewGuid(), 1, "s", Cards("y"));

        Assert.Equal(PipelineCardCache.Capacity, cache.Count);
        Assert.NotNull(cache.Find(Org, jobs[0], 1, "s"));
        Assert.Null(cache.Find(Org, jobs[1], 1, "s"));
    }

    [Fact]
    public async Task ConcurrentMisses_ShareOneRead_AndAFailedReadIsNotKept()
    {
        var cache = new PipelineCardCache();
        var job = Guid.NewGuid();
        var cards = Cards("Ada");
        var release = new TaskCompletionSource<IReadOnlyList<CardPage>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        Task<IReadOnlyList<CardPage>> Read()
        {
            Interlocked.Increment(ref reads);
            return release.Task;
        }

        var waiting = Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.FindOrReadAsync(Org, job, 5, "s", Read))).ToList();
        await Task.Delay(50);
        release.SetResult(cards);
        var results = await Task.WhenAll(waiting);

        Assert.Equal(1, reads);
        Assert.All(results, r => Assert.Same(cards, r));
        Assert.Same(cards, cache.Find(Org, job, 5, "s"));

        // A read that fails reaches its waiters and is not kept; the next miss reads again.
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.FindOrReadAsync(Org, job, 6, "s", () => throw new InvalidOperationException("database gone")));
        var again = await cache.FindOrReadAsync(Org, job, 6, "s", () => Task.FromResult(Cards("Grace")));
        Assert.Equal("Grace", again[0].Cards[0].CandidateName);
    }

    private static IReadOnlyList<CardPage> Cards(string name) =>
        [new CardPage([new PipelineCard(Guid.NewGuid(), Guid.NewGuid(), name, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)], false)];
}
