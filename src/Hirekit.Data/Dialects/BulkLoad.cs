namespace Hirekit.Data.Dialects;

/// <summary>How a bulk-loaded column is stored; each engine maps it to its own form.</summary>
public enum BulkType
{
    /// <summary>A UUID: canonical text on SQLite, <c>uuid</c> on PostgreSQL.</summary>
    Id,
    Text,

    /// <summary>A 32-bit integer (<c>integer</c>).</summary>
    Integer,

    /// <summary>0/1 on SQLite, <c>boolean</c> on PostgreSQL.</summary>
    Boolean,

    /// <summary>An instant: fixed-width ISO-8601 UTC text on SQLite, <c>timestamptz</c> on PostgreSQL.</summary>
    Instant,

    /// <summary>
    /// <c>candidates.search_id</c>, the integer key of the candidate full-text index. SQLite stores
    /// the value given; PostgreSQL leaves the column out and its identity column assigns one.
    /// </summary>
    SearchKey,
}

public sealed record BulkColumn(string Name, BulkType Type);

/// <summary>The values of one row, set column by column in the order of the table's column list.</summary>
public interface IBulkRow
{
    void Id(Guid? value);

    void Text(string? value);

    void Integer(int? value);

    void Boolean(bool value);

    void Instant(DateTimeOffset? value);

    void SearchKey(long value);
}

/// <summary>
/// Writes many rows fast inside an open transaction: batched multi-row INSERTs through prepared
/// commands on SQLite, binary COPY on PostgreSQL. Triggers and constraints apply as for any
/// insert. For seeding and imports of generated data, never for request paths.
/// </summary>
public interface IBulkLoader
{
    /// <param name="fill">Called once per row, in order, to set that row's values.</param>
    /// <returns>The number of rows written.</returns>
    Task<long> WriteAsync(string table, IReadOnlyList<BulkColumn> columns, int count, Action<int, IBulkRow> fill, CancellationToken ct);

    /// <summary>The first free value for <see cref="BulkType.SearchKey"/> columns (unused on engines that assign their own).</summary>
    Task<long> NextSearchKeyAsync(CancellationToken ct);

    /// <summary>
    /// After the transaction committed: what the engine needs after a large load to serve it well
    /// (SQLite: fold the write-ahead log into the database; PostgreSQL: vacuum and analyse, as
    /// autovacuum would soon do).
    /// </summary>
    Task AfterLoadAsync(CancellationToken ct);
}
