using System.Collections.Concurrent;
using Hirekit.Core.Common;

namespace Hirekit.Core.Tests.Common;

public sealed class IdsTests
{
    // Both engines order ids as their text (SQLite) or bytes (PostgreSQL uuid): the same order.
    private static int Compare(Guid a, Guid b) => string.CompareOrdinal(a.ToString(), b.ToString());

    [Fact]
    public void EachIdIsGreaterThanTheOneBefore_EvenWithinOneMillisecond()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => Ids.New()).ToList();

        for (var i = 1; i < ids.Count; i++)
        {
            Assert.True(Compare(ids[i - 1], ids[i]) < 0, $"id {i} is not after id {i - 1}: {ids[i - 1]} then {ids[i]}");
        }
    }

    [Fact]
    public void AnIdIsVersion7WithTheRfcVariant_AndCarriesTheCurrentMillisecond()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var id = Ids.New();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        var milliseconds = Convert.ToInt64(id.ToString("N")[..12], 16);
        Assert.InRange(milliseconds, before, after + 1);
    }

    [Fact]
    public void WhenTheClockStepsBack_IdsStillRise()
    {
        var first = Ids.New();
        var fromThePast = Ids.New(DateTimeOffset.UtcNow.AddMinutes(-5));

        Assert.True(Compare(first, fromThePast) < 0);
    }

    [Fact]
    public void IdsMadeOnManyThreads_AreUnique_AndRiseWithinEachThread()
    {
        var all = new ConcurrentBag<Guid>();
        Parallel.For(0, 8, _ =>
        {
            var previous = Guid.Empty;
            for (var i = 0; i < 10_000; i++)
            {
                var id = Ids.New();
                Assert.True(Compare(previous, id) < 0);
                previous = id;
                all.Add(id);
            }
        });

        Assert.Equal(80_000, all.Distinct().Count());
    }
}
