namespace Hirekit.Core.Common;

/// <summary>A page of a list. <see cref="HasMore"/> is known without counting the whole set.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, bool HasMore);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Clamps client-supplied paging to sane bounds instead of failing on them.</summary>
    public static (int Page, int PageSize) Normalize(int? page, int? pageSize)
    {
        var p = page is null or < 1 ? 1 : page.Value;
        var size = pageSize is null or < 1 ? DefaultPageSize : Math.Min(pageSize.Value, MaxPageSize);
        return (p, size);
    }

    /// <summary>
    /// Builds a page from rows fetched with <c>LIMIT pageSize + 1</c>: the extra row only signals
    /// that another page exists.
    /// </summary>
    public static Page<T> FromOverfetch<T>(IReadOnlyList<T> rows, int page, int pageSize)
    {
        var hasMore = rows.Count > pageSize;
        var items = hasMore ? rows.Take(pageSize).ToList() : rows;
        return new Page<T>(items, page, pageSize, hasMore);
    }
}
