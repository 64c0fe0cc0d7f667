using System.Data.Common;
using Hirekit.Data.Connections;
using Microsoft.Data.Sqlite;

namespace Hirekit.Data.Dialects;

public sealed class SqliteDialect : ISqlDialect
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string MigrationsFolder => "Sqlite";

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } e
        && e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    /// <summary>
    /// FTS5 (ADR 25, ADR 28): tier 1 reads the index of names and e-mails, tier 2 the index of
    /// everything minus the tier 1 keys (a set SQLite builds once per statement). CROSS JOIN keeps
    /// the index as the outer loop, so FTS5 hands rows over in descending rowid order and each
    /// tier stops at the page.
    /// </summary>
    public CandidateSearchSql CandidateSearch(IReadOnlyList<string> terms)
    {
        var all = "(" + string.Join(" ", terms.Select(t => $"\"{t}\"*")) + ")";
        return new(
            new("candidate_names_fts nf CROSS JOIN candidates c ON c.search_id = nf.rowid", "nf.rowid", "candidate_names_fts MATCH @Match", all),
            new(
                "candidates_fts cf CROSS JOIN candidates c ON c.search_id = cf.rowid",
                "cf.rowid",
                "candidates_fts MATCH @Match AND cf.rowid NOT IN (SELECT rowid FROM candidate_names_fts WHERE candidate_names_fts MATCH @Match)",
                all),
            CandidateSearchReading.IndexInKeyOrder);
    }

    /// <summary>The parameter itself: SQLite has no plan cache to steer (the pool keeps prepared statements, ADR 30).</summary>
    public string PlannedOnce(string parameter) => parameter;

    public System.Collections.IList IdList(IEnumerable<Guid> ids) => ids.Select(id => id.ToString("D")).ToArray();

    /// <summary>Writes are serialised by SQLite, so the next key is simply one past the largest.</summary>
    public string NextCandidateSearchId => "(SELECT COALESCE(MAX(search_id), 0) + 1 FROM candidates)";

    public IBulkLoader BulkLoader(DbConnection connection, DbTransaction transaction) => new SqliteBulkLoader(connection, transaction);

    /// <summary>
    /// SQLite never analyses on its own, and without statistics its planner guesses: it walked
    /// 100,000 candidates to list a 1,000-application job. analysis_limit samples about 1,000
    /// rows per index, so this takes milliseconds on a gigabyte-sized file (ADR 21).
    /// </summary>
    public string? RefreshStatisticsSql => Analyze;

    internal const string Analyze = "PRAGMA analysis_limit = 1000; ANALYZE;";

    /// <summary>FTS5 with the porter tokenizer; bm25 weights title 10, prompt 4, the rest 1 (lower is better).</summary>
    public TextSearchSql QuestionSearch(IReadOnlyList<string> terms) => new(
        "JOIN kit_document_questions_fts f ON f.rowid = q.id",
        "kit_document_questions_fts MATCH @Match",
        "bm25(kit_document_questions_fts, 10.0, 4.0, 1.0)",
        string.Join(" ", terms.Select(t => $"\"{t}\"*")));
}
