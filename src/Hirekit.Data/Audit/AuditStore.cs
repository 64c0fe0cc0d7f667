using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Audit;

public sealed class AuditStore(IDbConnectionFactory db) : IAuditStore
{
    private const string Select = """
        SELECT a.id, a.actor_user_id, u.display_name AS actor_name, a.action, a.entity_type, a.entity_id, a.occurred_at, a.detail
        FROM audit_events a
        LEFT JOIN users u ON u.id = a.actor_user_id
        """;

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                foreach (var entry in entries)
                {
                    await AuditWriter.AppendAsync(connection, transaction, entry, ct);
                }
            },
            ct);

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(Guid organizationId, Guid? before, int limit, CancellationToken ct)
    {
        var sql = before is null
            ? $"{Select} WHERE a.organization_id = @OrganizationId ORDER BY a.id DESC LIMIT @Limit"
            : $"{Select} WHERE a.organization_id = @OrganizationId AND a.id < @Before ORDER BY a.id DESC LIMIT @Limit";
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(sql, new { OrganizationId = organizationId, Before = before ?? Guid.Empty, Limit = limit }, cancellationToken: ct));
        return rows.Select(r => new AuditEvent(r.Id, r.ActorUserId, r.ActorName, r.Action, r.EntityType, r.EntityId, r.OccurredAt, r.Detail)).ToList();
    }

    private sealed class AuditRow
    {
        public Guid Id { get; init; }

        public Guid? ActorUserId { get; init; }

        public string? ActorName { get; init; }

        public string Action { get; init; } = "";

        public string EntityType { get; init; } = "";

        public string EntityId { get; init; } = "";

        public DateTimeOffset OccurredAt { get; init; }

        public string? Detail { get; init; }
    }
}
