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
    /// Tier 1 (ADR 31) reads <c>candidate_name_words</c>, the lexemes of each name and e-mail in a
    /// B-tree: each query word's prefix is a range read index-only, the ranges are intersected,
    /// and the keys come out newest first, so the page stops the read. Each proposed row is
    /// rechecked against <c>name_search</c>, the definition of a tier 1 match.
    /// Tier 2 reads <c>search</c> (everything) minus the tier 1 rows; a GIN index cannot return
    /// rows in key order and the planner cannot tell a rare prefix from a common one, so the
    /// store walks a window first (<see cref="CandidateSearchReading.WalkThenIndex"/>, ADR 28).
    /// </summary>
    public CandidateSearchSql CandidateSearch(IReadOnlyList<string> terms)
    {
        var words = string.Join(" & ", terms.Select(t => $"{t}:*"));
        return new(
            new(NameWordKeys(terms), "k.search_id", "c.name_search @@ to_tsquery('english', @Match)", words),
            new("candidates c", "c.search_id", "c.search @@ to_tsquery('english', @Match) AND NOT c.name_search @@ to_tsquery('english', @Match)", words),
            CandidateSearchReading.WalkThenIndex);
    }

    /// <summary>
    /// The keys of the candidates with a name or e-mail word starting with every query word's
    /// lexeme, newest first, each joined to its <c>candidates c</c> row by a lookup (LATERAL,
    /// and OFFSET 0 so the planner cannot turn it into a scan of candidates).
    /// The lexemes are those <c>to_tsquery('english', @Match)</c> uses: a word with a digit is a
    /// number token, kept as written; any other word is stemmed. Word k is read back from
    /// <c>@Match</c> ("w1:* &amp; w2:*", words of letters and digits only), so every value is an
    /// immutable function of the parameter, which a custom plan folds to a constant.
    /// A prefix p is the range [p, p || U+10FFFF) in the bytewise order of the word column.
    /// A stop word has no lexeme and <c>to_tsquery</c> drops it, which no range can express; such
    /// a query reads the GIN index of <c>name_search</c> instead (the second branch, off otherwise).
    /// </summary>
    private static string NameWordKeys(IReadOnlyList<string> terms)
    {
        var lexemes = terms.Select((term, i) =>
        {
            var word = $"split_part(split_part(@Match, ' & ', {i + 1}), ':', 1)";
            return term.Any(char.IsDigit) ? word : $"(ts_lexize('english_stem', {word}))[1]";
        }).ToList();
        var ranges = string.Join("\n     INTERSECT\n     ", lexemes.Select(lexeme =>
            $"SELECT search_id FROM candidate_name_words WHERE organization_id = @OrganizationId AND word >= ({lexeme}) COLLATE \"C\" AND word < ({lexeme} || chr(1114111)) COLLATE \"C\""));
        var anyStopWord = string.Join(" OR ", lexemes.Select(lexeme => $"({lexeme}) IS NULL"));
        return $"""
            (SELECT search_id FROM (
                 {ranges}
                 UNION
                 SELECT search_id FROM candidates WHERE ({anyStopWord}) AND organization_id = @OrganizationId AND name_search @@ to_tsquery('english', @Match)
             ) keys
             ORDER BY search_id DESC) k
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
