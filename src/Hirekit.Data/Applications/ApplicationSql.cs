using System.Data.Common;
using Dapper;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;

namespace Hirekit.Data.Applications;

/// <summary>Writes shared by every path that creates or moves applications: row, history event and column counts together.</summary>
internal static class ApplicationSql
{
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, Application a, Guid? actorUserId, string note, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO applications (id, organization_id, job_id, candidate_id, stage, stage_id, source, resume_file_id, reject_reason, created_at, updated_at)
            VALUES (@Id, @OrganizationId, @JobId, @CandidateId, @Stage, @StageId, @Source, @ResumeFileId, NULL, @CreatedAt, @UpdatedAt)
            """,
            a,
            transaction,
            cancellationToken: ct));
        await InsertEventAsync(connection, transaction, a.OrganizationId, new ApplicationEvent(Ids.New(), a.Id, "applied", null, null, a.Stage, a.StageId, null, note, actorUserId, null, a.CreatedAt), ct);
        await CountAsync(connection, transaction, a.OrganizationId, a.JobId, a.Stage, a.StageId, +1, ct);
    }

    /// <summary>
    /// Moves an application that is still where <paramref name="from"/> says it is, with its
    /// history event and both column counts; false (and nothing written) when it moved meanwhile.
    /// </summary>
    public static async Task<bool> MoveAsync(DbConnection connection, DbTransaction transaction, Application from, string toStage, Guid? toStageId, string? rejectReason, ApplicationEvent @event, CancellationToken ct)
    {
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE applications SET stage = @ToStage, stage_id = @ToStageId, reject_reason = @RejectReason, updated_at = @Now
            WHERE organization_id = @OrganizationId AND id = @Id AND stage = @FromStage AND {(from.StageId is null ? "stage_id IS NULL" : "stage_id = @FromStageId")}
            """,
            new { from.OrganizationId, from.Id, ToStage = toStage, ToStageId = toStageId, RejectReason = rejectReason, Now = @event.OccurredAt, FromStage = from.Stage, FromStageId = from.StageId },
            transaction,
            cancellationToken: ct));
        if (moved != 1)
        {
            return false;
        }

        await CountAsync(connection, transaction, from.OrganizationId, from.JobId, from.Stage, from.StageId, -1, ct);
        await CountAsync(connection, transaction, from.OrganizationId, from.JobId, toStage, toStageId, +1, ct);
        await InsertEventAsync(connection, transaction, from.OrganizationId, @event, ct);
        return true;
    }

    public static Task InsertEventAsync(DbConnection connection, DbTransaction transaction, Guid organizationId, ApplicationEvent e, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO application_events (id, organization_id, application_id, kind, from_stage, from_stage_id, to_stage, to_stage_id, reason_code, note, actor_user_id, occurred_at)
            VALUES (@Id, @OrganizationId, @ApplicationId, @Kind, @FromStage, @FromStageId, @ToStage, @ToStageId, @ReasonCode, @Note, @ActorUserId, @OccurredAt)
            """,
            new { e.Id, OrganizationId = organizationId, e.ApplicationId, e.Kind, e.FromStage, e.FromStageId, e.ToStage, e.ToStageId, e.ReasonCode, e.Note, e.ActorUserId, e.OccurredAt },
            transaction,
            cancellationToken: ct));

    /// <summary>
    /// Adds <paramref name="delta"/> (+1 or -1) to a column's count. Increments create the row at
    /// the first application; decrements only ever apply to a row an increment created. (An upsert
    /// cannot decrement: SQLite checks the provisional row's CHECK before it sees the conflict.)
    /// </summary>
    public static Task CountAsync(DbConnection connection, DbTransaction transaction, Guid organizationId, Guid jobId, string stage, Guid? stageId, int delta, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            delta > 0
                ? """
                  INSERT INTO pipeline_counts (organization_id, job_id, stage, stage_key, count) VALUES (@OrganizationId, @JobId, @Stage, @StageKey, @Delta)
                  ON CONFLICT (organization_id, job_id, stage, stage_key) DO UPDATE SET count = pipeline_counts.count + @Delta
                  """
                : "UPDATE pipeline_counts SET count = count + @Delta WHERE organization_id = @OrganizationId AND job_id = @JobId AND stage = @Stage AND stage_key = @StageKey",
            new { OrganizationId = organizationId, JobId = jobId, Stage = stage, StageKey = StageKey(stageId), Delta = delta },
            transaction,
            cancellationToken: ct));

    public static string StageKey(Guid? stageId) => stageId?.ToString() ?? "";
}
