using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Debriefs;
using Hirekit.Core.Kits;
using Hirekit.Data.Applications;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;

namespace Hirekit.Data.Debriefs;

public sealed class DecisionStore(IDbConnectionFactory db) : IDecisionStore
{
    public Task<bool> RecordAsync(Decision decision, Application from, string toStage, string? rejectReason, ApplicationEvent @event, AuditEntry audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return db.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (!await ApplicationSql.MoveAsync(connection, transaction, from, toStage, null, rejectReason, @event, ct))
                {
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO application_decisions (id, organization_id, application_id, outcome, level, rationale, override_reason, pending_scorecards, assessed_level, decided_by, decided_at)
                    VALUES (@Id, @OrganizationId, @ApplicationId, @Outcome, @Level, @Rationale, @OverrideReason, @PendingScorecards, @AssessedLevel, @DecidedBy, @DecidedAt)
                    """,
                    new
                    {
                        decision.Id,
                        decision.OrganizationId,
                        decision.ApplicationId,
                        decision.Outcome,
                        Level = (int?)decision.Level,
                        decision.Rationale,
                        decision.OverrideReason,
                        decision.PendingScorecards,
                        AssessedLevel = (int?)decision.AssessedLevel,
                        decision.DecidedBy,
                        decision.DecidedAt,
                    },
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return true;
            },
            ct);
    }

    public async Task<IReadOnlyList<Decision>> ListForApplicationAsync(Guid organizationId, Guid applicationId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(
            """
            SELECT d.id, d.organization_id, d.application_id, d.outcome, d.level, d.rationale, d.override_reason, d.pending_scorecards, d.assessed_level,
                   d.decided_by, u.display_name AS decided_by_name, d.decided_at
            FROM application_decisions d JOIN users u ON u.id = d.decided_by
            WHERE d.organization_id = @OrganizationId AND d.application_id = @ApplicationId
            ORDER BY d.decided_at DESC, d.id DESC
            """,
            new { OrganizationId = organizationId, ApplicationId = applicationId },
            cancellationToken: ct));
        return rows.Select(r => new Decision(
            r.Id, r.OrganizationId, r.ApplicationId, r.Outcome, (Level?)r.Level, r.Rationale, r.OverrideReason, r.PendingScorecards, (Level?)r.AssessedLevel, r.DecidedBy, r.DecidedByName, r.DecidedAt)).ToList();
    }

    private sealed class DecisionRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public Guid ApplicationId { get; init; }

        public string Outcome { get; init; } = "";

        public int? Level { get; init; }

        public string Rationale { get; init; } = "";

        public string? OverrideReason { get; init; }

        public int PendingScorecards { get; init; }

        public int? AssessedLevel { get; init; }

        public Guid DecidedBy { get; init; }

        public string DecidedByName { get; init; } = "";

        public DateTimeOffset DecidedAt { get; init; }
    }
}
