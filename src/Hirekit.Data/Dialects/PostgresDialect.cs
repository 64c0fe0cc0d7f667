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
    /// A stored tsvector (names and e-mails weighted A, resume text C) with a GIN index; a word
    /// restricted to weight A matches only in the name or e-mail. A GIN index cannot return rows
    /// in key order, and the planner's estimates ignore weights: walking the key index instead
    /// took 154 ms for a common resume word that no name contains. So every match is read once.
    /// </summary>
    public CandidateSearchSql CandidateSearch(IReadOnlyList<string> terms)
    {
        var anywhere = string.Join(" & ", terms.Select(t => $"{t}:*"));
        var nameOrEmail = string.Join(" & ", terms.Select(t => $"{t}:*A"));
        return new(
            "candidates c",
            "c.search @@ to_tsquery('english', @Match)",
            "c.search_id",
            nameOrEmail,
            $"{anywhere} & !({nameOrEmail})",
            anywhere,
            ReadsInKeyOrder: false);
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
