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
