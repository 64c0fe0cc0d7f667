using Hirekit.Core.Common;

namespace Hirekit.Core.Tests.Common;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, null, 1, Paging.DefaultPageSize)]
    [InlineData(0, 0, 1, Paging.DefaultPageSize)]
    [InlineData(3, 10, 3, 10)]
    [InlineData(2, 100_000, 2, Paging.MaxPageSize)]
    [InlineData(-5, -1, 1, Paging.DefaultPageSize)]
    public void Normalize_ClampsClientPaging(int? page, int? size, int expectedPage, int expectedSize) =>
        Assert.Equal((expectedPage, expectedSize), Paging.Normalize(page, size));

    [Fact]
    public void FromOverfetch_UsesTheExtraRowOnlyToSignalAnotherPage()
    {
        var page = Paging.FromOverfetch([1, 2, 3, 4], page: 1, pageSize: 3);

        Assert.Equal([1, 2, 3], page.Items);
        Assert.True(page.HasMore);
        Assert.False(Paging.FromOverfetch([1, 2, 3], 1, 3).HasMore);
    }
}
