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
    /// Tier 1 (ADR 32) reads <c>candidate_name_prefixes</c>, every prefix of every name and e-mail
    /// word: a query word is an equality on its primary key, which hands the keys over newest
    /// first, so the page stops the read. Each proposed row is rechecked against
    /// <c>name_search</c>, the definition of a tier 1 match.
    /// Names and e-mails are indexed as written (the 'simple' configuration), so tier 1 matches
    /// the query words as written too: an English stem is not a prefix of every name ("kennedy"
    /// stems to "kennedi"). Tier 2 reads <c>search</c>, where the name and e-mail are as written
    /// and the resume is English, so each word may match either way.
    /// Tier 2 excludes the tier 1 rows; a GIN index cannot return rows in key order and the planner
    /// cannot tell a rare prefix from a common one, so the store walks a window first
    /// (<see cref="CandidateSearchReading.WalkThenIndex"/>, ADR 28).
    /// </summary>
    public CandidateSearchSql CandidateSearch(IReadOnlyList<string> terms)
    {
        var words = string.Join(" & ", terms.Select(t => $"{t}:*"));
        var asWritten = "(SELECT to_tsquery('simple', @Match))";
        var eitherWay = $"(SELECT {string.Join(" && ", terms.Select((_, i) => $"(to_tsquery('simple', {Word(i)}) || to_tsquery('english', {Word(i)}))"))})";
        return new(
            new(NamePrefixKeys(terms), "k.search_id", $"c.name_search @@ {asWritten}", words),
            new("candidates c", "c.search_id", $"c.search @@ {eitherWay} AND NOT c.name_search @@ {asWritten}", words),
            CandidateSearchReading.WalkThenIndex);
    }

    public string PlannedOnce(string parameter) => $"(SELECT {parameter})";

    /// <summary>Query word i (from 0) of <c>@Match</c> ("w1:* &amp; w2:*"), with its ":*".</summary>
    private static string Word(int i) => $"split_part(@Match, ' & ', {i + 1})";

    /// <summary>The longest prefix <c>candidate_name_prefixes</c> keeps (migration 0015); a longer query word is looked up by its start and rechecked.</summary>
    private const int StoredPrefixLength = 24;

    /// <summary>
    /// The keys of the candidates with a name or e-mail word starting with every query word,
    /// newest first, each joined to its <c>candidates c</c> row by a lookup (LATERAL, and
    /// OFFSET 0 so the planner cannot turn it into a scan of <c>candidates</c>).
    /// Each word's prefix rows come out of the primary key in key order, so one word is read
    /// backwards and stops at the page, and the others are joined to it on the key (a merge join
    /// of ordered streams, or probes: the planner chooses). The longest word drives, as the
    /// likeliest to be rare. A key appears once per prefix, so a candidate is listed once.
    /// Query words are lower-case letters and digits, as the 'simple' configuration stores them.
    /// Every value taken from <c>@Match</c> is computed once per execution (an InitPlan, as are
    /// the queries and the limit in <see cref="CandidateSearch"/>) rather than folded into the plan, so a custom
    /// plan is estimated exactly as the generic one and the plan cache keeps the generic plan.
    /// Folded, every custom plan looked cheaper and PostgreSQL planned each search afresh
    /// (0.6-1.1 ms a statement, more than running it; ADR 32).
    /// </summary>
    private static string NamePrefixKeys(IReadOnlyList<string> terms)
    {
        var prefixes = terms
            .Select((term, i) => (term, i))
            .OrderByDescending(t => t.term.Length)
            .ThenBy(t => t.i)
            .Select(t => $"(SELECT left(split_part({Word(t.i)}, ':', 1), {StoredPrefixLength}))")
            .ToList();
        var joins = string.Concat(prefixes.Skip(1).Select((prefix, i) => $"""

              JOIN candidate_name_prefixes o{i} ON o{i}.organization_id = @OrganizationId AND o{i}.search_id = d.search_id AND o{i}.prefix = {prefix}
            """));
        return $"""
            (SELECT d.search_id FROM candidate_name_prefixes d{joins}
             WHERE d.organization_id = @OrganizationId AND d.prefix = {prefixes[0]}
             ORDER BY d.search_id DESC) k
            CROSS JOIN LATERAL (SELECT * FROM candidates c WHERE c.organization_id = @OrganizationId AND c.search_id = k.search_id OFFSET 0) c
            """;
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
