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

    /// <summary>A stored tsvector (names as written, resume text stemmed) with a GIN index.</summary>
    public TextSearchSql CandidateSearch(IReadOnlyList<string> terms) => new(
        "",
        "c.search @@ to_tsquery('english', @Match)",
        "-ts_rank_cd(c.search, to_tsquery('english', @Match))",
        string.Join(" & ", terms.Select(t => $"{t}:*")));

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
