using System.Data.Common;
using Hirekit.Data.Connections;
using Npgsql;

namespace Hirekit.Data.Dialects;

public sealed class PostgresDialect : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string MigrationsFolder => "Postgres";

    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Two stored vectors with GIN indexes (ADR 28): <c>name_search</c> (names and e-mails) for
    /// tier 1, and <c>search</c> (everything) for tier 2, minus the tier 1 rows. A GIN index
    /// cannot return rows in key order, and the planner cannot tell a rare prefix from a common
    /// one, so the store decides how each tier is read (<see cref="CandidateSearchReading.WalkThenIndex"/>).
    /// </summary>
    public CandidateSearchSql CandidateSearch(IReadOnlyList<string> terms)
    {
        var words = string.Join(" & ", terms.Select(t => $"{t}:*"));
        return new(
            new("candidates c", "c.search_id", "c.name_search @@ to_tsquery('english', @Match)", words),
            new("candidates c", "c.search_id", "c.search @@ to_tsquery('english', @Match) AND NOT c.name_search @@ to_tsquery('english', @Match)", words),
            CandidateSearchReading.WalkThenIndex);
    }

    public System.Collections.IList IdList(IEnumerable<Guid> ids) => ids.ToArray();

    /// <summary>An identity column fills it.</summary>
    public string NextCandidateSearchId => "DEFAULT";

    public IBulkLoader BulkLoader(DbConnection connection, DbTransaction transaction) => new PostgresBulkLoader(connection);

    public string? RefreshStatisticsSql => null;

    /// <summary>A stored, weighted tsvector with a GIN index; prefix terms joined with AND, ranked by cover density.</summary>
    public TextSearchSql QuestionSearch(IReadOnlyList<string> terms) => new(
        "",
        "q.search @@ to_tsquery('english', @Match)",
        "-ts_rank_cd(q.search, to_tsquery('english', @Match))",
        string.Join(" & ", terms.Select(t => $"{t}:*")));
}
