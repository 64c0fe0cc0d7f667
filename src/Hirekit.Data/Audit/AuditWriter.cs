using System.Data.Common;
using Dapper;
using Hirekit.Core.Audit;

namespace Hirekit.Data.Audit;

/// <summary>
/// Appends an audit entry inside the caller's transaction, so the log and the change it
/// describes commit or roll back together. The only write path to <c>audit_events</c>.
/// </summary>
internal static class AuditWriter
{
    private const string Sql = """
        INSERT INTO audit_events (id, organization_id, actor_user_id, action, entity_type, entity_id, occurred_at, detail)
        VALUES (@Id, @OrganizationId, @ActorUserId, @Action, @EntityType, @EntityId, @OccurredAt, @Detail)
        """;

    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(Sql, entry, transaction, cancellationToken: ct));
}
