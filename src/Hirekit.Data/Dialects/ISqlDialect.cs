using System.Data.Common;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Dialects;

/// <summary>
/// The real differences between SQLite and PostgreSQL, and nothing else. Stores write portable
/// SQL and ask the dialect only where the engines truly disagree.
/// </summary>
public interface ISqlDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>The folder name of this dialect's migrations.</summary>
    string MigrationsFolder { get; }

    bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// Full-text matching of the question bank (<c>kit_document_questions</c> aliased <c>q</c>) for
    /// words already reduced to letters and digits: every word must match, as a stemmed prefix.
    /// </summary>
    TextSearchSql QuestionSearch(IReadOnlyList<string> terms);

    /// <summary>
    /// Full-text matching of candidates (aliased <c>c</c>) on name, e-mail and resume text, in the
    /// two tiers of ADR 25, each readable newest first so the engine can stop at a page.
    /// </summary>
    CandidateSearchSql CandidateSearch(IReadOnlyList<string> terms);

    /// <summary>
    /// Ids for an <c>IN @list</c> parameter in the stored form. Dapper's list expansion bypasses
    /// type handlers, so a Guid array would bind as blobs on SQLite and match nothing.
    /// </summary>
    System.Collections.IList IdList(IEnumerable<Guid> ids);

    /// <summary>
    /// A parameter written so the engine's plan cache may keep one plan for the statement, for a
    /// statement whose best plan does not depend on the value. On PostgreSQL an InitPlan,
    /// <c>(SELECT @p)</c>: a custom plan cannot fold the value, so it is estimated exactly as the
    /// generic plan, and after five executions the plan cache keeps the generic one instead of
    /// planning every call (ADR 32, ADR 36). Elsewhere the parameter itself.
    /// </summary>
    string PlannedOnce(string parameter);

    /// <summary>The SQL value for <c>candidates.search_id</c> in an INSERT: the next key of the full-text index.</summary>
    string NextCandidateSearchId { get; }

    /// <summary>The engine's fast path for writing many generated rows in <paramref name="transaction"/> (seeding).</summary>
    IBulkLoader BulkLoader(DbConnection connection, DbTransaction transaction);

    /// <summary>
    /// Refreshes the statistics the query planner chooses indexes by, or null where the engine
    /// keeps them itself (PostgreSQL's autovacuum analyses changed tables).
    /// </summary>
    string? RefreshStatisticsSql { get; }
}

/// <summary>
/// SQL fragments of a full-text search: a join to add, a predicate on <c>@Match</c>, a rank
/// expression that sorts best first in ascending order, and the value to bind as <c>@Match</c>.
/// </summary>
public sealed record TextSearchSql(string Join, string Predicate, string Rank, string Match);

/// <summary>
/// Candidate search fragments (ADR 25, ADR 28). <see cref="NameOrEmail"/> matches every word in
/// the name or e-mail (tier 1); <see cref="Elsewhere"/> every word somewhere but not tier 1
/// (tier 2), so the tiers never overlap. <see cref="Reading"/> says how the store can read each
/// tier a page at a time.
/// </summary>
public sealed record CandidateSearchSql(SearchTierSql NameOrEmail, SearchTierSql Elsewhere, CandidateSearchReading Reading);

/// <summary>
/// One tier: <see cref="From"/> joins its full-text index to <c>candidates c</c>;
/// <see cref="Key"/> is <c>candidates.search_id</c> as that index sees it, newest highest;
/// <see cref="Predicate"/> tests <c>@Match</c>, bound to <see cref="Match"/>. <c>@Match</c> may
/// also appear in <see cref="From"/>; the store renames it per tier in both.
/// </summary>
public sealed record SearchTierSql(string From, string Key, string Predicate, string Match);

/// <summary>How an engine's full-text index lets the store stop at a page.</summary>
public enum CandidateSearchReading
{
    /// <summary>The index hands matches over in descending key order (SQLite FTS5): each tier reads until the page is full.</summary>
    IndexInKeyOrder,

    /// <summary>
    /// Tier 1's source hands over keys newest first (PostgreSQL: a B-tree of name-word prefixes, ADR 32).
    /// Tier 2's index returns matches unordered (GIN) but a row can be tested on its own: it first
    /// tests the newest candidates in key order, a bounded window, and reads the index only when
    /// that window does not fill the page (ADR 28).
    /// </summary>
    WalkThenIndex,
}
