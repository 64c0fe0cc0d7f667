using System.Text;
using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Common;
using Hirekit.Core.Kits;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Kits;

public sealed class QuestionBankStore(IDbConnectionFactory db) : IQuestionBankStore
{
    public async Task<IReadOnlyList<QuestionHit>> SearchAsync(Guid organizationId, QuestionQuery query, int offset, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = query.Terms();
        var text = terms.Count > 0 ? db.Dialect.QuestionSearch(terms) : null;
        var where = new StringBuilder("1 = 1");
        var parameters = new DynamicParameters(new { OrganizationId = organizationId, Offset = offset, Limit = limit });
        if (text is not null)
        {
            where.Append(" AND ").Append(text.Predicate);
            parameters.Add("Match", text.Match);
        }

        void Filter(string? value, string column, string name)
        {
            if (!string.IsNullOrEmpty(value))
            {
                where.Append(" AND ").Append(column).Append(" = @").Append(name);
                parameters.Add(name, value);
            }
        }

        Filter(query.Competency, "q.competency_key", "Competency");
        Filter(query.Trait, "q.trait_key", "Trait");
        Filter(query.Round, "q.round_key", "Round");
        Filter(query.Kind, "q.kind", "Kind");
        if (query.Level is { } level)
        {
            where.Append(" AND (q.level_mask & @LevelBit) <> 0");
            parameters.Add("LevelBit", QuestionProjection.Bit(level));
        }

        if (query.KitId is { } kitId)
        {
            where.Append(" AND l.kit_id = @KitId");
            parameters.Add("KitId", kitId);
        }

        if (!query.IncludeRetired)
        {
            where.Append(" AND s.question_key IS NULL");
        }

        // The page is chosen first; usage counts are computed for its rows only.
        var sql = $"""
            WITH latest AS (
                SELECT k.id AS kit_id, k.name AS kit_name, k.latest_version AS version, v.content_hash
                FROM kits k
                JOIN kit_versions v ON v.kit_id = k.id AND v.number = k.latest_version
                WHERE k.organization_id = @OrganizationId
            ),
            page AS (
                SELECT l.kit_id, l.kit_name, l.version, q.question_key AS key, q.kind, q.competency_key AS competency, q.trait_key AS trait,
                       q.round_key AS round, q.level_mask, q.title, q.prompt,
                       CASE WHEN s.question_key IS NULL THEN 0 ELSE 1 END AS retired,
                       {text?.Rank ?? "0"} AS rank, q.position
                FROM latest l
                JOIN kit_document_questions q ON q.content_hash = l.content_hash
                {text?.Join ?? ""}
                LEFT JOIN kit_question_states s ON s.organization_id = @OrganizationId AND s.kit_id = l.kit_id AND s.question_key = q.question_key
                WHERE {where}
                ORDER BY rank, l.kit_name, q.position
                LIMIT @Limit OFFSET @Offset
            )
            SELECT p.kit_id, p.kit_name, p.version, p.key, p.kind, p.competency, p.trait, p.round, p.level_mask, p.title, p.prompt, p.retired,
                   (SELECT COUNT(*) FROM kit_question_uses u WHERE u.organization_id = @OrganizationId AND u.kit_id = p.kit_id AND u.question_key = p.key) AS uses
            FROM page p
            ORDER BY p.rank, p.kit_name, p.position
            """;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<HitRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return rows.Select(r => new QuestionHit(r.KitId, r.KitName, r.Version, r.Key, r.Kind, r.Competency, r.Trait, r.Round, r.LevelMask, r.Title, r.Prompt, r.Retired == 1, (int)r.Uses)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, int>> CountUsesAsync(Guid organizationId, Guid kitId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<UseCountRow>(new CommandDefinition(
            "SELECT question_key, COUNT(*) AS uses FROM kit_question_uses WHERE organization_id = @OrganizationId AND kit_id = @KitId GROUP BY question_key",
            new { OrganizationId = organizationId, KitId = kitId },
            cancellationToken: ct));
        return rows.ToDictionary(r => r.QuestionKey, r => (int)r.Uses, StringComparer.Ordinal);
    }

    public async Task<IReadOnlySet<string>> ListRetiredAsync(Guid organizationId, Guid kitId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var keys = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            "SELECT question_key FROM kit_question_states WHERE organization_id = @OrganizationId AND kit_id = @KitId",
            new { OrganizationId = organizationId, KitId = kitId },
            cancellationToken: ct));
        return keys.Select(k => k.QuestionKey).ToHashSet(StringComparer.Ordinal);
    }

    public Task<bool> SetRetiredAsync(Guid organizationId, Guid kitId, string questionKey, bool retired, Guid actorUserId, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var key = new { OrganizationId = organizationId, KitId = kitId, Key = questionKey, Now = now, Actor = actorUserId };
                var changed = retired
                    ? await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO kit_question_states (organization_id, kit_id, question_key, retired_at, retired_by)
                        VALUES (@OrganizationId, @KitId, @Key, @Now, @Actor)
                        ON CONFLICT (organization_id, kit_id, question_key) DO NOTHING
                        """,
                        key,
                        transaction,
                        cancellationToken: ct))
                    : await connection.ExecuteAsync(new CommandDefinition(
                        "DELETE FROM kit_question_states WHERE organization_id = @OrganizationId AND kit_id = @KitId AND question_key = @Key",
                        key,
                        transaction,
                        cancellationToken: ct));
                if (changed == 1)
                {
                    await AuditWriter.AppendAsync(connection, transaction, AuditEntry.System(organizationId, actorUserId, retired ? "question.retired" : "question.restored", "kit", kitId, now, questionKey), ct);
                }

                return changed == 1;
            },
            ct);

    public async Task RecordUseAsync(Guid organizationId, Guid kitId, string questionKey, DateTimeOffset usedAt, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO kit_question_uses (id, organization_id, kit_id, question_key, used_at) VALUES (@Id, @OrganizationId, @KitId, @Key, @UsedAt)",
            new { Id = Ids.New(), OrganizationId = organizationId, KitId = kitId, Key = questionKey, UsedAt = usedAt },
            cancellationToken: ct));
    }

    private sealed class HitRow
    {
        public Guid KitId { get; init; }

        public string KitName { get; init; } = "";

        public int Version { get; init; }

        public string Key { get; init; } = "";

        public string Kind { get; init; } = "";

        public string? Competency { get; init; }

        public string? Trait { get; init; }

        public string Round { get; init; } = "";

        public int LevelMask { get; init; }

        public string Title { get; init; } = "";

        public string Prompt { get; init; } = "";

        public int Retired { get; init; }

        public long Uses { get; init; }
    }

    private sealed class UseCountRow
    {
        public string QuestionKey { get; init; } = "";

        public long Uses { get; init; }
    }

    private sealed class KeyRow
    {
        public string QuestionKey { get; init; } = "";
    }
}
